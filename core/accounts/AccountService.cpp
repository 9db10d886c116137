#include "accounts/AccountService.h"

#include "accounts/PostgresAccounts.h"

#include "accounts/PasswordPolicy.h"
#include "accounts/Session.h"
#include "audit/AuditLog.h"
#include "store/KeySlotFile.h"
#include "store/KeyWrap.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace alpr {

namespace {

VoidResult checkUserName(const QString& name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z][A-Za-z0-9._-]{1,31}$"));
    if (!valid.match(name).hasMatch())
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("A user name is 2-32 letters, digits, '.', '_' or '-', starting with a letter"));
    return {};
}

constexpr int kMaxFullNameChars = 100;

// Runs an administrative change and its audit record in one transaction.
template <typename Change>
VoidResult auditedChange(Session& session, const AuditRecord& record, Change&& change)
{
    return guarded([&] {
        store::Transaction tx(session.database());
        change(session.database());
        AuditLog::append(tx, record);
        tx.commit();
    });
}

// A change to the key slot file with its audit record: the record commits only after the file is saved, so the
// trail never shows a change that did not happen.
template <typename Change>
VoidResult auditedSlotChange(Session& session, store::KeySlotFile& keySlots, const AuditRecord& record, Change&& change)
{
    return guarded([&] {
        store::Transaction tx(session.database());
        AuditLog::append(tx, record);
        change(keySlots);
        if (auto saved = keySlots.save(); !saved)
            throw ErrorException(saved.error());
        tx.commit();
    });
}

} // namespace

Result<QList<Account>> AccountService::list()
{
    if (auto allowed = m_session.require(Permission::ManageUsers, QStringLiteral("list user accounts")); !allowed)
        return std::unexpected(allowed.error());
    return guarded([&] {
        QList<Account> out;
        auto s = m_session.database().prepare(QStringLiteral("SELECT name FROM accounts ORDER BY name"));
        QStringList names;
        while (s.step())
            names.append(s.text(0));
        for (const QString& name : names)
            out.append(loadAccount(m_session.database(), name));
        auto audited = m_session.recordAccess(m_session.auditRecord(QStringLiteral("user.list"), QStringLiteral("accounts"),
                                                                    {}, {}, QStringLiteral("results: %1").arg(out.size())));
        if (!audited)
            throw ErrorException(audited.error());
        return out;
    });
}

VoidResult AccountService::validate(const NewAccount& account)
{
    if (auto nameOk = checkUserName(account.name); !nameOk)
        return nameOk;
    if (account.fullName.size() > kMaxFullNameChars)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The full name may have at most %1 characters").arg(kMaxFullNameChars));
    for (const QChar c : account.fullName)
        if (!c.isPrint())
            return fail(ErrorCode::InvalidInput, QStringLiteral("The full name may hold only printable characters"));
    return PasswordPolicy::check(account.initialPassword, account.name);
}

