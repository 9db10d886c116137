#pragma once

#include "accounts/Session.h"
#include "common/Result.h"

#include <QStringList>
#include <QTextStream>

#include <memory>
#include <optional>

namespace alpr::cli {

/// Exit codes of alprctl (documented in README and `alprctl --help`).
enum ExitCode : int { ExitOk = 0, ExitUsage = 1, ExitRefused = 2, ExitVerificationFailed = 3, ExitOtherError = 4 };

/// What every alprctl command gets: its own arguments, the global options, output streams, and login.
class CliContext {
public:
    CliContext(QStringList arguments, QString storeDirectory, QString user, bool passwordFromStdin);

    /// The words after the command (and sub-command) name.
    [[nodiscard]] const QStringList& arguments() const { return m_arguments; }
    [[nodiscard]] const QString& storeDirectory() const { return m_storeDirectory; }
    /// A command that names its store itself (store copy --from).
    void setStoreDirectory(const QString& directory) { m_storeDirectory = directory; }
    [[nodiscard]] const QString& user() const { return m_user; }

    QTextStream& out() { return m_out; } ///< data
    QTextStream& err() { return m_err; } ///< messages

    /// Reads a password: the next stdin line with --password-stdin, else from the terminal without echo.
    [[nodiscard]] Result<QString> readPassword(const QString& prompt);
    /// Logs in --user with a password read as above.
    [[nodiscard]] Result<std::unique_ptr<Session>> login();
    [[nodiscard]] SessionOptions sessionOptions() const;
    /// The password given to login(), for commands that must present it again (user passwd).
    [[nodiscard]] const QString& loginPassword() const { return m_loginPassword; }

    /// Prints the error on stderr and returns the exit code that goes with it (2 for refusals, 3 for failed
    /// verification, 4 otherwise; cancellation is not an error).
    int report(const Error& error);
    /// Prints a command's usage on stderr. Exit 0 when the arguments asked for it (--help, -h), else 1.
    int usage(const QString& text);

private:
    QStringList m_arguments;
    QString m_storeDirectory;
    QString m_user;
    bool m_passwordFromStdin = false;
    QString m_loginPassword;
    QTextStream m_out;
    QTextStream m_err;
    QTextStream m_in;
};

/// The longest command-line word alprctl accepts (a polygon of the most points a canvass allows fits easily).
inline constexpr qsizetype kMaxArgumentChars = 65536;

/// Checks the raw command line before anything reads it: every word valid UTF-8, without control characters and
/// not over kMaxArgumentChars. The reason (naming the word by position and the option before it) or nullopt.
[[nodiscard]] std::optional<QString> checkArguments(int argc, const char* const argv[]);

/// Parses "--name value" / "--flag" options out of arguments; what is left are positional words.
class CliOptions {
public:
    /// flags: options without a value; valued: options with one. Unknown options are an error.
    static Result<CliOptions> parse(const QStringList& arguments, const QStringList& flags, const QStringList& valued);
    [[nodiscard]] bool has(const QString& name) const { return m_flags.contains(name) || m_values.contains(name); }
    [[nodiscard]] QString value(const QString& name, const QString& fallback = {}) const { return m_values.value(name, fallback); }
    [[nodiscard]] QStringList values(const QString& name) const { return m_multi.value(name); }
    [[nodiscard]] const QStringList& positional() const { return m_positional; }

private:
    QStringList m_flags;
    QHash<QString, QString> m_values;
    QHash<QString, QStringList> m_multi;
    QStringList m_positional;
};

} // namespace alpr::cli
