#include "requests/RecordsRequestService.h"

#include "requests/PlainText.h"

#include "accounts/Session.h"
#include "audit/AuditLog.h"
#include "evidence/EvidenceJson.h"
#include "evidence/HoldService.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

namespace alpr {

namespace {

const QString kDueDaysKey = QStringLiteral("requests.due_days");

constexpr auto kColumns = "id, requester, kind, received_date, description, due_date, status, denial_reason, "
                          "assigned_to, case_number, coalesce(hold_id, 0), notes, created_by, created_utc, updated_by, "
                          "updated_utc";

RecordsRequest requestFromRow(const store::Statement& s)
{
    RecordsRequest r;
    r.id = s.int64(0);
    r.requester = s.text(1);
    r.kind = requestKindFromName(s.text(2)).value_or(RequestKind::Other);
    r.received = QDate::fromString(s.text(3), Qt::ISODate);
    r.description = s.text(4);
    r.due = QDate::fromString(s.text(5), Qt::ISODate);
    r.status = requestStatusFromName(s.text(6)).value_or(RequestStatus::Received);
    r.denialReason = s.text(7);
    r.assignedTo = s.text(8);
    r.caseNumber = s.text(9);
    r.holdId = s.int64(10);
    r.notes = s.text(11);
    r.createdBy = s.text(12);
    r.createdUtc = QDateTime::fromString(s.text(13), Qt::ISODateWithMs).toUTC();
    r.updatedBy = s.text(14);
    r.updatedUtc = QDateTime::fromString(s.text(15), Qt::ISODateWithMs).toUTC();
    return r;
}

RecordsRequest loadRequest(store::Database& db, qint64 id)
{
    auto s = db.prepare(QStringLiteral("SELECT %1 FROM records_requests WHERE id = ?1").arg(QLatin1String(kColumns)));
    s.bind(1, id);
    if (!s.step())
        raise(ErrorCode::NotFound, QStringLiteral("There is no records request %1").arg(id));
    return requestFromRow(s);
}

bool plainText(const QString& text, bool multiline)
{
    return requests::isPlainText(text, RecordsRequestService::kMaxFieldLength, multiline);
}

int storedDueDays(store::Database& db)
{
    auto s = db.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?1"));
    s.bind(1, kDueDaysKey);
    if (!s.step())
        return RecordsRequestService::kDefaultDueDays;
    bool ok = false;
    const int days = s.text(0).toInt(&ok);
    return ok && days > 0 ? days : RecordsRequestService::kDefaultDueDays;
}

} // namespace

RecordsRequestService::RecordsRequestService(Session& session) : RecordsRequestService(session, session.database()) {}

RecordsRequestService::RecordsRequestService(Session& session, store::Database& db) : m_session(session), m_db(db) {}

Result<RecordsRequest> RecordsRequestService::add(const NewRecordsRequest& input)
{
    const QDateTime now = m_session.clock().nowUtc();
    // Registering is open to everyone who may use the system at all: the request must reach the Records Supervisor
    // whoever took it at the counter. A session outliving its user's training may not.
    if (!m_session.account().trainingValidOn(now.date()))
        return fail(ErrorCode::TrainingMissing,
                    QStringLiteral("Your ALPR training has expired; a trained user must register the request"));
    const QString requester = input.requester.trimmed();
    const QString description = input.description.trimmed();
    if (requester.isEmpty() || requester.size() > 200 || !plainText(requester, false))
        return fail(ErrorCode::InvalidInput, QStringLiteral("Name the requester (one line, at most 200 characters)"));
    if (description.isEmpty() || !plainText(description, true))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("Say what is asked for (plain text, at most %1 characters)").arg(kMaxFieldLength));
    const QDate received = input.received.isValid() ? input.received : now.date();
    if (received > now.date())
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The date received %1 is in the future").arg(received.toString(Qt::ISODate)));
    return guardedResult([&]() -> Result<RecordsRequest> {
        store::Transaction tx(m_db);
        const QDate due = received.addDays(storedDueDays(m_db));
        auto insert = m_db.prepare(QStringLiteral(
            "INSERT INTO records_requests(requester, kind, received_date, description, due_date, created_by, "
            "created_utc, updated_by, updated_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)"));
        insert.bind(1, requester)
            .bind(2, requestKindName(input.kind))
            .bind(3, received.toString(Qt::ISODate))
            .bind(4, description)
            .bind(5, due.toString(Qt::ISODate))
            .bind(6, m_session.account().name)
            .bind(7, now.toString(Qt::ISODateWithMs))
            .run();
        const qint64 id = m_db.lastInsertRowId();
        AuditLog::append(tx, m_session.auditRecord(
                                 QStringLiteral("request.add"), QStringLiteral("request:%1").arg(id),
                                 evidence::compactJson({{QStringLiteral("kind"), requestKindName(input.kind)},
                                                        {QStringLiteral("requester"), requester},
                                                        {QStringLiteral("received"), received.toString(Qt::ISODate)},
                                                        {QStringLiteral("due"), due.toString(Qt::ISODate)}})));
        tx.commit();
        return loadRequest(m_db, id);
    });
}

