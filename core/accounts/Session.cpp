#include "accounts/Session.h"

#include "accounts/PostgresAccounts.h"
#include "audit/AuditLog.h"
#include "common/Log.h"
#include "store/KeySlotFile.h"
#include "store/KeyWrap.h"
#include "store/Migrations.h"
#include "store/Statement.h"
#include "store/StoreProfile.h"
#include "store/Transaction.h"

#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QSysInfo>

#include <thread>

namespace alpr {

namespace {

QString workstationName(const SessionOptions& options)
{
    return options.workstation.isEmpty() ? QSysInfo::machineHostName() : options.workstation;
}

// A user name as typed at a failed login may be anything; keep the audit field short and printable.
QString printableUserName(const QString& typed)
{
    QString out;
    for (const QChar c : typed.left(64))
        out += c.isPrint() ? c : QChar(u'?');
    return out;
}

QString lockDuration(const store::LoginLockState& state)
{
    return state.lockedUntil.isValid()
               ? QStringLiteral("until %1 UTC").arg(state.lockedUntil.toString(QStringLiteral("yyyy-MM-dd HH:mm")))
               : QStringLiteral("until a Commander unlocks it");
}

QString lockedMessage(const store::LoginLockState& state)
{
    return QStringLiteral("This account is locked after repeated failed logins %1").arg(lockDuration(state));
}

void appendPendingEvents(store::Transaction& tx, const store::KeySlotFile& keySlots)
{
    for (const store::PendingSecurityEvent& e : keySlots.pendingEvents()) {
        AuditRecord r;
        r.timeUtc = e.timeUtc;
        r.user = e.user;
        r.workstation = e.workstation;
        r.action = e.action;
        r.object = QStringLiteral("account:") + e.user;
        r.outcome = e.outcome;
        AuditLog::append(tx, r);
    }
}

// The user's own key slot from a server store, over a connection as the user (the server checks the password:
// a refusal there is AuthenticationFailed like a slot that does not open). None when the server has no slot for
// the user (a store made before the server kept them).
Result<std::optional<store::WrappedKey>> slotFromServer(const store::StoreProfile& profile, const QString& user,
                                                        const QString& password)
{
    auto db = profile.openAs(user, password, {});
    if (!db) {
        // A wrong password, an account the server has no role for, a disabled (NOLOGIN) role: to the person at
        // the keyboard all are a refused login, counted like one, without saying which.
        const QString& why = db.error().detail;
        if (why.contains(QLatin1String("password authentication failed")) ||
            (why.contains(QLatin1String("role \"")) && why.contains(QLatin1String("does not exist"))) ||
            why.contains(QLatin1String("is not permitted to log in")))
            return fail(ErrorCode::AuthenticationFailed, QStringLiteral("Wrong user name or password"));
        return std::unexpected(db.error());
    }
    if (db->queryText(QStringLiteral("SELECT to_regclass('key_slots')::text")).isEmpty())
        return std::optional<store::WrappedKey>();
    return guarded([&] { return PostgresAccounts::ownKeySlot(*db, user); });
}

} // namespace

Account loadAccount(store::Database& db, const QString& name)
{
    auto s = db.prepare(QStringLiteral(
        "SELECT id, name, full_name, role, training_until, clets, disabled FROM accounts WHERE name = ?1"));
    s.bind(1, name);
    if (!s.step())
        raise(ErrorCode::NotFound, QStringLiteral("No account named '%1'").arg(name));
    Account a;
    a.id = s.int64(0);
    a.name = s.text(1);
    a.fullName = s.text(2);
    a.role = roleFromName(s.text(3)).value_or(Role::Investigator);
    a.trainingUntil = s.isNull(4) ? QDate() : QDate::fromString(s.text(4), Qt::ISODate);
    a.cletsAuthorized = s.int64(5) != 0;
    a.disabled = s.int64(6) != 0;
    return a;
}

Session::Session(store::Database db, QByteArray key, Account account, const QString& directory,
                 const SessionOptions& options)
    : m_db(std::move(db)), m_key(std::move(key)), m_account(std::move(account)), m_directory(directory),
      m_clock(options.clock), m_workstation(workstationName(options)),
      m_kdfIterations(options.kdfIterations > 0 ? options.kdfIterations : store::KeyWrap::kDefaultIterations)
{
}

Session::~Session()
{
    m_key.fill('\0');
    m_serverPassword.fill(QLatin1Char('\0'));
}

bool Session::storeExists(const QString& directory)
{
    // A server store's folder holds its profile before the store is made; it exists once it has key slots.
    const QDir dir(directory);
    return QFileInfo::exists(dir.filePath(QLatin1String(kDatabaseFileName))) ||
           (QFileInfo::exists(dir.filePath(QLatin1String(store::StoreProfile::kProfileFileName))) &&
            QFileInfo::exists(dir.filePath(QLatin1String(kKeySlotFileName))));
}

QString Session::databasePath() const
{
    return QDir(m_directory).filePath(QLatin1String(kDatabaseFileName));
}

QString Session::keySlotPath() const
{
    return QDir(m_directory).filePath(QLatin1String(kKeySlotFileName));
}

Result<std::unique_ptr<Session>> Session::initializeStore(const QString& directory, const QString& adminName,
                                                          const QString& password, const QDate& trainingUntil,
                                                          const SessionOptions& options)
{
    if (storeExists(directory))
        return fail(ErrorCode::InvalidInput, QStringLiteral("A store already exists in %1").arg(directory));
    if (adminName.trimmed().isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("The administrator needs a user name"));
    if (!QDir().mkpath(directory))
        return fail(ErrorCode::Io, QStringLiteral("Cannot create the store directory %1").arg(directory));
    QFile::setPermissions(directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const int iterations = options.kdfIterations > 0 ? options.kdfIterations : store::KeyWrap::kDefaultIterations;
    const QByteArray key = store::KeyWrap::randomBytes(store::Database::kKeyBytes);
    auto wrapped = store::KeyWrap::wrap(key, password, adminName, iterations);
    if (!wrapped)
        return std::unexpected(wrapped.error());
    auto keySlots = store::KeySlotFile::loadForUpdate(QDir(directory).filePath(QLatin1String(kKeySlotFileName)));
    if (!keySlots)
        return std::unexpected(keySlots.error());
    auto profile = store::StoreProfile::load(directory);
    if (!profile)
        return std::unexpected(profile.error());
    auto db = profile->open(key);
    if (!db)
        return std::unexpected(db.error());
    if (auto migrated = store::Migrations::apply(*db); !migrated)
        return std::unexpected(migrated.error());
    if (!db->isPostgres())
        QFile::setPermissions(db->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QDateTime now = options.clock->nowUtc();
    auto created = guarded([&] {
        store::Transaction tx(*db);
        db->prepare(QStringLiteral("INSERT INTO accounts(name, role, training_until, created_utc) VALUES (?1, ?2, ?3, ?4)"))
            .bind(1, adminName)
            .bind(2, roleName(Role::Commander))
            .bind(3, trainingUntil.isValid() ? std::optional<QString>(trainingUntil.toString(Qt::ISODate)) : std::nullopt)
            .bind(4, now.toString(Qt::ISODateWithMs))
            .run();
        AuditRecord r;
        r.timeUtc = now;
        r.user = adminName;
        r.workstation = workstationName(options);
        r.action = QStringLiteral("store.init");
        r.object = QStringLiteral("account:") + adminName;
        r.parameters = QStringLiteral("{\"role\":\"commander\",\"training_until\":\"%1\"}")
                           .arg(trainingUntil.toString(Qt::ISODate));
        r.outcome = QStringLiteral("ok");
        AuditLog::append(tx, r);
        if (db->isPostgres()) {
            PostgresAccounts::create(*db, adminName, password);
            PostgresAccounts::setKeySlot(*db, adminName, *wrapped);
        }
        tx.commit();
    });
    if (!created)
        return std::unexpected(created.error());
    keySlots->setSlot(adminName, *wrapped);
    if (auto saved = keySlots->save(); !saved)
        return std::unexpected(saved.error());
    keySlots->releaseLock();
    diag::info(QStringLiteral("Created a new store"));
    return login(directory, adminName, password, options);
}

Result<std::unique_ptr<Session>> Session::login(const QString& directory, const QString& user,
                                                const QString& password, const SessionOptions& options)
{
    if (!storeExists(directory))
        return fail(ErrorCode::NotFound, QStringLiteral("There is no store in %1").arg(directory));
    const QString slotPath = QDir(directory).filePath(QLatin1String(kKeySlotFileName));
    auto keySlots = store::KeySlotFile::loadForUpdate(slotPath);
    if (!keySlots)
        return std::unexpected(keySlots.error());
    const QDateTime now = options.clock->nowUtc();
    const QString workstation = workstationName(options);
    const QString who = printableUserName(user);

    // Refusals before the store is open cannot be written into it: they wait in the slot file (see header).
    auto refuseClosed = [&](const QString& action, ErrorCode code, const QString& message) -> Result<std::unique_ptr<Session>> {
        keySlots->addPendingEvent({now, who, workstation, action, QStringLiteral("refused: ") + message});
        if (auto saved = keySlots->save(); !saved)
            return std::unexpected(saved.error());
        return fail(code, message);
    };

    const store::LoginLockState state = keySlots->lockState(who, now);
    if (state.locked)
        return refuseClosed(QStringLiteral("login.locked"), ErrorCode::AccountLocked, lockedMessage(state));
    if (keySlots->isDisabled(user))
        return refuseClosed(QStringLiteral("login.refused"), ErrorCode::AccountDisabled,
                            QStringLiteral("This account is disabled"));
    auto profile = store::StoreProfile::load(directory);
    if (!profile)
        return std::unexpected(profile.error());
    const auto slot = keySlots->slot(user);
    auto key = slot ? store::KeyWrap::unwrap(*slot, password, user)
                    : Result<QByteArray>(fail(ErrorCode::AuthenticationFailed, QStringLiteral("Wrong user name or password")));
    if (!key && key.error().code == ErrorCode::AuthenticationFailed && profile->engine() == store::Engine::PostgreSql) {
        // A server store keeps every account's slot (015_key_slots.sql): this workstation has none for the user,
        // or an older one (the password was changed elsewhere). The server checks the password first.
        auto fromServer = slotFromServer(*profile, user, password);
        if (!fromServer && fromServer.error().code != ErrorCode::AuthenticationFailed)
            return std::unexpected(fromServer.error());
        if (fromServer && *fromServer)
            if (auto unwrapped = store::KeyWrap::unwrap(**fromServer, password, user)) {
                key = std::move(unwrapped);
                keySlots->setSlot(user, **fromServer); // kept here, saved with the login
            }
    }
    if (!key) {
        if (key.error().code != ErrorCode::AuthenticationFailed)
            return std::unexpected(key.error());
        const store::LoginLockState after = keySlots->recordFailure(who, now);
        keySlots->addPendingEvent({now, who, workstation, QStringLiteral("login.failed"),
                                   QStringLiteral("refused: wrong user name or password (%1 within %2 minutes)")
                                       .arg(after.recentFailures)
                                       .arg(keySlots->lockoutPolicy().windowMinutes)});
        Error refusal = makeError(ErrorCode::AuthenticationFailed, QStringLiteral("Wrong user name or password"));
        if (after.locked) {
            keySlots->addPendingEvent({now, who, workstation, QStringLiteral("account.lock"),
                                       QStringLiteral("locked: %1 failed logins within %2 minutes; %3")
                                           .arg(after.recentFailures)
                                           .arg(keySlots->lockoutPolicy().windowMinutes)
                                           .arg(lockDuration(after))});
            refusal = makeError(ErrorCode::AccountLocked,
                                QStringLiteral("Wrong password; after %1 failed logins the account is locked %2")
                                    .arg(after.recentFailures)
                                    .arg(lockDuration(after)));
        }
        if (auto saved = keySlots->save(); !saved)
            return std::unexpected(saved.error());
        // The answer waits longer after each failure; the slot file is saved and unlocked first, so other users'
        // logins are not held up and a killed process still has its failure counted.
        keySlots->releaseLock();
        const auto delay = keySlots->lockoutPolicy().delayAfterFailure(after.recentFailures);
        if (options.waitAfterFailure)
            options.waitAfterFailure(delay);
        else
            std::this_thread::sleep_for(delay);
        return std::unexpected(refusal);
    }

    auto db = profile->openAs(user, password, *key);
    if (!db)
        return std::unexpected(db.error());
    if (auto migrated = store::Migrations::apply(*db); !migrated)
        return std::unexpected(migrated.error());

    return guardedResult([&]() -> Result<std::unique_ptr<Session>> {
        const Account account = loadAccount(*db, user);
        QString refusal;
        ErrorCode refusalCode = ErrorCode::Internal;
        if (account.disabled) {
            refusal = QStringLiteral("This account is disabled");
            refusalCode = ErrorCode::AccountDisabled;
        } else if (!account.trainingUntil.isValid()) {
            refusal = QStringLiteral("No ALPR training is recorded for this account; ask the Commander to record it");
            refusalCode = ErrorCode::TrainingMissing;
        } else if (!account.trainingValidOn(now.date())) {
            refusal = QStringLiteral("ALPR training expired on %1; renew it before reaching ALPR data")
                          .arg(account.trainingUntil.toString(Qt::ISODate));
            refusalCode = ErrorCode::TrainingMissing;
        }
        {
            store::Transaction tx(*db);
            appendPendingEvents(tx, *keySlots);
            AuditRecord r;
            r.timeUtc = now;
            r.user = account.name;
            r.workstation = workstation;
            r.action = refusal.isEmpty() ? QStringLiteral("login") : QStringLiteral("login.refused");
            r.object = QStringLiteral("account:") + account.name;
            r.outcome = refusal.isEmpty() ? QStringLiteral("ok") : QStringLiteral("refused: ") + refusal;
            AuditLog::append(tx, r);
            // A store the server kept no slots for yet (made before 015_key_slots.sql): each user's login puts
            // theirs there, so other workstations need no copy of this one's file.
            if (db->isPostgres() && refusal.isEmpty() && !PostgresAccounts::ownKeySlot(*db, account.name))
                PostgresAccounts::setKeySlot(*db, account.name, keySlots->slot(user));
            tx.commit();
        }
        keySlots->clearPendingEvents();
        if (refusal.isEmpty())
            keySlots->clearFailures(who);
        if (auto saved = keySlots->save(); !saved)
            return std::unexpected(saved.error());
        if (!refusal.isEmpty())
            return fail(refusalCode, refusal);
        std::unique_ptr<Session> session(new Session(std::move(*db), std::move(*key), account, directory, options));
        session->m_profile = *profile;
        if (session->m_db.isPostgres())
            session->m_serverPassword = password; // for the worker connections openConnection() opens
        return session;
    });
}

Result<store::Database> Session::openConnection() const
{
    return m_profile.openAs(m_account.name, m_serverPassword, m_key);
}

VoidResult Session::require(Permission permission, const QString& what) const
{
    if (can(permission))
        return {};
    return fail(ErrorCode::PermissionDenied,
                QStringLiteral("The %1 role may not %2").arg(roleDisplayName(m_account.role), what));
}

AccessPurposePolicy Session::purposePolicy()
{
    return AccessPurposePolicy::load(m_db);
}

AuditRecord Session::auditRecord(const QString& action, const QString& object, const QString& parameters,
                                 const AccessPurpose& purpose, const QString& outcome) const
{
    AuditRecord r;
    r.timeUtc = m_clock->nowUtc();
    r.user = m_account.name;
    r.workstation = m_workstation;
    r.action = action;
    r.object = object;
    r.parameters = parameters;
    r.purpose = purpose.purpose.trimmed();
    r.caseNumber = purpose.caseNumber.trimmed().toUpper();
    r.outcome = outcome;
    return r;
}

VoidResult Session::recordAccess(const AuditRecord& record)
{
    return guarded([&] {
        store::Transaction tx(m_db);
        AuditLog::append(tx, record);
        tx.commit();
    });
}

VoidResult Session::logout()
{
    return recordAccess(auditRecord(QStringLiteral("logout"), QStringLiteral("account:") + m_account.name));
}

} // namespace alpr
