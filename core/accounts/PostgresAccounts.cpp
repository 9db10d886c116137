#include "accounts/PostgresAccounts.h"

#include "accounts/Role.h"
#include "common/Result.h"
#include "store/Database.h"
#include "store/PostgresConnection.h"
#include "store/Statement.h"
#include "store/StoreProfile.h"

namespace alpr {

namespace {

// An identifier quoted for PostgreSQL: role names are not parameters in CREATE/ALTER/GRANT.
QString quoted(const QString& identifier)
{
    QString inner = identifier;
    inner.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + inner + QLatin1Char('"');
}

QString literal(const QString& text)
{
    QString inner = text;
    inner.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + inner + QLatin1Char('\'');
}

QString group(store::Database& db, const char* kind)
{
    auto s = db.prepare(QStringLiteral("SELECT alpr_group(?1)"));
    s.bind(1, QString::fromLatin1(kind));
    return s.step() ? s.text(0) : QString();
}

void grantMembership(store::Database& db, const QString& role, const QString& groupRole, bool member)
{
    db.execVerbatim((member ? QStringLiteral("GRANT %1 TO %2") : QStringLiteral("REVOKE %1 FROM %2"))
                        .arg(quoted(groupRole), quoted(role)));
}

} // namespace

QString PostgresAccounts::currentDatabase(store::Database& db)
{
    return db.queryText(QStringLiteral("SELECT current_database()"));
}

void PostgresAccounts::create(store::Database& db, const Account& account, const QString& password)
{
    const QString role = store::StoreProfile::loginRole(currentDatabase(db), account.name);
    auto existing = db.prepare(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?1"));
    existing.bind(1, role);
    const QByteArray verifier = db.postgres()->passwordVerifier(role, password);
    db.execVerbatim(QStringLiteral("%1 ROLE %2 WITH NOLOGIN PASSWORD %3")
                        .arg(existing.step() ? QStringLiteral("ALTER") : QStringLiteral("CREATE"), quoted(role),
                             literal(QString::fromLatin1(verifier))));
    update(db, account.name);
}

void PostgresAccounts::update(store::Database& db, const QString& user)
{
    auto s = db.prepare(QStringLiteral("SELECT role, training_until, clets, disabled FROM accounts WHERE name = ?1"));
    s.bind(1, user);
    if (!s.step())
        raise(ErrorCode::NotFound, QStringLiteral("No account named '%1'").arg(user));
    const Role appRole = roleFromName(s.text(0)).value_or(Role::Auditor);
    const QDate trainingUntil = QDate::fromString(s.text(1), Qt::ISODate);
    const bool clets = s.int64(2) != 0;
    const bool disabled = s.int64(3) != 0;
    const QString role = store::StoreProfile::loginRole(currentDatabase(db), user);
    grantMembership(db, role, group(db, "staff"), true);
    grantMembership(db, role, group(db, "data"), roleAllows(appRole, Permission::SearchReads));
    grantMembership(db, role, group(db, "clets"), clets && roleAllows(appRole, Permission::SearchReads));
    // No training, no data: the role's password stops working after the training's last day (UTC).
    const QString validUntil =
        trainingUntil.isValid()
            ? literal(trainingUntil.addDays(1).toString(Qt::ISODate) + QStringLiteral(" 00:00:00+00"))
            : literal(QStringLiteral("-infinity"));
    db.execVerbatim(QStringLiteral("ALTER ROLE %1 WITH %2 %3 VALID UNTIL %4")
                        .arg(quoted(role), disabled ? QStringLiteral("NOLOGIN") : QStringLiteral("LOGIN"),
                             roleAllows(appRole, Permission::ManageUsers) ? QStringLiteral("CREATEROLE")
                                                                          : QStringLiteral("NOCREATEROLE"),
                             validUntil));
}

void PostgresAccounts::setPassword(store::Database& db, const QString& user, const QString& password)
{
    const QString role = store::StoreProfile::loginRole(currentDatabase(db), user);
    db.execVerbatim(
        QStringLiteral("ALTER ROLE %1 WITH PASSWORD %2")
            .arg(quoted(role), literal(QString::fromLatin1(db.postgres()->passwordVerifier(role, password)))));
}

} // namespace alpr