Result<QList<RecordsRequest>> RecordsRequestService::list(bool includeClosed)
{
    if (auto allowed = m_session.require(Permission::HandleRecordsRequests, QStringLiteral("list records requests"));
        !allowed)
        return std::unexpected(allowed.error());
    return guarded([&] {
        auto s = m_db.prepare(QStringLiteral("SELECT %1 FROM records_requests WHERE ?1 OR status IN "
                                             "('received','under-review') ORDER BY due_date, id")
                                  .arg(QLatin1String(kColumns)));
        s.bind(1, includeClosed ? 1 : 0);
        QList<RecordsRequest> out;
        while (s.step())
            out.append(requestFromRow(s));
        return out;
    });
}

Result<RecordsRequest> RecordsRequestService::find(qint64 id)
{
    if (auto allowed = m_session.require(Permission::HandleRecordsRequests, QStringLiteral("read records requests"));
        !allowed)
        return std::unexpected(allowed.error());
    return guarded([&] { return loadRequest(m_db, id); });
}

Result<RecordsRequest> RecordsRequestService::update(qint64 id, const RecordsRequestUpdate& change)
{
    if (auto allowed = m_session.require(Permission::HandleRecordsRequests, QStringLiteral("work records requests"));
        !allowed)
        return std::unexpected(allowed.error());
    if (change.denialReason && (!plainText(*change.denialReason, true)))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The denial reason is plain text of at most %1 characters").arg(kMaxFieldLength));
    if (change.notes && !plainText(*change.notes, true))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("Notes are plain text of at most %1 characters").arg(kMaxFieldLength));
    std::optional<QString> caseNumber;
    if (change.caseNumber && !change.caseNumber->trimmed().isEmpty()) {
        caseNumber = change.caseNumber->trimmed().toUpper();
        auto policy = guarded([&] { return AccessPurposePolicy::load(m_db); });
        if (!policy)
            return std::unexpected(policy.error());
        if (auto valid = policy->validate({QStringLiteral("Records request processing"), *caseNumber}); !valid)
            return std::unexpected(valid.error());
    } else if (change.caseNumber) {
        caseNumber = QString();
    }
    return guardedResult([&]() -> Result<RecordsRequest> {
        store::Transaction tx(m_db);
        RecordsRequest r = loadRequest(m_db, id);
        const bool substantive = change.status || change.denialReason || change.assignedTo || change.caseNumber;
        if (!requestIsOpen(r.status) && substantive && change.status != r.status)
            return fail(ErrorCode::InvalidInput, QStringLiteral("Request %1 is closed (%2); only its notes may change")
                                                     .arg(id)
                                                     .arg(requestStatusDisplayName(r.status).toLower()));
        QJsonObject parameters;
        if (change.status && *change.status != r.status) {
            parameters.insert(QStringLiteral("status"), requestStatusName(*change.status));
            parameters.insert(QStringLiteral("was"), requestStatusName(r.status));
            r.status = *change.status;
        }
        if (change.denialReason && change.denialReason->trimmed() != r.denialReason) {
            r.denialReason = change.denialReason->trimmed();
            parameters.insert(QStringLiteral("denial_reason"), r.denialReason);
        }
        if (r.status == RequestStatus::Denied && r.denialReason.isEmpty())
            return fail(ErrorCode::InvalidInput, QStringLiteral("Give the reason for denying the request"));
        if (change.assignedTo && change.assignedTo->trimmed() != r.assignedTo) {
            const QString assignee = change.assignedTo->trimmed();
            if (!assignee.isEmpty()) {
                auto a = m_db.prepare(QStringLiteral("SELECT role, disabled FROM accounts WHERE name = ?1"));
                a.bind(1, assignee);
                if (!a.step())
                    return fail(ErrorCode::NotFound, QStringLiteral("There is no user %1").arg(assignee));
                const auto role = roleFromName(a.text(0));
                if (a.int64(1) != 0 || !role || !roleAllows(*role, Permission::HandleRecordsRequests))
                    return fail(ErrorCode::InvalidInput,
                                QStringLiteral("%1 is not an active Records Supervisor or Commander").arg(assignee));
            }
            r.assignedTo = assignee;
            parameters.insert(QStringLiteral("assigned_to"), assignee);
        }
        if (caseNumber && *caseNumber != r.caseNumber) {
            if (!caseNumber->isEmpty()) {
                auto c = m_db.prepare(QStringLiteral("SELECT 1 FROM cases WHERE number = ?1"));
                c.bind(1, *caseNumber);
                if (!c.step())
                    return fail(ErrorCode::NotFound, QStringLiteral("There is no case %1").arg(*caseNumber));
            }
            r.caseNumber = *caseNumber;
            parameters.insert(QStringLiteral("case"), r.caseNumber);
        }
        if (change.notes && change.notes->trimmed() != r.notes) {
            r.notes = change.notes->trimmed();
            parameters.insert(QStringLiteral("notes"), QStringLiteral("changed"));
        }
        if (parameters.isEmpty())
            return r;
        const QDateTime now = m_session.clock().nowUtc();
        m_db.prepare(QStringLiteral("UPDATE records_requests SET status = ?1, denial_reason = ?2, assigned_to = ?3, "
                                    "case_number = ?4, notes = ?5, updated_by = ?6, updated_utc = ?7 WHERE id = ?8"))
            .bind(1, requestStatusName(r.status))
            .bind(2, r.denialReason)
            .bind(3, r.assignedTo)
            .bind(4, r.caseNumber)
            .bind(5, r.notes)
            .bind(6, m_session.account().name)
            .bind(7, now.toString(Qt::ISODateWithMs))
            .bind(8, id)
            .run();
        AuditLog::append(tx,
                         m_session.auditRecord(QStringLiteral("request.update"), QStringLiteral("request:%1").arg(id),
                                               evidence::compactJson(parameters), AccessPurpose{{}, r.caseNumber}));
        tx.commit();
        return loadRequest(m_db, id);
    });
}

