#pragma once

#include "accounts/Account.h"
#include "common/Result.h"

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
    [[nodiscard]] VoidResult add(const NewAccount& account);
    [[nodiscard]] VoidResult disable(const QString& name);
    [[nodiscard]] VoidResult setTraining(const QString& name, const QDate& until);
    [[nodiscard]] VoidResult setCletsAuthorization(const QString& name, bool authorized);
    /// The logged-in user's own password; the old one is checked again.
    [[nodiscard]] VoidResult changeOwnPassword(const QString& oldPassword, const QString& newPassword);

private:
    Session& m_session;
};

} // namespace alpr
