#include "hotlists/AlertService.h"

#include "accounts/Session.h"
#include "audit/AuditLog.h"
#include "hotlists/AlertCsvWriter.h"
#include "hotlists/HotlistMatcher.h"
#include "hotlists/HotlistSettings.h"
#include "hotlists/HotlistText.h"
#include "reads/ReadRepository.h"
#include "search/ReadIndexer.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QFileInfo>
#include <QJsonDocument>

namespace alpr {

namespace {

// The alert's own columns after the read's (ReadRepository::kReadColumns, 12 columns). %1: the CLETS columns, or
// empty strings for a user without the authorization, so those values never leave the store for them.
constexpr auto kAlertColumns =
    "a.id, a.created_utc, a.matched_plate, a.alt_rank, a.match_kind, a.explanation, a.retro, a.source, a.source_id, "
    "a.list_name, a.entry_plate, a.entry_state, a.category, a.priority, a.reason, %1, a.state, a.visual_by, "
    "a.visual_utc, a.clets_by, a.clets_utc, a.clets_ref, a.clets_outcome, a.closed_by, a.closed_utc, a.reject_reason";
constexpr int kFirst = 12;

QDateTime optionalTime(const store::Statement& s, int column)
{
    return s.isNull(column) ? QDateTime() : QDateTime::fromSecsSinceEpoch(s.int64(column), Qt::UTC);
}

Alert alertFromRow(const store::Statement& s, bool clets)
{
    Alert a;
    a.read = ReadRepository::readFromRow(s);
    int c = kFirst;
    a.id = s.int64(c++);
    a.createdUtc = QDateTime::fromSecsSinceEpoch(s.int64(c++), Qt::UTC);
    a.matchedPlate = s.text(c++);
    a.alternativeRank = int(s.int64(c++));
    a.matchKind = s.text(c++);
    a.explanation = s.text(c++);
    a.retro = s.int64(c++) != 0;
    a.source = s.text(c++);
    a.sourceId = s.int64(c++);
    a.listName = s.text(c++);
    a.entryPlate = s.text(c++);
    a.entryState = s.text(c++);
    a.category = s.text(c++);
    a.priority = int(s.int64(c++));
    a.reason = s.text(c++);
    a.clets.nic = s.text(c++);
    a.clets.ori = s.text(c++);
    a.clets.incidentDate = s.text(c++);
    a.clets.vehicle = s.text(c++);
    a.clets.recordText = s.text(c++);
    a.clets.redacted = !clets;
    a.state = alertStateFromName(s.text(c++)).value_or(AlertState::New);
    a.visualBy = s.text(c++);
    a.visualUtc = optionalTime(s, c++);
    a.cletsBy = s.text(c++);
    a.cletsUtc = optionalTime(s, c++);
    a.cletsReference = s.text(c++);
    a.cletsOutcome = s.text(c++);
    a.closedBy = s.text(c++);
    a.closedUtc = optionalTime(s, c++);
    a.rejectReason = s.text(c++);
    return a;
}

QString selectSql(bool clets, const QString& where)
{
    return QStringLiteral("SELECT %1, %2 FROM alerts a JOIN reads ON reads.id = a.read_id %3")
        .arg(QLatin1String(ReadRepository::kReadColumns),
             QString::fromLatin1(kAlertColumns)
                 .arg(clets ? QStringLiteral("a.nic, a.ori, a.incident_date, a.vehicle, a.record_text")
                            : QStringLiteral("'', '', '', '', ''")),
             where);
}

} // namespace

AlertService::AlertService(Session& session) : AlertService(session, session.database()) {}

AlertService::AlertService(Session& session, store::Database& connection) : m_session(session), m_db(connection) {}

Result<QList<Alert>> AlertService::list(const AlertFilter& filter)
{
    if (auto allowed = m_session.require(Permission::VerifyAlerts, QStringLiteral("view alerts")); !allowed)
        return std::unexpected(allowed.error());
    const bool clets = m_session.account().cletsAuthorized;
    return guarded([&] {
        {
            // Reads another path inserted without indexing, and retro watch hits, join the queue first.
            store::Transaction tx(m_db);
            const QDateTime now = m_session.clock().nowUtc();
            ReadIndexer::indexPending(tx, now);
            HotlistMatcher::alertWatchHits(m_db);
            tx.commit();
        }
        auto s = m_db.prepare(selectSql(clets, QStringLiteral("WHERE (?1 = '' OR a.state = ?1) AND (?2 = 0 OR a.state "
                                                              "IN ('new','visual','confirmed')) ORDER BY a.priority, "
                                                              "a.created_utc DESC, a.id DESC LIMIT ?3")));
        s.bind(1, filter.state ? alertStateName(*filter.state) : QString())
            .bind(2, filter.openOnly ? 1 : 0)
            .bind(3, std::max(1, filter.limit));
        QList<Alert> out;
        while (s.step())
            out.append(alertFromRow(s, clets));
        return out;
    });
}

Result<Alert> AlertService::load(qint64 alertId)
{
    const bool clets = m_session.account().cletsAuthorized;
    return guardedResult([&]() -> Result<Alert> {
        auto s = m_db.prepare(selectSql(clets, QStringLiteral("WHERE a.id = ?1")));
        s.bind(1, alertId);
        if (!s.step())
            return fail(ErrorCode::NotFound, QStringLiteral("Alert %1 does not exist").arg(alertId));
        return alertFromRow(s, clets);
    });
}

VoidResult AlertService::audit(const AuditRecord& record)
{
    // On this service's connection (a worker's), not the session's: Session::recordAccess is for the GUI thread.
    return guarded([&] {
        store::Transaction tx(m_db);
        AuditLog::append(tx, record);
        tx.commit();
    });
}

Result<Alert> AlertService::get(qint64 alertId)
{
    if (auto allowed = m_session.require(Permission::VerifyAlerts, QStringLiteral("view alerts")); !allowed)
        return std::unexpected(allowed.error());
    auto alert = load(alertId);
    if (!alert)
        return alert;
    const AccessPurpose purpose{kPurpose, QStringLiteral("ALERT-%1").arg(alertId)};
    if (auto recorded = audit(
            m_session.auditRecord(QStringLiteral("alert.view"), QStringLiteral("alert:%1").arg(alertId),
                                  QStringLiteral("{\"clets\":%1}")
                                      .arg(alert->clets.redacted ? QStringLiteral("false") : QStringLiteral("true")),
                                  purpose));
        !recorded)
        return std::unexpected(recorded.error());
    return alert;
}

Result<int> AlertService::exportCsv(const AlertFilter& filter, const QString& path)
{
    auto alerts = list(filter);
    if (!alerts)
        return std::unexpected(alerts.error());
    if (auto written = AlertCsvWriter::writeFile(*alerts, path); !written)
        return std::unexpected(written.error());
    const QJsonObject parameters{{QStringLiteral("alerts"), int(alerts->size())},
                                 {QStringLiteral("state"), filter.state ? alertStateName(*filter.state) : QString()},
                                 {QStringLiteral("clets"), m_session.account().cletsAuthorized}};
    if (auto recorded = audit(m_session.auditRecord(
            QStringLiteral("alert.export"), QStringLiteral("alerts"),
            QString::fromUtf8(QJsonDocument(parameters).toJson(QJsonDocument::Compact)), AccessPurpose{kPurpose, {}},
            QStringLiteral("written: %1").arg(QFileInfo(path).fileName())));
        !recorded)
        return std::unexpected(recorded.error());
    return int(alerts->size());
}

Result<AlertCounts> AlertService::counts()
{
    if (auto allowed = m_session.require(Permission::VerifyAlerts, QStringLiteral("view alerts")); !allowed)
        return std::unexpected(allowed.error());
    return guarded([&] {
        auto s = m_db.prepare(QStringLiteral(
            "SELECT coalesce(sum(CASE WHEN state IN ('new','visual','confirmed') THEN 1 ELSE 0 END), 0), "
            "coalesce(sum(CASE WHEN state IN ('new','visual') THEN 1 ELSE 0 END), 0), "
            "coalesce(sum(CASE WHEN state = 'new' AND priority = ?1 THEN 1 ELSE 0 END), 0), "
            "coalesce(max(CASE WHEN state = 'new' AND priority = ?1 THEN id END), 0) FROM alerts"));
        s.bind(1, HotlistPriority::High);
        AlertCounts c;
        if (s.step()) {
            c.open = int(s.int64(0));
            c.unverified = int(s.int64(1));
            c.highNew = int(s.int64(2));
            c.newestHighId = s.int64(3);
        }
        return c;
    });
}

Result<QStringList> AlertService::rejectReasons()
{
    if (auto allowed = m_session.require(Permission::VerifyAlerts, QStringLiteral("view alerts")); !allowed)
        return std::unexpected(allowed.error());
    return guarded([&] { return HotlistSettings::load(m_db).rejectReasons; });
}

Result<Alert> AlertService::change(qint64 alertId, Change c)
{
    if (auto allowed = m_session.require(Permission::VerifyAlerts, QStringLiteral("verify alerts")); !allowed)
        return std::unexpected(allowed.error());
    const QDateTime now = m_session.clock().nowUtc();
    auto changed = guardedResult([&]() -> Result<Alert> {
        store::Transaction tx(m_db);
        auto before = load(alertId);
        if (!before)
            return before;
        if (!c.from.contains(before->state))
            return fail(
                ErrorCode::InvalidInput,
                QStringLiteral("Alert %1 is %2: %3").arg(alertId).arg(alertStateName(before->state), c.wrongState));
        auto update = m_db.prepare(c.updateSql);
        update.bind(1, alertId).bind(2, m_session.account().name).bind(3, now.toSecsSinceEpoch());
        for (int i = 0; i < c.values.size(); ++i)
            update.bind(4 + i, c.values[i]);
        update.run();
        c.parameters.insert(QStringLiteral("from"), alertStateName(before->state));
        c.parameters.insert(QStringLiteral("plate"), before->entryPlate);
        c.parameters.insert(QStringLiteral("list"), before->listName);
        if (c.action == QLatin1String("alert.confirm"))
            c.parameters.insert(QStringLiteral("minutes_to_confirm"), before->createdUtc.secsTo(now) / 60);
        AuditLog::append(
            tx, m_session.auditRecord(c.action, QStringLiteral("alert:%1").arg(alertId),
                                      QString::fromUtf8(QJsonDocument(c.parameters).toJson(QJsonDocument::Compact)),
                                      AccessPurpose{kPurpose, QStringLiteral("ALERT-%1").arg(alertId)}));
        tx.commit();
        return {};
    });
    if (!changed)
        return changed;
    return load(alertId);
}

Result<Alert> AlertService::markVisual(qint64 alertId)
{
    return change(alertId,
                  {QStringLiteral("alert.visual"),
                   {AlertState::New},
                   QStringLiteral("only a new alert is checked against the image"),
                   QStringLiteral("UPDATE alerts SET state = 'visual', visual_by = ?2, visual_utc = ?3 WHERE id = ?1"),
                   {},
                   {}});
}

Result<Alert> AlertService::confirm(qint64 alertId, CletsOutcome outcome, const QString& reference)
{
    const QString ref = reference.trimmed();
    if (ref.isEmpty() || ref.size() > kMaxReferenceLength || HotlistText::hasControlCharacters(ref))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("Give the dispatcher or CLETS message reference (one line, at most %1 characters)")
                        .arg(kMaxReferenceLength));
    return change(alertId, {QStringLiteral("alert.confirm"),
                            {AlertState::Visual},
                            QStringLiteral("check the plate and state against the image first"),
                            QStringLiteral("UPDATE alerts SET state = 'confirmed', clets_by = ?2, clets_utc = ?3, "
                                           "clets_ref = ?4, clets_outcome = ?5 WHERE id = ?1"),
                            {ref, cletsOutcomeName(outcome)},
                            QJsonObject{{QStringLiteral("outcome"), cletsOutcomeName(outcome)},
                                        {QStringLiteral("reference"), ref}}});
}

