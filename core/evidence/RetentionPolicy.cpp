#include "evidence/RetentionPolicy.h"

#include "accounts/Session.h"
#include "audit/AuditLog.h"
#include "evidence/EvidenceJson.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

namespace alpr {

namespace {

constexpr RetentionClass kAllClasses[] = {RetentionClass::Reads, RetentionClass::CaseReads, RetentionClass::Images};

RetentionSetting loadSetting(store::Database& db, RetentionClass dataClass)
{
    auto s = db.prepare(
        QStringLiteral("SELECT days, max_days, updated_by, updated_utc FROM retention_policy WHERE data_class = ?1"));
    s.bind(1, retentionClassName(dataClass));
    RetentionSetting setting;
    setting.dataClass = dataClass;
    if (!s.step())
        return setting; // a store without the row keeps the default; update() inserts it
    setting.days = int(s.int64(0));
    if (!s.isNull(1))
        setting.maxDays = int(s.int64(1));
    setting.updatedBy = s.text(2);
    setting.updatedUtc = QDateTime::fromString(s.text(3), Qt::ISODateWithMs).toUTC();
    return setting;
}

QJsonValue daysJson(std::optional<int> days)
{
    return days ? QJsonValue(*days) : QJsonValue(QStringLiteral("none"));
}

} // namespace

QString retentionClassName(RetentionClass dataClass)
{
    switch (dataClass) {
    case RetentionClass::Reads:
        return QStringLiteral("reads");
    case RetentionClass::CaseReads:
        return QStringLiteral("case-reads");
    case RetentionClass::Images:
        return QStringLiteral("images");
    }
    return {};
}

std::optional<RetentionClass> retentionClassFromName(const QString& name)
{
    for (RetentionClass c : kAllClasses)
        if (retentionClassName(c) == name.trimmed().toLower())
            return c;
    return std::nullopt;
}

RetentionPolicy::RetentionPolicy(Session& session) : RetentionPolicy(session, session.database()) {}

RetentionPolicy::RetentionPolicy(Session& session, store::Database& db) : m_session(session), m_db(db) {}

Result<QList<RetentionSetting>> RetentionPolicy::settings()
{
    return guarded([&] {
        QList<RetentionSetting> out;
        for (RetentionClass c : kAllClasses)
            out.append(loadSetting(m_db, c));
        return out;
    });
}

Result<RetentionSetting> RetentionPolicy::setting(RetentionClass dataClass)
{
    return guarded([&] { return loadSetting(m_db, dataClass); });
}

VoidResult RetentionPolicy::setDays(RetentionClass dataClass, int days)
{
    auto current = setting(dataClass);
    if (!current)
        return std::unexpected(current.error());
    return update(dataClass, days, current->maxDays);
}

VoidResult RetentionPolicy::setMaximum(RetentionClass dataClass, std::optional<int> maxDays)
{
    auto current = setting(dataClass);
    if (!current)
        return std::unexpected(current.error());
    return update(dataClass, current->days, maxDays);
}

VoidResult RetentionPolicy::update(RetentionClass dataClass, int days, std::optional<int> maxDays)
{
    if (auto allowed = m_session.require(Permission::ConfigureRetention, QStringLiteral("change the retention policy"));
        !allowed)
        return std::unexpected(allowed.error());
    const QString name = retentionClassName(dataClass);
    if (days < kMinimumDays)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("Retention for %1 cannot be below %2 days: the policy keeps ALPR data at least one "
                                   "year (Government Code 34090.6)")
                        .arg(name)
                        .arg(kMinimumDays));
    if (maxDays && *maxDays < kMinimumDays)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("A maximum below %1 days would contradict the one-year minimum").arg(kMinimumDays));
    if (maxDays && days > *maxDays)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("Retention for %1 cannot exceed the maximum of %2 days").arg(name).arg(*maxDays));
    return guarded([&] {
        store::Transaction tx(m_db);
        const RetentionSetting before = loadSetting(m_db, dataClass);
        m_db.prepareUpsert(QStringLiteral("retention_policy"), {QStringLiteral("data_class")},
                           {QStringLiteral("days"), QStringLiteral("max_days"), QStringLiteral("updated_by"),
                            QStringLiteral("updated_utc")})
            .bind(1, name)
            .bind(2, days)
            .bind(3, maxDays ? std::optional<qint64>(*maxDays) : std::nullopt)
            .bind(4, m_session.account().name)
            .bind(5, m_session.clock().nowUtc().toString(Qt::ISODateWithMs))
            .run();
        AuditLog::append(tx,
                         m_session.auditRecord(
                             QStringLiteral("retention.set"), QStringLiteral("retention:") + name,
                             evidence::compactJson({{QStringLiteral("days"), days},
                                                    {QStringLiteral("max_days"), daysJson(maxDays)},
                                                    {QStringLiteral("previous_days"), before.days},
                                                    {QStringLiteral("previous_max_days"), daysJson(before.maxDays)}})));
        tx.commit();
    });
}

} // namespace alpr
