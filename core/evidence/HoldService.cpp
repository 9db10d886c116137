#include "evidence/HoldService.h"

#include "accounts/Session.h"
#include "audit/AuditLog.h"
#include "evidence/EvidenceJson.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

namespace alpr {

namespace {

constexpr int kMaxFieldLength = 200;

constexpr auto kHoldColumns =
    "h.id, h.kind, coalesce(c.number, ''), h.requester, h.reference, h.until_date, h.note, h.placed_by, h.placed_utc, "
    "h.released_by, h.released_utc, h.release_reason, "
    "(SELECT count(*) FROM hold_reads hr WHERE hr.hold_id = h.id), "
    "(SELECT count(*) FROM (SELECT hr.read_id FROM hold_reads hr WHERE hr.hold_id = h.id "
    " UNION SELECT v.read_id FROM case_item_reads v WHERE v.case_id = h.case_id) AS held)";

Hold holdFromRow(const store::Statement& s)
{
    Hold h;
    h.id = s.int64(0);
    h.kind = holdKindFromName(s.text(1)).value_or(HoldKind::Evidence);
    h.caseNumber = s.text(2);
    h.requester = s.text(3);
    h.reference = s.text(4);
    h.until = s.isNull(5) ? QDate() : QDate::fromString(s.text(5), Qt::ISODate);
    h.note = s.text(6);
    h.placedBy = s.text(7);
    h.placedUtc = QDateTime::fromString(s.text(8), Qt::ISODateWithMs).toUTC();
    h.releasedBy = s.text(9);
    h.releasedUtc = s.isNull(10) ? QDateTime() : QDateTime::fromString(s.text(10), Qt::ISODateWithMs).toUTC();
    h.releaseReason = s.text(11);
    h.listedReads = s.int64(12);
    h.heldReads = s.int64(13);
    return h;
}

Hold loadHold(store::Database& db, qint64 id)
{
    auto s = db.prepare(QStringLiteral("SELECT %1 FROM holds h LEFT JOIN cases c ON c.id = h.case_id WHERE h.id = ?1")
                            .arg(QLatin1String(kHoldColumns)));
    s.bind(1, id);
    if (!s.step())
        raise(ErrorCode::NotFound, QStringLiteral("There is no hold %1").arg(id));
    return holdFromRow(s);
}

bool printable(const QString& text)
{
    if (text.size() > kMaxFieldLength)
        return false;
    for (const QChar c : text)
        if (c.category() == QChar::Other_Control)
            return false;
    return true;
}

VoidResult validate(const HoldRequest& r, const QDate& today)
{
    if (!printable(r.requester) || !printable(r.reference) || !printable(r.note))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("Hold fields take up to %1 printable characters").arg(kMaxFieldLength));
    if (r.kind == HoldKind::Evidence) {
        if (r.caseNumber.trimmed().isEmpty())
            return fail(ErrorCode::InvalidInput, QStringLiteral("An evidence hold needs a case"));
        if (r.until.isValid())
            return fail(ErrorCode::InvalidInput,
                        QStringLiteral("An evidence hold lasts until it is released; it takes no until date"));
        return {};
    }
    if (r.requester.trimmed().isEmpty() || r.reference.trimmed().isEmpty())
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("A legal hold needs the requester and the request's reference"));
    if (r.caseNumber.trimmed().isEmpty() && r.readIds.isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("A legal hold needs a case or the reads it covers"));
    if (r.until.isValid() && r.until < today)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The until date %1 has passed").arg(r.until.toString(Qt::ISODate)));
    return {};
}

} // namespace

QString holdKindName(HoldKind kind)
{
    return kind == HoldKind::Legal ? QStringLiteral("legal") : QStringLiteral("evidence");
}

std::optional<HoldKind> holdKindFromName(const QString& name)
{
    for (HoldKind k : {HoldKind::Evidence, HoldKind::Legal})
        if (holdKindName(k) == name.trimmed().toLower())
            return k;
    return std::nullopt;
}

HoldService::HoldService(Session& session) : HoldService(session, session.database()) {}

HoldService::HoldService(Session& session, store::Database& db) : m_session(session), m_db(db) {}

