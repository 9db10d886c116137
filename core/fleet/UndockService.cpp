#include "fleet/UndockService.h"

#include "accounts/Session.h"
#include "audit/AuditLog.h"
#include "fleet/UnitService.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace alpr {

namespace {

constexpr int kMaxReasonLength = 500;

constexpr auto kRequestColumns = "id, unit_id, requested_by, reason, from_utc, to_utc, requested_utc, status, "
                                 "decided_by, decided_utc, decision_note, returned_utc";

QDateTime optionalTime(const store::Statement& s, int column)
{
    return s.isNull(column) ? QDateTime() : QDateTime::fromSecsSinceEpoch(s.int64(column), Qt::UTC);
}

UndockRequest::Status statusFromName(const QString& name)
{
    using S = UndockRequest::Status;
    for (S s : {S::Pending, S::Approved, S::Denied, S::Returned})
        if (undockStatusName(s) == name)
            return s;
    return S::Pending;
}

UndockRequest requestFromRow(const store::Statement& s)
{
    UndockRequest r;
    r.id = s.int64(0);
    r.unitId = s.text(1);
    r.requestedBy = s.text(2);
    r.reason = s.text(3);
    r.fromUtc = QDateTime::fromSecsSinceEpoch(s.int64(4), Qt::UTC);
    r.toUtc = QDateTime::fromSecsSinceEpoch(s.int64(5), Qt::UTC);
    r.requestedUtc = QDateTime::fromSecsSinceEpoch(s.int64(6), Qt::UTC);
    r.status = statusFromName(s.text(7));
    r.decidedBy = s.text(8);
    r.decidedUtc = optionalTime(s, 9);
    r.decisionNote = s.text(10);
    r.returnedUtc = optionalTime(s, 11);
    return r;
}

QString iso(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QString requestJson(const UndockRequest& r, const QString& note = {})
{
    QJsonObject o{{QStringLiteral("unit"), r.unitId},
                  {QStringLiteral("from"), iso(r.fromUtc)},
                  {QStringLiteral("to"), iso(r.toUtc)},
                  {QStringLiteral("requested_by"), r.requestedBy},
                  {QStringLiteral("reason"), r.reason}};
    if (!note.isEmpty())
        o.insert(QStringLiteral("note"), note);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

bool isPlainText(const QString& text)
{
    for (const QChar c : text)
        if ((c.unicode() < 0x20 && c != u'\n') || c.unicode() == 0x7f)
            return false;
    return true;
}

} // namespace

QString undockStatusName(UndockRequest::Status status)
{
    switch (status) {
    case UndockRequest::Status::Pending: return QStringLiteral("pending");
    case UndockRequest::Status::Approved: return QStringLiteral("approved");
    case UndockRequest::Status::Denied: return QStringLiteral("denied");
    case UndockRequest::Status::Returned: return QStringLiteral("returned");
    }
    return {};
}

UndockService::UndockService(Session& session) : UndockService(session, session.database()) {}

UndockService::UndockService(Session& session, store::Database& connection) : m_session(session), m_db(connection) {}

Result<UndockRequest> UndockService::request(const QString& unitId, const QString& reason, const QDateTime& fromUtc,
                                             const QDateTime& toUtc)
{
    if (!m_session.can(Permission::ImportReads) && !m_session.can(Permission::ManageUnits))
        return std::unexpected(m_session.require(Permission::ManageUnits, QStringLiteral("request undocking")).error());
    const QString why = reason.trimmed();
    if (why.isEmpty() || why.size() > kMaxReasonLength || !isPlainText(why))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("Say why the unit is to be undocked (plain text, at most %1 characters)")
                        .arg(kMaxReasonLength));
    if (!fromUtc.isValid() || !toUtc.isValid() || toUtc <= fromUtc)
        return fail(ErrorCode::InvalidInput, QStringLiteral("Give when the undocking starts and when the unit is back"));
    if (fromUtc.daysTo(toUtc) > kMaxDays)
        return fail(ErrorCode::InvalidInput, QStringLiteral("An undocking lasts at most %1 days").arg(kMaxDays));
    auto unit = UnitService(m_session, m_db).find(unitId);
    if (!unit)
        return std::unexpected(unit.error());
    if (unit->status == UnitStatus::Retired || unit->status == UnitStatus::Undocked)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("Unit %1 is %2").arg(unitId, unitStatusDisplayName(unit->status).toLower()));
    auto id = guarded([&] {
        store::Transaction tx(m_db);
        UndockRequest r;
        r.unitId = unitId;
        r.requestedBy = m_session.account().name;
        r.reason = why;
        r.fromUtc = fromUtc.toUTC();
        r.toUtc = toUtc.toUTC();
        m_db.prepare(QStringLiteral("INSERT INTO undock_requests(unit_id, requested_by, reason, from_utc, to_utc, "
                                    "requested_utc, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending')"))
            .bind(1, unitId)
            .bind(2, r.requestedBy)
            .bind(3, why)
            .bind(4, r.fromUtc.toSecsSinceEpoch())
            .bind(5, r.toUtc.toSecsSinceEpoch())
            .bind(6, m_session.clock().nowUtc().toSecsSinceEpoch())
            .run();
        const qint64 newId = m_db.lastInsertRowId();
        AuditLog::append(tx, m_session.auditRecord(QStringLiteral("undock.request"), QStringLiteral("undock:%1").arg(newId),
                                                   requestJson(r), {}, QStringLiteral("pending")));
        tx.commit();
        return newId;
    });
    if (!id)
        return std::unexpected(id.error());
    return find(*id);
}

Result<UndockRequest> UndockService::approve(qint64 requestId, const QString& note)
{
    return decide(requestId, true, note);
}