VoidResult AccountService::add(const NewAccount& account)
{
    if (auto allowed = m_session.require(Permission::ManageUsers, QStringLiteral("add user accounts")); !allowed)
        return allowed;
    if (auto valid = validate(account); !valid)
        return valid;
    auto keySlots = store::KeySlotFile::loadForUpdate(m_session.keySlotPath());
    if (!keySlots)
        return std::unexpected(keySlots.error());
    if (keySlots->hasSlot(account.name) || keySlots->isDisabled(account.name))
        return fail(ErrorCode::InvalidInput, QStringLiteral("An account named '%1' already exists").arg(account.name));
    auto wrapped = store::KeyWrap::wrap(m_session.databaseKey(), account.initialPassword, account.name,
                                        m_session.kdfIterations());
    if (!wrapped)
        return std::unexpected(wrapped.error());
    const QString params = QStringLiteral("{\"role\":\"%1\",\"training_until\":\"%2\",\"clets\":%3}")
                               .arg(roleName(account.role), account.trainingUntil.toString(Qt::ISODate),
                                    account.cletsAuthorized ? QStringLiteral("true") : QStringLiteral("false"));
    // The slot is written first: if the database change fails the slot is taken back, so no half account remains.
    keySlots->setSlot(account.name, *wrapped);
    if (auto saved = keySlots->save(); !saved)
        return saved;
    auto changed = auditedChange(
        m_session, m_session.auditRecord(QStringLiteral("user.add"), QStringLiteral("account:") + account.name, params),
        [&](store::Database& db) {
            db.prepare(QStringLiteral("INSERT INTO accounts(name, full_name, role, training_until, clets, created_utc) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"))
                .bind(1, account.name)
                .bind(2, account.fullName)
                .bind(3, roleName(account.role))
                .bind(4, account.trainingUntil.isValid() ? std::optional<QString>(account.trainingUntil.toString(Qt::ISODate)) : std::nullopt)
                .bind(5, account.cletsAuthorized ? 1 : 0)
                .bind(6, m_session.clock().nowUtc().toString(Qt::ISODateWithMs))
                .run();
            if (db.isPostgres()) {
                PostgresAccounts::create(db, account.name, account.initialPassword);
                PostgresAccounts::setKeySlot(db, account.name, *wrapped);
            }
        });
    if (!changed) {
        keySlots->removeSlot(account.name);
        (void)keySlots->save();
        if (changed.error().detail.contains(QLatin1String("UNIQUE")))
            return fail(ErrorCode::InvalidInput, QStringLiteral("An account named '%1' already exists").arg(account.name));
    }
    return changed;
}

VoidResult AccountService::disable(const QString& name)
{
    if (auto allowed = m_session.require(Permission::ManageUsers, QStringLiteral("disable user accounts")); !allowed)
        return allowed;
    if (name == m_session.account().name)
        return fail(ErrorCode::InvalidInput, QStringLiteral("You cannot disable your own account"));
    auto keySlots = store::KeySlotFile::loadForUpdate(m_session.keySlotPath());
    if (!keySlots)
        return std::unexpected(keySlots.error());
    auto changed = auditedChange(
        m_session, m_session.auditRecord(QStringLiteral("user.disable"), QStringLiteral("account:") + name),
        [&](store::Database& db) {
            auto s = db.prepare(QStringLiteral("UPDATE accounts SET disabled = 1 WHERE name = ?1"));
            s.bind(1, name).run();
            if (db.changes() == 0)
                raise(ErrorCode::NotFound, QStringLiteral("No account named '%1'").arg(name));
            if (db.isPostgres()) {
                PostgresAccounts::update(db, name);
                PostgresAccounts::setKeySlot(db, name, std::nullopt);
            }
        });
    if (!changed)
        return changed;
    keySlots->markDisabled(name);
    return keySlots->save();
}

VoidResult AccountService::setTraining(const QString& name, const QDate& until)
{
    if (auto allowed = m_session.require(Permission::ManageUsers, QStringLiteral("record training")); !allowed)
        return allowed;
    if (!until.isValid())
        return fail(ErrorCode::InvalidInput, QStringLiteral("Give the training expiry as YYYY-MM-DD"));
    return auditedChange(m_session,
                         m_session.auditRecord(QStringLiteral("user.training"), QStringLiteral("account:") + name,
                                               QStringLiteral("{\"until\":\"%1\"}").arg(until.toString(Qt::ISODate))),
                         [&](store::Database& db) {
                             auto s = db.prepare(QStringLiteral("UPDATE accounts SET training_until = ?2 WHERE name = ?1"));
                             s.bind(1, name).bind(2, until.toString(Qt::ISODate)).run();
                             if (db.changes() == 0)
                                 raise(ErrorCode::NotFound, QStringLiteral("No account named '%1'").arg(name));
                             if (db.isPostgres())
                                 PostgresAccounts::update(db, name);
                         });
}