Result<Hold> RecordsRequestService::placeLegalHold(qint64 id, const QString& caseNumber, const QList<qint64>& readIds,
                                                   const QDate& until)
{
    if (auto allowed = m_session.require(Permission::HandleRecordsRequests, QStringLiteral("work records requests"));
        !allowed)
        return std::unexpected(allowed.error());
    auto request = guarded([&] { return loadRequest(m_db, id); });
    if (!request)
        return std::unexpected(request.error());
    if (request->holdId != 0)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("Request %1 already has legal hold %2").arg(id).arg(request->holdId));
    HoldRequest hold;
    hold.kind = HoldKind::Legal;
    hold.caseNumber = caseNumber;
    hold.readIds = readIds;
    hold.requester = request->requester.left(200);
    hold.reference = QStringLiteral("Records request %1 (%2, received %3)")
                         .arg(id)
                         .arg(requestKindDisplayName(request->kind), request->received.toString(Qt::ISODate));
    hold.until = until;
    hold.note = QStringLiteral("Placed from records request %1").arg(id);
    // The hold and the link are two transactions (HoldService owns its own); a failure of the second leaves a hold
    // that names the request in its reference, which is the safe side.
    auto placed = HoldService(m_session, m_db).place(hold);
    if (!placed)
        return placed;
    auto linked = guarded([&] {
        store::Transaction tx(m_db);
        m_db.prepare(QStringLiteral("UPDATE records_requests SET hold_id = ?1, updated_by = ?2, updated_utc = ?3 "
                                    "WHERE id = ?4"))
            .bind(1, placed->id)
            .bind(2, m_session.account().name)
            .bind(3, m_session.clock().nowUtc().toString(Qt::ISODateWithMs))
            .bind(4, id)
            .run();
        AuditLog::append(tx,
                         m_session.auditRecord(QStringLiteral("request.update"), QStringLiteral("request:%1").arg(id),
                                               evidence::compactJson({{QStringLiteral("hold"), placed->id}}),
                                               AccessPurpose{{}, placed->caseNumber}));
        tx.commit();
    });
    if (!linked)
        return std::unexpected(linked.error());
    return placed;
}

Result<int> RecordsRequestService::dueDays()
{
    return guarded([&] { return storedDueDays(m_db); });
}

VoidResult RecordsRequestService::setDueDays(int days)
{
    if (auto allowed = m_session.require(Permission::HandleRecordsRequests, QStringLiteral("set the answer period"));
        !allowed)
        return std::unexpected(allowed.error());
    if (days < 1 || days > 365)
        return fail(ErrorCode::InvalidInput, QStringLiteral("The answer period is 1 to 365 days"));
    return guarded([&] {
        store::Transaction tx(m_db);
        m_db.prepareUpsert(QStringLiteral("settings"), {QStringLiteral("key")}, {QStringLiteral("value")})
            .bind(1, kDueDaysKey)
            .bind(2, QString::number(days))
            .run();
        AuditLog::append(tx, m_session.auditRecord(QStringLiteral("request.settings"), QStringLiteral("settings"),
                                                   evidence::compactJson({{QStringLiteral("due_days"), days}})));
        tx.commit();
    });
}

} // namespace alpr