Result<UndockRequest> UndockService::deny(qint64 requestId, const QString& note)
{
    return decide(requestId, false, note);
}

Result<UndockRequest> UndockService::decide(qint64 requestId, bool approve, const QString& note)
{
    const QString action = approve ? QStringLiteral("undock.approve") : QStringLiteral("undock.deny");
    const QString object = QStringLiteral("undock:%1").arg(requestId);
    if (auto allowed = m_session.require(Permission::ApproveUndock,
                                         approve ? QStringLiteral("approve undocking: only the Support Services "
                                                                  "Division Commander may")
                                                 : QStringLiteral("deny undocking: only the Support Services "
                                                                  "Division Commander may"));
        !allowed) {
        // An attempt to grant oneself the Commander's permission is exactly what an auditor wants to see.
        auto recorded = m_session.recordAccess(
            m_session.auditRecord(action, object, {}, {}, QStringLiteral("refused: ") + allowed.error().message));
        if (!recorded)
            return std::unexpected(recorded.error());
        return std::unexpected(allowed.error());
    }
    if (note.size() > kMaxReasonLength || !isPlainText(note))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("A decision note is plain text of at most %1 characters").arg(kMaxReasonLength));
    auto current = find(requestId);
    if (!current)
        return std::unexpected(current.error());
    if (current->status != UndockRequest::Status::Pending)
        return fail(ErrorCode::InvalidInput, QStringLiteral("Undock request %1 is %2, not pending")
                                                 .arg(requestId)
                                                 .arg(undockStatusName(current->status)));
    auto decided = guarded([&] {
        store::Transaction tx(m_db);
        const QDateTime now = m_session.clock().nowUtc();
        m_db.prepare(QStringLiteral("UPDATE undock_requests SET status = ?2, decided_by = ?3, decided_utc = ?4, "
                                    "decision_note = ?5 WHERE id = ?1 AND status = 'pending'"))
            .bind(1, requestId)
            .bind(2, approve ? QStringLiteral("approved") : QStringLiteral("denied"))
            .bind(3, m_session.account().name)
            .bind(4, now.toSecsSinceEpoch())
            .bind(5, note.trimmed())
            .run();
        if (approve)
            m_db.prepare(QStringLiteral("UPDATE units SET status = 'undocked', updated_utc = ?2 WHERE id = ?1"))
                .bind(1, current->unitId)
                .bind(2, now.toString(Qt::ISODateWithMs))
                .run();
        AuditLog::append(tx, m_session.auditRecord(action, object, requestJson(*current, note.trimmed()), {},
                                                   approve ? QStringLiteral("approved") : QStringLiteral("denied")));
        tx.commit();
    });
    if (!decided)
        return std::unexpected(decided.error());
    return find(requestId);
}

Result<UndockRequest> UndockService::recordReturn(qint64 requestId)
{
    auto current = find(requestId);
    if (!current)
        return std::unexpected(current.error());
    if (!m_session.can(Permission::ManageUnits) && current->requestedBy != m_session.account().name)
        return std::unexpected(
            m_session.require(Permission::ManageUnits, QStringLiteral("record another person's undock return")).error());
    if (current->status != UndockRequest::Status::Approved)
        return fail(ErrorCode::InvalidInput, QStringLiteral("Undock request %1 is %2; only an approved undocking "
                                                            "can be returned")
                                                 .arg(requestId)
                                                 .arg(undockStatusName(current->status)));
    auto returned = guarded([&] {
        store::Transaction tx(m_db);
        const QDateTime now = m_session.clock().nowUtc();
        m_db.prepare(QStringLiteral("UPDATE undock_requests SET status = 'returned', returned_utc = ?2 WHERE id = ?1"))
            .bind(1, requestId)
            .bind(2, now.toSecsSinceEpoch())
            .run();
        m_db.prepare(QStringLiteral("UPDATE units SET status = 'in-service', updated_utc = ?2 WHERE id = ?1 AND "
                                    "status = 'undocked'"))
            .bind(1, current->unitId)
            .bind(2, now.toString(Qt::ISODateWithMs))
            .run();
        const qint64 lateMinutes = current->toUtc < now ? current->toUtc.secsTo(now) / 60 : 0;
        AuditLog::append(tx, m_session.auditRecord(QStringLiteral("undock.return"),
                                                   QStringLiteral("undock:%1").arg(requestId), requestJson(*current), {},
                                                   lateMinutes > 0
                                                       ? QStringLiteral("returned %1 minutes late").arg(lateMinutes)
                                                       : QStringLiteral("returned on time")));
        tx.commit();
    });
    if (!returned)
        return std::unexpected(returned.error());
    return find(requestId);
}

Result<QList<UndockRequest>> UndockService::list(bool includeClosed)
{
    return guarded([&] {
        auto s = m_db.prepare(QStringLiteral("SELECT %1 FROM undock_requests WHERE ?1 OR status IN ('pending', "
                                             "'approved') ORDER BY id DESC")
                                  .arg(QLatin1String(kRequestColumns)));
        s.bind(1, includeClosed ? 1 : 0);
        QList<UndockRequest> out;
        while (s.step())
            out.append(requestFromRow(s));
        return out;
    });
}

Result<UndockRequest> UndockService::find(qint64 requestId)
{
    return guardedResult([&]() -> Result<UndockRequest> {
        auto s = m_db.prepare(
            QStringLiteral("SELECT %1 FROM undock_requests WHERE id = ?1").arg(QLatin1String(kRequestColumns)));
        s.bind(1, requestId);
        if (!s.step())
            return fail(ErrorCode::NotFound, QStringLiteral("Undock request %1 does not exist").arg(requestId));
        return requestFromRow(s);
    });
}

} // namespace alpr
