#include "accounts/PostgresAccounts.h"

#include "accounts/Role.h"
#include "common/Result.h"
#include "store/Database.h"
#include "store/PostgresConnection.h"
#include "store/Statement.h"
#include "store/StoreProfile.h"

namespace alpr {

namespace {

using store::Database;

QString literal(const QString& text)
{
    QString inner = text;
    inner.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + inner + QLatin1Char('\'');
}

void grantMembership(Database& db, const QString& role, const QString& groupRole, bool member)
{
    db.execVerbatim((member ? QStringLiteral("GRANT %1 TO %2") : QStringLiteral("REVOKE %1 FROM %2"))
                        .arg(Database::quotedIdentifier(groupRole), Database::quotedIdentifier(role)));
}

} // namespace

QString PostgresAccounts::loginRole(Database& db, const QString& user)
{
    return store::StoreProfile::loginRole(db.queryText(QStringLiteral("SELECT current_database()")), user);
}

void PostgresAccounts::create(Database& db, const QString& user, const QString& password)
{
    const QString role = loginRole(db, user);
    auto existing = db.prepare(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?1"));
    existing.bind(1, role);
    const QByteArray verifier = db.postgres()->passwordVerifier(role, password);
    db.execVerbatim(QStringLiteral("%1 ROLE %2 WITH NOLOGIN PASSWORD %3")
                        .arg(existing.step() ? QStringLiteral("ALTER") : QStringLiteral("CREATE"),
                             Database::quotedIdentifier(role), literal(QString::fromLatin1(verifier))));
    update(db, user);
}

void PostgresAccounts::update(Database& db, const QString& user)
{
    auto s = db.prepare(QStringLiteral("SELECT role, training_until, clets, disabled, alpr_group('staff'), "
                                       "alpr_group('data'), alpr_group('clets') FROM accounts WHERE name = ?1"));
    s.bind(1, user);
    if (!s.step())
        raise(ErrorCode::NotFound, QStringLiteral("No account named '%1'").arg(user));
    const Role appRole = roleFromName(s.text(0)).value_or(Role::Auditor);
    const QDate trainingUntil = QDate::fromString(s.text(1), Qt::ISODate);
    const bool data = roleAllows(appRole, Permission::SearchReads);
    const QString role = loginRole(db, user);
    grantMembership(db, role, s.text(4), true);
    grantMembership(db, role, s.text(5), data);
    grantMembership(db, role, s.text(6), data && s.int64(2) != 0);
    // No training, no data: the role's password stops working after the training's last day (UTC).
    const QString validUntil =
        trainingUntil.isValid()
            ? literal(trainingUntil.addDays(1).toString(Qt::ISODate) + QStringLiteral(" 00:00:00+00"))
            : literal(QStringLiteral("-infinity"));
    db.execVerbatim(QStringLiteral("ALTER ROLE %1 WITH %2 %3 VALID UNTIL %4")
                        .arg(Database::quotedIdentifier(role),
                             s.int64(3) != 0 ? QStringLiteral("NOLOGIN") : QStringLiteral("LOGIN"),
                             roleAllows(appRole, Permission::ManageUsers) ? QStringLiteral("CREATEROLE")
                                                                          : QStringLiteral("NOCREATEROLE"),
                             validUntil));
}

void PostgresAccounts::setKeySlot(Database& db, const QString& user, const std::optional<store::WrappedKey>& slot)
{
    auto s = db.prepare(QStringLiteral("SELECT alpr_set_key_slot(?1, ?2)"));
    s.bind(1, user);
    if (slot)
        s.bind(2, store::KeyWrap::toText(*slot));
    else
        s.bind(2, nullptr);
    s.run();
}

std::optional<store::WrappedKey> PostgresAccounts::ownKeySlot(Database& db, const QString& user)
{
    auto s = db.prepare(QStringLiteral("SELECT slot FROM key_slots WHERE name = ?1"));
    s.bind(1, user);
    if (!s.step())
        return std::nullopt;
    auto slot = store::KeyWrap::fromText(s.text(0));
    if (!slot)
        throw ErrorException(slot.error());
    return *slot;
}

void PostgresAccounts::setPassword(Database& db, const QString& user, const QString& password)
{
    const QString role = loginRole(db, user);
    db.execVerbatim(QStringLiteral("ALTER ROLE %1 WITH PASSWORD %2")
                        .arg(Database::quotedIdentifier(role),
                             literal(QString::fromLatin1(db.postgres()->passwordVerifier(role, password)))));
}

} // namespace alpr
