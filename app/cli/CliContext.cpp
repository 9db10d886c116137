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
    if (!error.detail.isEmpty())
        diag::warning(error.detail);
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