Result<Alert> AlertService::reject(qint64 alertId, const QString& reason)
{
    auto reasons = rejectReasons();
    if (!reasons)
        return std::unexpected(reasons.error());
    if (!reasons->contains(reason.trimmed()))
        return fail(
            ErrorCode::InvalidInput,
            QStringLiteral("Reject with one of the configured reasons: %1").arg(reasons->join(QStringLiteral("; "))));
    return change(alertId, {QStringLiteral("alert.reject"),
                            {AlertState::New, AlertState::Visual, AlertState::Confirmed},
                            QStringLiteral("a closed or rejected alert cannot be rejected"),
                            QStringLiteral("UPDATE alerts SET state = 'rejected', closed_by = ?2, closed_utc = ?3, "
                                           "reject_reason = ?4 WHERE id = ?1"),
                            {reason.trimmed()},
                            QJsonObject{{QStringLiteral("reason"), reason.trimmed()}}});
}

Result<Alert> AlertService::close(qint64 alertId)
{
    return change(alertId,
                  {QStringLiteral("alert.close"),
                   {AlertState::Confirmed},
                   QStringLiteral("only an alert confirmed through CLETS/dispatch is closed"),
                   QStringLiteral("UPDATE alerts SET state = 'closed', closed_by = ?2, closed_utc = ?3 WHERE id = ?1"),
                   {},
                   {}});
}

} // namespace alpr
