#pragma once

#include "accounts/Account.h"
#include "common/Result.h"
#include "store/KeySlotFile.h"

#include <QHash>

#include <QList>

namespace alpr {

class Session;

struct NewAccount {
    QString name;
    QString fullName;
    Role role = Role::Investigator;
    QDate trainingUntil;
    bool cletsAuthorized = false;
    QString initialPassword;
};

/// User administration. Each change writes its audit record in the same transaction; only key slots change for
/// passwords and disabling (the database key itself never changes or leaves memory in clear).
class AccountService {
public:
    explicit AccountService(Session& session) : m_session(session) {}

    [[nodiscard]] Result<QList<Account>> list();
    /// What add() checks before it changes anything (name, full name, password), for dialogs that
    /// want to say so before they close. InvalidInput with a message naming the field.
    [[nodiscard]] static VoidResult validate(const NewAccount& account);
    [[nodiscard]] VoidResult add(const NewAccount& account);
    [[nodiscard]] VoidResult disable(const QString& name);
    [[nodiscard]] VoidResult setTraining(const QString& name, const QDate& until);
    [[nodiscard]] VoidResult setCletsAuthorization(const QString& name, bool authorized);
    /// Accounts with failed logins on record or locked now (ManageUsers).
    [[nodiscard]] Result<QHash<QString, store::LoginLockState>> lockStates();
    /// Lifts a lockout and forgets the account's failed logins (ManageUsers); audited as account.unlock.
    /// InvalidInput when the account is neither locked nor has failures on record.
    [[nodiscard]] VoidResult unlock(const QString& name);
    [[nodiscard]] Result<store::LoginLockoutPolicy> lockoutPolicy();
    /// Audited as account.policy; the policy is validated first.
    [[nodiscard]] VoidResult setLockoutPolicy(const store::LoginLockoutPolicy& policy);
    /// The logged-in user's own password; the old one is checked again.
    /// A Commander sets another user's password (forgotten, or never known to a server store copied from an
    /// embedded one): a new key slot, and on a server the login role's verifier. Audited as user.password.reset.
    [[nodiscard]] VoidResult resetPassword(const QString& name, const QString& newPassword);
    [[nodiscard]] VoidResult changeOwnPassword(const QString& oldPassword, const QString& newPassword);

private:
    Session& m_session;
};

} // namespace alpr
