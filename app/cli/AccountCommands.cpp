#include "cli/AccountCommands.h"

#include "accounts/AccountService.h"
#include "accounts/PasswordPolicy.h"
#include "accounts/StoreCopier.h"
#include "audit/AuditLog.h"
#include "cli/CancelOnInterrupt.h"
#include "cli/CliContext.h"
#include "common/JobContext.h"
#include "common/ValueParser.h"
#include "store/Migrations.h"
#include "store/PostgresConnection.h"
#include "store/StoreProfile.h"
#include "store/Transaction.h"

#include <QDir>
#include <QFile>
#include <QSysInfo>

namespace alpr::cli {

namespace {

Result<QDate> parseDate(const QString& text)
{
    return ValueParser::date(text);
}

// --failures, --window, --lock-minutes: checked before the password is asked for; applied to policy when given.
VoidResult parseLockoutOptions(const CliOptions& options, store::LoginLockoutPolicy* policy = nullptr)
{
    store::LoginLockoutPolicy p = policy ? *policy : store::LoginLockoutPolicy{};
    const std::pair<const char*, int*> fields[] = {
        {"failures", &p.failures}, {"window", &p.windowMinutes}, {"lock-minutes", &p.lockMinutes}};
    for (const auto& [option, field] : fields) {
        const QString name = QLatin1String(option);
        if (!options.has(name))
            continue;
        bool ok = false;
        const int value = options.value(name).toInt(&ok);
        if (!ok)
            return fail(ErrorCode::InvalidInput, QStringLiteral("--%1 must be a whole number").arg(name));
        *field = value;
    }
    if (auto valid = p.validate(); !valid)
        return valid;
    if (policy)
        *policy = p;
    return {};
}

QString lockText(const store::LoginLockState& state)
{
    if (state.locked)
        return state.lockedUntil.isValid()
                   ? QStringLiteral("until ") + state.lockedUntil.toString(QStringLiteral("yyyy-MM-ddTHH:mmZ"))
                   : QStringLiteral("until unlocked");
    return state.recentFailures > 0 ? QStringLiteral("no (%1 failed)").arg(state.recentFailures) : QStringLiteral("no");
}

} // namespace

int runInitCommand(CliContext& c)
{
    auto options = CliOptions::parse(
        c.arguments(), {}, {QStringLiteral("admin"), QStringLiteral("training-until"), QStringLiteral("server")});
    if (!options || options->value(QStringLiteral("admin")).isEmpty() || !options->positional().isEmpty())
        return c.usage(QStringLiteral("usage: alprctl ") +
                       QStringLiteral("[--store DIR] init --admin NAME [--training-until YYYY-MM-DD] "
                                      "[--server CONNECTION (an empty PostgreSQL database; docs/server.md)]"));
    QDate training = QDate::currentDate().addYears(1);
    if (options->has(QStringLiteral("training-until"))) {
        auto d = parseDate(options->value(QStringLiteral("training-until")));
        if (!d)
            return c.report(d.error());
        training = *d;
    } else {
        c.err() << "note: the administrator's ALPR training is recorded as valid until " << training.toString(Qt::ISODate)
                << "; correct it with `alprctl user training`" << Qt::endl;
    }
    const QString admin = options->value(QStringLiteral("admin"));
    auto password = c.readPassword(QStringLiteral("New password for %1: ").arg(admin));
    if (!password)
        return c.report(password.error());
    if (auto ok = PasswordPolicy::check(*password, admin); !ok)
        return c.report(ok.error());
    const QString server = options->value(QStringLiteral("server"));
    if (!server.isEmpty()) {
        if (Session::storeExists(c.storeDirectory()))
            return c.report(makeError(ErrorCode::InvalidInput,
                                      QStringLiteral("A store already exists in %1").arg(c.storeDirectory())));
        if (auto written = store::StoreProfile::writePostgres(c.storeDirectory(), server); !written)
            return c.report(written.error());
    }
    auto session = Session::initializeStore(c.storeDirectory(), admin, *password, training, c.sessionOptions());
    if (!session) {
        // No half store: without its first account the folder must not claim a server.
        if (!server.isEmpty())
            QFile::remove(QDir(c.storeDirectory()).filePath(QLatin1String(store::StoreProfile::kProfileFileName)));
        return c.report(session.error());
    }
    (void)(*session)->logout();
    if (server.isEmpty())
        c.err() << "Created an encrypted store in " << c.storeDirectory() << " with Commander " << admin << Qt::endl;
    else
        c.err() << "Created a store on the PostgreSQL server (" << (*session)->database().postgres()->description()
                << "), its "
                << "profile in " << c.storeDirectory() << ", with Commander " << admin << Qt::endl;
    return ExitOk;
}

int runUpgradeCommand(CliContext& c)
{
    if (!c.arguments().isEmpty())
        return c.usage(QStringLiteral("usage: alprctl [--store DIR] upgrade"));
    auto profile = store::StoreProfile::load(c.storeDirectory());
    if (!profile)
        return c.report(profile.error());
    if (profile->engine() != store::Engine::PostgreSql) {
        c.err() << "An embedded store is upgraded when a user logs in; nothing to do here." << Qt::endl;
        return ExitOk;
    }
    // As the profile's user, the store's owner: workstation users' roles may not change the schema.
    auto db = profile->open({});
    if (!db)
        return c.report(db.error());
    auto upgraded = guardedResult([&]() -> Result<QPair<qint64, qint64>> {
        const qint64 before = db->queryInt64(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version"));
        if (auto migrated = store::Migrations::apply(*db); !migrated)
            return std::unexpected(migrated.error());
        const qint64 after = db->queryInt64(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version"));
        if (after != before) {
            store::Transaction tx(*db);
            AuditRecord r;
            r.timeUtc = QDateTime::currentDateTimeUtc();
            r.user = QStringLiteral("owner:") + db->queryText(QStringLiteral("SELECT current_user"));
            r.workstation =
                c.sessionOptions().workstation.isEmpty() ? QSysInfo::machineHostName() : c.sessionOptions().workstation;
            r.action = QStringLiteral("store.upgrade");
            r.object = QStringLiteral("schema");
            r.parameters = QStringLiteral("{\"from\":%1,\"to\":%2}").arg(before).arg(after);
            r.outcome = QStringLiteral("ok");
            AuditLog::append(tx, r);
            tx.commit();
        }
        return QPair<qint64, qint64>(before, after);
    });
    if (!upgraded)
        return c.report(upgraded.error());
    c.err() << "Store schema: version " << upgraded->first << " -> " << upgraded->second << Qt::endl;
    return ExitOk;
}

int runStoreCommand(CliContext& c)
{
    static const QString kUsage =
        QStringLiteral("usage: alprctl [--store DIR] store copy [--from DIR] --to CONNECTION --into NEWDIR");
    const QStringList& args = c.arguments();
    if (args.value(0) != QLatin1String("copy"))
        return c.usage(kUsage);
    auto options =
        CliOptions::parse(args.mid(1), {}, {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("into")});
    if (!options)
        return c.report(options.error());
    const QString connection = options->value(QStringLiteral("to"));
    const QString into = options->value(QStringLiteral("into"));
    if (connection.isEmpty() || into.isEmpty() || !options->positional().isEmpty())
        return c.usage(kUsage);
    if (options->has(QStringLiteral("from")))
        c.setStoreDirectory(options->value(QStringLiteral("from")));
    auto session = c.login();
    if (!session)
        return c.report(session.error());
    JobContext job([&](qint64 done, qint64 total, const QString& stage) {
        c.err() << "[" << done << "/" << total << "] " << stage << Qt::endl;
    });
    // Ctrl-C rolls the copy back (the server transaction) and removes the new folder, instead of leaving them.
    auto copied = [&] {
        const CancelOnInterrupt interrupt(job);
        return StoreCopier::copy(**session, c.loginPassword(), into, connection, job);
    }();
    if (!copied)
        return c.report(copied.error());
    c.out() << "tables\t" << copied->tables << "\nrows\t" << copied->rows << "\nreads\t" << copied->reads
            << "\nimages\t" << copied->images << "\naudit_verified\t" << copied->auditHead << Qt::endl;
    c.err() << "Copied the store to the server; its profile is in " << into
            << ". The audit log verified before and after the copy." << Qt::endl;
    if (!copied->accountsAwaitingPassword.isEmpty())
        c.err() << "The server never saw the other users' passwords: set each with `alprctl --store " << into
                << " user set-password NAME` before they log in: "
                << copied->accountsAwaitingPassword.join(QStringLiteral(", ")) << Qt::endl;
    return ExitOk;
}

int runUserCommand(CliContext& c)
{
    const QStringList& args = c.arguments();
    const QString verb = args.value(0);
    const QStringList rest = args.mid(1);
    auto options = CliOptions::parse(
        rest, {QStringLiteral("clets"), QStringLiteral("json"), QStringLiteral("no-clets")},
        {QStringLiteral("role"), QStringLiteral("training-until"), QStringLiteral("until"), QStringLiteral("full-name"),
         QStringLiteral("failures"), QStringLiteral("window"), QStringLiteral("lock-minutes")});
    if (!options)
        return c.report(options.error());
    const QString name = options->positional().value(0);
    static const QString kUsage = QStringLiteral(
        "user add NAME --role ROLE --training-until YYYY-MM-DD [--clets] [--full-name TEXT] | user list | "
        "user disable NAME | user passwd | user training NAME --until YYYY-MM-DD | user clets NAME [--no-clets] | "
        "user set-password NAME | user unlock NAME | "
        "user lockout [--failures N] [--window MINUTES] [--lock-minutes M (0: until unlocked)]");
    const bool needsName =
        verb != QLatin1String("list") && verb != QLatin1String("passwd") && verb != QLatin1String("lockout");
    if (verb.isEmpty() || (needsName && name.isEmpty()) || (!needsName && !name.isEmpty()))
        return c.usage(QStringLiteral("usage: alprctl ") + kUsage);

    // Validate what can be validated before asking for a password.
    NewAccount added;
    QDate until;
    if (verb == QLatin1String("add")) {
        const auto role = roleFromName(options->value(QStringLiteral("role")));
        if (!role)
            return c.usage(QStringLiteral("usage: alprctl ") + QStringLiteral("user add NAME --role commander|agency-manager|investigator|"
                                           "records-supervisor|auditor --training-until YYYY-MM-DD [--clets]"));
        auto d = parseDate(options->value(QStringLiteral("training-until")));
        if (!d)
            return c.report(d.error());
        added = NewAccount{name, options->value(QStringLiteral("full-name")), *role, *d,
                           options->has(QStringLiteral("clets")), {}};
    } else if (verb == QLatin1String("training")) {
        auto d = parseDate(options->value(QStringLiteral("until")));
        if (!d)
            return c.report(d.error());
        until = *d;
    } else if (verb == QLatin1String("lockout")) {
        if (auto parsed = parseLockoutOptions(*options); !parsed)
            return c.report(parsed.error());
    } else if (verb != QLatin1String("list") && verb != QLatin1String("disable") && verb != QLatin1String("passwd") &&
               verb != QLatin1String("clets") && verb != QLatin1String("unlock") &&
               verb != QLatin1String("set-password")) {
        return c.usage(QStringLiteral("usage: alprctl ") + kUsage);
    }

    auto session = c.login();
    if (!session)
        return c.report(session.error());
    AccountService accounts(**session);
    VoidResult result;
    if (verb == QLatin1String("add")) {
        auto password = c.readPassword(QStringLiteral("Initial password for %1: ").arg(name));
        if (!password)
            return c.report(password.error());
        added.initialPassword = *password;
        result = accounts.add(added);
    } else if (verb == QLatin1String("list")) {
        auto list = accounts.list();
        if (!list)
            return c.report(list.error());
        auto locks = accounts.lockStates();
        if (!locks)
            return c.report(locks.error());
        c.out() << "name\trole\ttraining_until\tclets\tdisabled\tlocked\n";
        for (const Account& a : *list)
            c.out() << a.name << '\t' << roleName(a.role) << '\t' << a.trainingUntil.toString(Qt::ISODate) << '\t'
                    << (a.cletsAuthorized ? "yes" : "no") << '\t' << (a.disabled ? "yes" : "no") << '\t'
                    << lockText(locks->value(a.name)) << '\n';
        c.out().flush();
    } else if (verb == QLatin1String("disable")) {
        result = accounts.disable(name);
    } else if (verb == QLatin1String("training")) {
        result = accounts.setTraining(name, until);
    } else if (verb == QLatin1String("clets")) {
        result = accounts.setCletsAuthorization(name, !options->has(QStringLiteral("no-clets")));
    } else if (verb == QLatin1String("unlock")) {
        result = accounts.unlock(name);
        if (result)
            c.err() << "Unlocked " << name << Qt::endl;
    } else if (verb == QLatin1String("lockout")) {
        auto current = accounts.lockoutPolicy();
        if (!current)
            return c.report(current.error());
        store::LoginLockoutPolicy policy = *current;
        (void)parseLockoutOptions(*options, &policy);
        if (!(policy == *current))
            result = accounts.setLockoutPolicy(policy);
        if (result)
            c.out() << policy.describe() << Qt::endl;
    } else if (verb == QLatin1String("passwd")) {
        auto next = c.readPassword(QStringLiteral("New password: "));
        if (!next)
            return c.report(next.error());
        result = accounts.changeOwnPassword(c.loginPassword(), *next);
    } else if (verb == QLatin1String("set-password")) {
        auto next = c.readPassword(QStringLiteral("New password for %1: ").arg(name));
        if (!next)
            return c.report(next.error());
        result = accounts.resetPassword(name, *next);
        if (result)
            c.err() << "Set the password of " << name << Qt::endl;
    }
    if (!result)
        return c.report(result.error());
    return ExitOk;
}

} // namespace alpr::cli
