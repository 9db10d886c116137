// alprctl: the headless, scriptable face of the workstation. Data on stdout, messages on stderr, exit codes as in
// cli/CliContext.h. Everything it does goes through the same core services (and audit trail) as the GUI.
#include "cli/AccountCommands.h"
#include "cli/AuditCommand.h"
#include "cli/CliCommands.h"
#include "cli/CliContext.h"
#include "common/Log.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QMap>

#include <functional>
#include <memory>

namespace {

using alpr::cli::CliContext;
using Command = std::function<int(CliContext&)>;

const char* const kHelp =
    "usage: alprctl [--store DIR] [--user NAME] [--password-stdin] [--verbose] COMMAND ...\n"
    "\n"
    "Global options:\n"
    "  --store DIR        the store directory (default: the per-user application data directory)\n"
    "  --user NAME        who is acting; the password is read from the terminal, or as the first\n"
    "                     line of standard input with --password-stdin\n"
    "\n"
    "Commands:\n"
    "  init --admin NAME [--training-until DATE] [--server CONNECTION]   create the store (encrypted file, or on an\n"
    "                     empty PostgreSQL database: docs/server.md) and its first Commander\n"
    "  upgrade            bring a server store's schema up to this version, as its owner\n"
    "  store copy [--from DIR] --to CONNECTION --into NEWDIR   an embedded store to an empty PostgreSQL database\n"
    "                     (audit log verified before and after; docs/server.md)\n"
    "  user add NAME --role ROLE --training-until DATE [--clets]   (new password: next stdin line)\n"
    "  user list | user disable NAME | user passwd | user training NAME --until DATE | user clets NAME [--no-clets]\n"
    "  user set-password NAME   a Commander sets another user's password (next stdin line)\n"
    "  user unlock NAME | user lockout [--failures N] [--window MINUTES] [--lock-minutes M]   failed-login lockout\n"
    "  audit verify [--anchor COUNT:HASH] | audit anchor | audit report [--out FILE.pdf] [--csv FILE]\n"
    "  audit list [--user U] [--action A] [--from DATE] [--to DATE] [--json|--csv] | audit sample|review|signoff\n"
    "%1"
    "\n"
    "Exit codes: 0 ok, 1 usage, 2 authentication or permission refused, 3 verification failed, 4 other error.\n";

} // namespace

namespace {

// Evidence packages and audit reports carry PDF documents drawn with QtGui's PDF writer, which needs a
// QGuiApplication; the offscreen platform keeps alprctl headless. Every other command runs on QtCore alone.
bool needsGui(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray word(argv[i]);
        if (word == "--store" || word == "--user") {
            ++i;
        } else if (!word.startsWith("--")) {
            return word == "evidence" || word == "audit"; // audit report --out draws a PDF
        }
    }
    return false;
}

} // namespace

int main(int argc, char* argv[])
{
    if (const auto refused = alpr::cli::checkArguments(argc, argv)) {
        fprintf(stderr, "alprctl: %s\n", refused->toUtf8().constData());
        return alpr::cli::ExitUsage;
    }
    std::unique_ptr<QCoreApplication> application;
    if (needsGui(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    Q_UNUSED(application);
    QCoreApplication::setApplicationName(QStringLiteral("alpr-workstation"));
    QCoreApplication::setOrganizationName(QStringLiteral("alpr-workstation"));

    QStringList words = QCoreApplication::arguments().mid(1);
    QString store;
    QString user;
    bool passwordFromStdin = false;
    bool verbose = false;
    QStringList rest;
    // Global options stand before the command word; after it, --user is e.g. the audit filter.
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString& w = words[i];
        if (!rest.isEmpty()) {
            rest.append(w);
        } else if ((w == QLatin1String("--store") || w == QLatin1String("--user")) && i + 1 < words.size()) {
            (w == QLatin1String("--store") ? store : user) = words[++i];
        } else if (w.startsWith(QLatin1String("--store="))) {
            store = w.mid(8);
        } else if (w.startsWith(QLatin1String("--user="))) {
            user = w.mid(7);
        } else if (w == QLatin1String("--password-stdin")) {
            passwordFromStdin = true;
        } else if (w == QLatin1String("--verbose")) {
            verbose = true;
        } else {
            rest.append(w);
        }
    }
    alpr::diag::initialize(alpr::diag::Sink::Console, {}, verbose);
    // For tests and operators who prefer a quick "busy, try again" to waiting for another program's long write.
    if (const int busyMs = qEnvironmentVariableIntValue("ALPR_BUSY_TIMEOUT_MS"); busyMs > 0)
        alpr::store::Database::setDefaultBusyTimeout(busyMs);

    QMap<QString, Command> commands{
        {QStringLiteral("init"), alpr::cli::runInitCommand},
        {QStringLiteral("upgrade"), alpr::cli::runUpgradeCommand},
        {QStringLiteral("store"), alpr::cli::runStoreCommand},
        {QStringLiteral("user"), alpr::cli::runUserCommand},
        {QStringLiteral("audit"), alpr::cli::runAuditCommand},
    };
    QString moreHelp;
    for (const alpr::cli::CommandEntry& entry : alpr::cli::capabilityCommands()) {
        commands.insert(entry.name, entry.run);
        moreHelp += QStringLiteral("  ") + entry.help + QLatin1Char('\n');
    }

    const QString name = rest.value(0);
    if (name.isEmpty() || name == QLatin1String("--help") || name == QLatin1String("-h") || name == QLatin1String("help")) {
        fprintf(name.isEmpty() ? stderr : stdout, "%s", qPrintable(QString::fromLatin1(kHelp).arg(moreHelp)));
        return name.isEmpty() ? alpr::cli::ExitUsage : alpr::cli::ExitOk;
    }
    const auto command = commands.constFind(name);
    if (command == commands.constEnd()) {
        fprintf(stderr, "alprctl: unknown command '%s' (see alprctl --help)\n", qPrintable(name.left(40)));
        return alpr::cli::ExitUsage;
    }
    CliContext context(rest.mid(1), store, user, passwordFromStdin);
    return (*command)(context);
}