VoidResult AccountService::setCletsAuthorization(const QString& name, bool authorized)
{
    if (auto allowed = m_session.require(Permission::ManageUsers, QStringLiteral("change CLETS authorization")); !allowed)
        return allowed;
    return auditedChange(m_session,
                         m_session.auditRecord(QStringLiteral("user.clets"), QStringLiteral("account:") + name,
                                               authorized ? QStringLiteral("{\"clets\":true}")
                                                          : QStringLiteral("{\"clets\":false}")),
                         [&](store::Database& db) {
                             auto s = db.prepare(QStringLiteral("UPDATE accounts SET clets = ?2 WHERE name = ?1"));
                             s.bind(1, name).bind(2, authorized ? 1 : 0).run();
                             if (db.changes() == 0)
                                 raise(ErrorCode::NotFound, QStringLiteral("No account named '%1'").arg(name));
                             if (db.isPostgres())
                                 PostgresAccounts::update(db, name);
                         });
}

VoidResult AccountService::changeOwnPassword(const QString& oldPassword, const QString& newPassword)
{
    const QString name = m_session.account().name;
    if (auto passwordOk = PasswordPolicy::check(newPassword, name); !passwordOk)
        return passwordOk;
    auto keySlots = store::KeySlotFile::loadForUpdate(m_session.keySlotPath());
    if (!keySlots)
        return std::unexpected(keySlots.error());
    const auto current = keySlots->slot(name);
    if (!current || !store::KeyWrap::unwrap(*current, oldPassword, name))
        return fail(ErrorCode::AuthenticationFailed, QStringLiteral("The current password is wrong"));
    auto wrapped = store::KeyWrap::wrap(m_session.databaseKey(), newPassword, name, m_session.kdfIterations());
    if (!wrapped)
        return std::unexpected(wrapped.error());
    auto audited = auditedChange(
        m_session, m_session.auditRecord(QStringLiteral("user.passwd"), QStringLiteral("account:") + name),
        [&](store::Database& db) {
            if (db.isPostgres()) {
                PostgresAccounts::setPassword(db, name, newPassword);
                PostgresAccounts::setKeySlot(db, name, *wrapped);
            }
        });
    if (!audited)
        return audited;
    m_session.serverPasswordChanged(newPassword);
    keySlots->setSlot(name, *wrapped);
    return keySlots->save();
}

VoidResult AccountService::resetPassword(const QString& name, const QString& newPassword)
{
    if (auto allowed = m_session.require(Permission::ManageUsers, QStringLiteral("set other users' passwords"));
        !allowed)
        return allowed;
    if (name == m_session.account().name)
        return fail(ErrorCode::InvalidInput, QStringLiteral("Change your own password with your current one"));
    if (auto passwordOk = PasswordPolicy::check(newPassword, name); !passwordOk)
        return passwordOk;
    auto keySlots = store::KeySlotFile::loadForUpdate(m_session.keySlotPath());
    if (!keySlots)
        return std::unexpected(keySlots.error());
    if (keySlots->isDisabled(name))
        return fail(ErrorCode::InvalidInput, QStringLiteral("The account '%1' is disabled").arg(name));
    auto wrapped = store::KeyWrap::wrap(m_session.databaseKey(), newPassword, name, m_session.kdfIterations());
    if (!wrapped)
        return std::unexpected(wrapped.error());
    // As in add(): the slot first, taken back if the account change fails.
    const auto previous = keySlots->slot(name);
    keySlots->setSlot(name, *wrapped);
    if (auto saved = keySlots->save(); !saved)
        return saved;
    auto changed = auditedChange(
        m_session, m_session.auditRecord(QStringLiteral("user.password.reset"), QStringLiteral("account:") + name),
        [&](store::Database& db) {
            auto account = db.prepare(QStringLiteral("SELECT disabled FROM accounts WHERE name = ?1"));
            account.bind(1, name);
            if (!account.step())
                raise(ErrorCode::NotFound, QStringLiteral("No account named '%1'").arg(name));
            if (account.int64(0) != 0)
                raise(ErrorCode::InvalidInput, QStringLiteral("The account '%1' is disabled").arg(name));
            if (db.isPostgres()) {
                PostgresAccounts::setPassword(db, name, newPassword);
                PostgresAccounts::setKeySlot(db, name, *wrapped);
            }
        });
    if (!changed) {
        previous ? keySlots->setSlot(name, *previous) : keySlots->removeSlot(name);
        (void)keySlots->save(); // the change's own error is the one to report
    }
    return changed;
}