Result<Hold> HoldService::place(const HoldRequest& request)
{
    const bool legal = request.kind == HoldKind::Legal;
    if (auto allowed =
            m_session.require(legal ? Permission::PlaceLegalHold : Permission::PlaceEvidenceHold,
                              legal ? QStringLiteral("place a legal hold") : QStringLiteral("place an evidence hold"));
        !allowed)
        return std::unexpected(allowed.error());
    const QDateTime now = m_session.clock().nowUtc();
    if (auto valid = validate(request, now.date()); !valid)
        return std::unexpected(valid.error());
    return guardedResult([&]() -> Result<Hold> {
        store::Transaction tx(m_db);
        std::optional<qint64> caseId;
        const QString caseNumber = request.caseNumber.trimmed().toUpper();
        if (!caseNumber.isEmpty()) {
            auto c = m_db.prepare(QStringLiteral("SELECT id FROM cases WHERE number = ?1"));
            c.bind(1, caseNumber);
            if (!c.step())
                return fail(ErrorCode::NotFound, QStringLiteral("There is no case %1").arg(caseNumber));
            caseId = c.int64(0);
        }
        auto insert =
            m_db.prepare(QStringLiteral("INSERT INTO holds(kind, case_id, requester, reference, until_date, "
                                        "note, placed_by, placed_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
        insert.bind(1, holdKindName(request.kind))
            .bind(2, caseId)
            .bind(3, request.requester.trimmed())
            .bind(4, request.reference.trimmed())
            .bind(6, request.note.trimmed())
            .bind(7, m_session.account().name)
            .bind(8, now.toString(Qt::ISODateWithMs));
        if (request.until.isValid()) // NULL means indefinite; left unbound it is NULL
            insert.bind(5, request.until.toString(Qt::ISODate));
        insert.run();
        const qint64 holdId = m_db.lastInsertRowId();
        auto read = m_db.prepare(QStringLiteral("SELECT 1 FROM reads WHERE id = ?1"));
        auto listed =
            m_db.prepare(QStringLiteral("INSERT OR IGNORE INTO hold_reads(hold_id, read_id) VALUES (?1, ?2)"));
        for (qint64 id : request.readIds) {
            read.bind(1, id);
            const bool found = read.step();
            read.reset();
            if (!found)
                return fail(ErrorCode::NotFound, QStringLiteral("There is no read %1").arg(id));
            listed.bind(1, holdId).bind(2, id).run();
        }
        const Hold hold = loadHold(m_db, holdId);
        QJsonObject parameters{{QStringLiteral("kind"), holdKindName(request.kind)},
                               {QStringLiteral("until"), request.until.isValid() ? request.until.toString(Qt::ISODate)
                                                                                 : QStringLiteral("indefinite")},
                               {QStringLiteral("reads"), evidence::idSummary(request.readIds)},
                               {QStringLiteral("held_now"), hold.heldReads}};
        if (legal) {
            parameters.insert(QStringLiteral("requester"), hold.requester);
            parameters.insert(QStringLiteral("reference"), hold.reference);
        }
        AuditLog::append(tx, m_session.auditRecord(QStringLiteral("hold.place"), QStringLiteral("hold:%1").arg(holdId),
                                                   evidence::compactJson(parameters), AccessPurpose{{}, caseNumber}));
        tx.commit();
        return hold;
    });
}

VoidResult HoldService::release(qint64 holdId, const QString& reason)
{
    if (auto allowed = m_session.require(Permission::ReleaseHold, QStringLiteral("release a hold")); !allowed)
        return std::unexpected(allowed.error());
    if (reason.trimmed().isEmpty() || !printable(reason))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("Say why the hold is released (up to %1 characters)").arg(kMaxFieldLength));
    return guardedResult([&]() -> VoidResult {
        store::Transaction tx(m_db);
        const Hold hold = loadHold(m_db, holdId);
        if (hold.releasedUtc.isValid())
            return fail(ErrorCode::InvalidInput, QStringLiteral("Hold %1 was already released on %2 by %3")
                                                     .arg(holdId)
                                                     .arg(hold.releasedUtc.toString(Qt::ISODate), hold.releasedBy));
        m_db.prepare(QStringLiteral(
                         "UPDATE holds SET released_by = ?1, released_utc = ?2, release_reason = ?3 WHERE id = ?4"))
            .bind(1, m_session.account().name)
            .bind(2, m_session.clock().nowUtc().toString(Qt::ISODateWithMs))
            .bind(3, reason.trimmed())
            .bind(4, holdId)
            .run();
        AuditLog::append(tx,
                         m_session.auditRecord(QStringLiteral("hold.release"), QStringLiteral("hold:%1").arg(holdId),
                                               evidence::compactJson({{QStringLiteral("kind"), holdKindName(hold.kind)},
                                                                      {QStringLiteral("reason"), reason.trimmed()},
                                                                      {QStringLiteral("covered"), hold.heldReads}}),
                                               AccessPurpose{{}, hold.caseNumber}));
        tx.commit();
        return {};
    });
}

Result<QList<Hold>> HoldService::list(bool includeInactive)
{
    const QString today = m_session.clock().nowUtc().date().toString(Qt::ISODate);
    return guarded([&] {
        auto s = m_db.prepare(QStringLiteral("SELECT %1 FROM holds h LEFT JOIN cases c ON c.id = h.case_id "
                                             "WHERE ?1 OR (h.released_utc IS NULL AND (h.until_date IS NULL OR "
                                             "h.until_date >= ?2)) ORDER BY h.id")
                                  .arg(QLatin1String(kHoldColumns)));
        s.bind(1, includeInactive ? 1 : 0).bind(2, today);
        QList<Hold> out;
        while (s.step())
            out.append(holdFromRow(s));
        return out;
    });
}

Result<Hold> HoldService::find(qint64 holdId)
{
    return guarded([&] { return loadHold(m_db, holdId); });
}

} // namespace alpr
