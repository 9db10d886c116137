#include "cli/CliContext.h"

#include "common/Log.h"
#include "common/Paths.h"

#include <QRegularExpression>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace alpr::cli {

CliContext::CliContext(QStringList arguments, QString storeDirectory, QString user, bool passwordFromStdin)
    : m_arguments(std::move(arguments)),
      m_storeDirectory(storeDirectory.isEmpty() ? paths::defaultStoreDirectory() : std::move(storeDirectory)),
      m_user(std::move(user)), m_passwordFromStdin(passwordFromStdin), m_out(stdout), m_err(stderr), m_in(stdin)
{
}

Result<QString> CliContext::readPassword(const QString& prompt)
{
    if (m_passwordFromStdin || !isatty(STDIN_FILENO)) {
        const QString line = m_in.readLine();
        if (line.isNull())
            return fail(ErrorCode::InvalidInput, QStringLiteral("Expected a password line on standard input"));
        return line;
    }
    m_err << prompt << Qt::flush;
    termios saved{};
    tcgetattr(STDIN_FILENO, &saved);
    termios silent = saved;
    silent.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    const QString line = m_in.readLine();
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    m_err << Qt::endl;
    if (line.isNull())
        return fail(ErrorCode::InvalidInput, QStringLiteral("No password given"));
    return line;
}

SessionOptions CliContext::sessionOptions() const
{
    SessionOptions options;
    bool ok = false;
    // For scripted test stores only: a store made with a lower iteration count keeps it in its slots anyway.
    const int iterations = qEnvironmentVariableIntValue("ALPR_KDF_ITERATIONS", &ok);
    if (ok && iterations > 0)
        options.kdfIterations = iterations;
    return options;
}

Result<std::unique_ptr<Session>> CliContext::login()
{
    if (m_user.isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("Give the user name with --user NAME"));
    auto password = readPassword(QStringLiteral("Password for %1: ").arg(m_user));
    if (!password)
        return std::unexpected(password.error());
    m_loginPassword = *password;
    return Session::login(m_storeDirectory, m_user, *password, sessionOptions());
}

int CliContext::report(const Error& error)
{
    if (error.isCancellation()) {
        m_err << "Cancelled." << Qt::endl;
        return ExitOk;
    }
    m_err << "alprctl: " << error.message << Qt::endl;
    // The detail (SQLite's or a library's own words) is for whoever debugs with --verbose, not for the user.
    if (!error.detail.isEmpty())
        diag::debug(error.detail);
    switch (error.code) {
    case ErrorCode::AuthenticationFailed:
    case ErrorCode::AccountLocked:
    case ErrorCode::AccountDisabled:
    case ErrorCode::TrainingMissing:
    case ErrorCode::PermissionDenied:
    case ErrorCode::PurposeRequired:
        return ExitRefused;
    case ErrorCode::VerificationFailed:
        return ExitVerificationFailed;
    case ErrorCode::InvalidInput:
        return ExitUsage;
    default:
        return ExitOtherError;
    }
}

int CliContext::usage(const QString& text)
{
    m_err << text;
    if (!text.endsWith(QLatin1Char('\n')))
        m_err << '\n';
    m_err.flush();
    const bool askedForHelp = m_arguments.contains(QStringLiteral("--help")) || m_arguments.contains(QStringLiteral("-h"));
    return askedForHelp ? ExitOk : ExitUsage;
}

std::optional<QString> checkArguments(int argc, const char* const argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray raw(argv[i]);
        const QString word = QString::fromUtf8(raw);
        const QString where =
            (i > 1 && QByteArray(argv[i - 1]).startsWith("--"))
                ? QStringLiteral("word %1 (the value of %2)").arg(i).arg(QString::fromUtf8(argv[i - 1]).left(40))
                : QStringLiteral("word %1").arg(i);
        if (word.toUtf8() != raw)
            return QStringLiteral("%1 of the command line is not valid UTF-8 text").arg(where);
        if (word.size() > kMaxArgumentChars)
            return QStringLiteral("%1 of the command line is too long (%2 characters; at most %3)")
                .arg(where)
                .arg(word.size())
                .arg(kMaxArgumentChars);
        for (const QChar c : word)
            if (c.category() == QChar::Other_Control)
                return QStringLiteral("%1 of the command line contains a control character (U+%2); type it without "
                                      "tabs, line breaks or escape codes")
                    .arg(where)
                    .arg(c.unicode(), 4, 16, QLatin1Char('0'));
    }
    return std::nullopt;
}

Result<CliOptions> CliOptions::parse(const QStringList& arguments, const QStringList& flags, const QStringList& valued)
{
    CliOptions o;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& a = arguments[i];
        if (!a.startsWith(QLatin1String("--")) || a == QLatin1String("--")) {
            o.m_positional.append(a);
            continue;
        }
        QString name = a.mid(2);
        QString inlineValue;
        const bool hasInline = name.contains(QLatin1Char('='));
        if (hasInline) {
            inlineValue = name.section(QLatin1Char('='), 1);
            name = name.section(QLatin1Char('='), 0, 0);
        }
        if (flags.contains(name) && !hasInline) {
            o.m_flags.append(name);
        } else if (valued.contains(name)) {
            if (!hasInline && i + 1 >= arguments.size())
                return fail(ErrorCode::InvalidInput, QStringLiteral("--%1 needs a value").arg(name));
            const QString v = hasInline ? inlineValue : arguments[++i];
            o.m_values.insert(name, v);
            o.m_multi[name].append(v);
        } else {
            return fail(ErrorCode::InvalidInput, QStringLiteral("Unknown option --%1").arg(name));
        }
    }
    return o;
}

} // namespace alpr::cli