Result<QHash<QString, store::LoginLockState>> AccountService::lockStates()
{
    if (auto allowed = m_session.require(Permission::ManageUsers, QStringLiteral("see locked accounts")); !allowed)
        return std::unexpected(allowed.error());
    auto keySlots = store::KeySlotFile::load(m_session.keySlotPath());
    if (!keySlots)
        return std::unexpected(keySlots.error());
    QHash<QString, store::LoginLockState> out;
    const QDateTime now = m_session.clock().nowUtc();
    for (const QString& user : keySlots->usersWithFailures()) {
        const store::LoginLockState state = keySlots->lockState(user, now);
        if (state.locked || state.recentFailures > 0)
            out.insert(user, state);
    }
    return out;
}

VoidResult AccountService::unlock(const QString& name)
{
    if (auto allowed = m_session.require(Permission::ManageUsers, QStringLiteral("unlock user accounts")); !allowed)
        return allowed;
    auto keySlots = store::KeySlotFile::loadForUpdate(m_session.keySlotPath());
    if (!keySlots)
        return std::unexpected(keySlots.error());
    const QDateTime now = m_session.clock().nowUtc();
    const store::LoginLockState state = keySlots->lockState(name, now);
    if (!keySlots->hasSlot(name) && !keySlots->isDisabled(name))
        return fail(ErrorCode::NotFound, QStringLiteral("No account named '%1'").arg(name));
    if (!state.locked && state.recentFailures == 0)
        return fail(ErrorCode::InvalidInput, QStringLiteral("The account '%1' is not locked").arg(name));
    const QString params = QStringLiteral("{\"was_locked\":%1,\"recent_failures\":%2}")
                               .arg(state.locked ? QStringLiteral("true") : QStringLiteral("false"))
                               .arg(state.recentFailures);
    return auditedSlotChange(
        m_session, *keySlots,
        m_session.auditRecord(QStringLiteral("account.unlock"), QStringLiteral("account:") + name, params),
        [&](store::KeySlotFile& file) { file.clearFailures(name); });
}

Result<store::LoginLockoutPolicy> AccountService::lockoutPolicy()
{
    if (auto allowed = m_session.require(Permission::ManageUsers, QStringLiteral("see the login lockout policy"));
        !allowed)
        return std::unexpected(allowed.error());
    auto keySlots = store::KeySlotFile::load(m_session.keySlotPath());
    if (!keySlots)
        return std::unexpected(keySlots.error());
    return keySlots->lockoutPolicy();
}

VoidResult AccountService::setLockoutPolicy(const store::LoginLockoutPolicy& policy)
{
    if (auto allowed = m_session.require(Permission::ManageUsers, QStringLiteral("change the login lockout policy"));
        !allowed)
        return allowed;
    if (auto valid = policy.validate(); !valid)
        return valid;
    auto keySlots = store::KeySlotFile::loadForUpdate(m_session.keySlotPath());
    if (!keySlots)
        return std::unexpected(keySlots.error());
    const QString params = QString::fromUtf8(QJsonDocument(policy.toJson()).toJson(QJsonDocument::Compact));
    return auditedSlotChange(
        m_session, *keySlots,
        m_session.auditRecord(QStringLiteral("account.policy"), QStringLiteral("login-lockout"), params),
        [&](store::KeySlotFile& file) { file.setLockoutPolicy(policy); });
}

} // namespace alpr
