#include "fleet/FleetMonitor.h"

#include "accounts/Session.h"
#include "audit/AuditLog.h"
#include "fleet/UndockService.h"
#include "fleet/UnitService.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QSet>

namespace alpr {

namespace {

constexpr qint64 kSecondsPerDay = 86400;

int loadWarningDays(store::Database& db)
{
    auto s = db.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?1"));
    s.bind(1, QString::fromLatin1(FleetMonitor::kWarningDaysSetting));
    bool ok = false;
    const int days = s.step() ? s.text(0).toInt(&ok) : 0;
    return ok && days > 0 && days < FleetMonitor::kMaxDaysBetweenTransfers ? days : FleetMonitor::kDefaultWarningDays;
}

bool coveredByUndock(const QList<UndockRequest>& undocks, const QString& unitId, const QDate& day)
{
    for (const UndockRequest& r : undocks) {
        if (r.unitId != unitId)
            continue;
        if (r.status != UndockRequest::Status::Approved && r.status != UndockRequest::Status::Returned)
            continue;
        const QDate end = r.returnedUtc.isValid() ? r.returnedUtc.date() : r.toUtc.date();
        if (day >= r.fromUtc.date() && day <= end)
            return true;
    }
    return false;
}

} // namespace

QString transferHealthName(TransferHealth health)
{
    switch (health) {
    case TransferHealth::Green: return QStringLiteral("green");
    case TransferHealth::Amber: return QStringLiteral("amber");
    case TransferHealth::Red: return QStringLiteral("red");
    case TransferHealth::NotMonitored: return QStringLiteral("not-monitored");
    }
    return {};
}

FleetMonitor::FleetMonitor(Session& session) : FleetMonitor(session, session.database()) {}

FleetMonitor::FleetMonitor(Session& session, store::Database& connection) : m_session(session), m_db(connection) {}

TransferHealth FleetMonitor::healthFor(double ageDays, int warningDays)
{
    if (ageDays > kMaxDaysBetweenTransfers)
        return TransferHealth::Red;
    if (ageDays > warningDays)
        return TransferHealth::Amber;
    return TransferHealth::Green;
}

Result<int> FleetMonitor::warningDays()
{
    return guarded([&] { return loadWarningDays(m_db); });
}

VoidResult FleetMonitor::setWarningDays(int days)
{
    if (auto allowed = m_session.require(Permission::ManageUnits, QStringLiteral("set the fleet warning threshold"));
        !allowed)
        return allowed;
    if (days < 1 || days >= kMaxDaysBetweenTransfers)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The warning threshold is 1 to %1 days").arg(kMaxDaysBetweenTransfers - 1));
    return guarded([&] {
        store::Transaction tx(m_db);
        const int before = loadWarningDays(m_db);
        m_db.prepareUpsert(QStringLiteral("settings"), {QStringLiteral("key")}, {QStringLiteral("value")})
            .bind(1, QString::fromLatin1(kWarningDaysSetting))
            .bind(2, QString::number(days))
            .run();
        AuditLog::append(tx, m_session.auditRecord(QStringLiteral("fleet.settings"),
                                                   QString::fromLatin1(kWarningDaysSetting),
                                                   QStringLiteral("{\"warning_days\":[%1,%2]}").arg(before).arg(days)));
        tx.commit();
    });
}

Result<FleetStatus> FleetMonitor::status()
{
    if (!m_session.can(Permission::ManageUnits) && !m_session.can(Permission::ViewAudit))
        return std::unexpected(m_session.require(Permission::ManageUnits, QStringLiteral("see the fleet status")).error());
    auto units = UnitService(m_session, m_db).list();
    if (!units)
        return std::unexpected(units.error());
    auto undocks = UndockService(m_session, m_db).list(true);
    if (!undocks)
        return std::unexpected(undocks.error());
    return guarded([&] {
        FleetStatus fleet;
        fleet.atUtc = m_session.clock().nowUtc();
        fleet.warningDays = loadWarningDays(m_db);
        fleet.maxDays = kMaxDaysBetweenTransfers;
        auto coverage = m_db.prepare(
            QStringLiteral("SELECT min(time_utc), max(time_utc) FROM reads WHERE unit_id = ?1"));
        auto transfers = m_db.prepare(QStringLiteral(
            "SELECT sum(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), "
            "sum(CASE WHEN status IN ('importing', 'cancelled') THEN 1 ELSE 0 END), sum(undocked_unapproved) "
            "FROM transfers WHERE unit_id = ?1 AND started_utc >= ?2"));
        auto days = m_db.prepare(QStringLiteral(
            "SELECT DISTINCT time_utc / 86400 FROM reads WHERE unit_id = ?1 AND time_utc >= ?2 AND time_utc < ?3"));
        const qint64 now = fleet.atUtc.toSecsSinceEpoch();
        for (const Unit& unit : *units) {
            UnitHealth h;
            h.unit = unit;
            h.lastGoodTransferUtc = unit.lastTransferUtc;
            const QDateTime since = unit.lastTransferUtc.isValid() ? unit.lastTransferUtc : unit.createdUtc;
            h.ageDays = since.isValid() ? double(since.secsTo(fleet.atUtc)) / kSecondsPerDay : 0.0;
            const bool monitored = unit.status == UnitStatus::InService || unit.status == UnitStatus::Undocked;
            h.health = monitored ? healthFor(h.ageDays, fleet.warningDays) : TransferHealth::NotMonitored;

            coverage.bind(1, unit.id);
            if (coverage.step() && !coverage.isNull(0)) {
                h.dataFromUtc = QDateTime::fromSecsSinceEpoch(coverage.int64(0), Qt::UTC);
                h.dataToUtc = QDateTime::fromSecsSinceEpoch(coverage.int64(1), Qt::UTC);
            }
            coverage.reset();

            // Failures count from the last good transfer on: an old failure that a later good offload made up
            // for needs no attention.
            transfers.bind(1, unit.id).bind(2, unit.lastTransferUtc.isValid() ? unit.lastTransferUtc.toSecsSinceEpoch()
                                                                               : qint64(0));
            if (transfers.step()) {
                h.failedTransfers = int(transfers.int64(0));
                h.incompleteTransfers = int(transfers.int64(1));
            }
            transfers.reset();
            transfers.bind(1, unit.id).bind(2, now - kMaxDaysBetweenTransfers * kSecondsPerDay);
            if (transfers.step())
                h.unapprovedUndockTransfers = int(transfers.int64(2));
            transfers.reset();

            // Gaps: only days the unit's transferred data can speak for (up to its last transfer), within the
            // monitored 30 days, in service (not covered by an approved undocking).
            if (monitored && unit.lastTransferUtc.isValid()) {
                const QDate windowStart =
                    std::max(unit.createdUtc.date(), fleet.atUtc.date().addDays(-kMaxDaysBetweenTransfers));
                const QDate windowEnd = std::min(unit.lastTransferUtc.date(), fleet.atUtc.date());
                QSet<qint64> withReads;
                days.bind(1, unit.id)
                    .bind(2, QDateTime(windowStart, QTime(0, 0), Qt::UTC).toSecsSinceEpoch())
                    .bind(3, QDateTime(windowEnd, QTime(0, 0), Qt::UTC).toSecsSinceEpoch());
                while (days.step())
                    withReads.insert(days.int64(0));
                days.reset();
                for (QDate d = windowStart; d < windowEnd; d = d.addDays(1))
                    if (!withReads.contains(QDateTime(d, QTime(0, 0), Qt::UTC).toSecsSinceEpoch() / kSecondsPerDay) &&
                        !coveredByUndock(*undocks, unit.id, d))
                        h.gapDays.append(d);
            }

            for (const UndockRequest& r : *undocks) {
                if (r.unitId == unit.id && r.status == UndockRequest::Status::Approved) {
                    h.undock = r;
                    h.undockOverdue = r.isOverdue(fleet.atUtc);
                    break;
                }
            }
            fleet.units.append(h);
        }
        return fleet;
    });
}

} // namespace alpr
