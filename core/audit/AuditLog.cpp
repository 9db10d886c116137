#include "audit/AuditLog.h"

#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

namespace alpr {

namespace {

constexpr auto kColumns = "seq, time_utc, user, workstation, action, object, parameters, purpose, case_number, "
                          "outcome, hash";

AuditRecord readRecord(const store::Statement& s)
{
    AuditRecord r;
    r.seq = s.int64(0);
    r.timeUtc = QDateTime::fromString(s.text(1), Qt::ISODateWithMs).toUTC();
    r.user = s.text(2);
    r.workstation = s.text(3);
    r.action = s.text(4);
    r.object = s.text(5);
    r.parameters = s.text(6);
    r.purpose = s.text(7);
    r.caseNumber = s.text(8);
    r.outcome = s.text(9);
    r.hash = s.text(10);
    return r;
}

} // namespace

AuditRecord AuditLog::append(store::Transaction& transaction, AuditRecord record)
{
    store::Database& db = transaction.database();
    // Millisecond precision is what the canonical form stores; keep the in-memory record identical.
    record.timeUtc = QDateTime::fromString(record.timeUtc.toUTC().toString(Qt::ISODateWithMs), Qt::ISODateWithMs);
    // Absent fields are stored as empty text, never NULL, so the canonical form reads back identically.
    for (QString* field : {&record.user, &record.workstation, &record.action, &record.object, &record.parameters,
                           &record.purpose, &record.caseNumber, &record.outcome})
        if (field->isNull())
            *field = QStringLiteral("");
    if (db.isPostgres())
        return appendOnServer(transaction, std::move(record));
    // The chain's head is read and extended under the writer lock: two appends never take the same seq.
    transaction.takeWriterLock();
    auto last = db.prepare(QStringLiteral("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"));
    QString previousHash;
    record.seq = 1;
    if (last.step()) {
        record.seq = last.int64(0) + 1;
        previousHash = last.text(1);
    }
    record.hash = record.computeHash(previousHash);
    auto insert = db.prepare(QStringLiteral("INSERT INTO audit(%1) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)")
                                 .arg(QLatin1String(kColumns)));
    insert.bind(1, record.seq)
        .bind(2, record.timeUtc.toUTC().toString(Qt::ISODateWithMs))
        .bind(3, record.user)
        .bind(4, record.workstation)
        .bind(5, record.action)
        .bind(6, record.object)
        .bind(7, record.parameters)
        .bind(8, record.purpose)
        .bind(9, record.caseNumber)
        .bind(10, record.outcome)
        .bind(11, record.hash)
        .run();
    return record;
}

AuditRecord AuditLog::appendOnServer(store::Transaction& transaction, AuditRecord record)
{
    // The server numbers and hashes the record (postgresql/012_audit_append.sql) under the writer lock, in this
    // transaction; its hash must be the one this program computes, or verify() would call the chain broken.
    transaction.takeWriterLock();
    auto append = transaction.database().prepare(
        QStringLiteral("SELECT seq, hash FROM alpr_audit_append(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
    append.bind(1, record.timeUtc.toUTC().toString(Qt::ISODateWithMs))
        .bind(2, record.user)
        .bind(3, record.workstation)
        .bind(4, record.action)
        .bind(5, record.object)
        .bind(6, record.parameters)
        .bind(7, record.purpose)
        .bind(8, record.caseNumber)
        .bind(9, record.outcome);
    if (!append.step())
        raise(ErrorCode::Database, QStringLiteral("The audit trail could not be written"), QStringLiteral("no row"));
    record.seq = append.int64(0);
    record.hash = append.text(1);
    return record;
}

Result<QList<AuditRecord>> AuditLog::list(store::Database& db, const AuditFilter& filter)
{
    return guarded([&] {
        QString sql = QStringLiteral("SELECT %1 FROM audit WHERE 1=1").arg(QLatin1String(kColumns));
        if (!filter.user.isEmpty())
            sql += QStringLiteral(" AND user = ?1");
        if (!filter.action.isEmpty())
            sql += filter.action.endsWith(QLatin1Char('*')) ? QStringLiteral(" AND substr(action, 1, length(?2)) = ?2")
                                                            : QStringLiteral(" AND action = ?2");
        if (filter.fromUtc.isValid())
            sql += QStringLiteral(" AND time_utc >= ?3");
        if (filter.toUtc.isValid())
            sql += QStringLiteral(" AND time_utc <= ?4");
        sql += filter.limit > 0 ? QStringLiteral(" ORDER BY seq DESC LIMIT ?5") : QStringLiteral(" ORDER BY seq");
        auto s = db.prepare(sql);
        if (!filter.user.isEmpty())
            s.bind(1, filter.user);
        if (!filter.action.isEmpty())
            s.bind(2, filter.action.endsWith(QLatin1Char('*')) ? filter.action.chopped(1) : filter.action);
        if (filter.fromUtc.isValid())
            s.bind(3, filter.fromUtc.toUTC().toString(Qt::ISODateWithMs));
        if (filter.toUtc.isValid())
            s.bind(4, filter.toUtc.toUTC().toString(Qt::ISODateWithMs));
        if (filter.limit > 0)
            s.bind(5, filter.limit);
        QList<AuditRecord> out;
        while (s.step())
            out.append(readRecord(s));
        if (filter.limit > 0)
            std::reverse(out.begin(), out.end());
        return out;
    });
}

Result<AuditVerification> AuditLog::verify(store::Database& db)
{
    return guarded([&] {
        AuditVerification v;
        auto s = db.prepare(QStringLiteral("SELECT %1 FROM audit ORDER BY seq").arg(QLatin1String(kColumns)));
        QString previousHash;
        qint64 expectedSeq = 1;
        while (s.step()) {
            const AuditRecord r = readRecord(s);
            ++v.recordsChecked;
            if (r.seq != expectedSeq) {
                v.intact = false;
                v.firstBadSeq = expectedSeq;
                v.reason = QStringLiteral("record %1 is missing (next present record is %2)").arg(expectedSeq).arg(r.seq);
                return v;
            }
            if (r.computeHash(previousHash) != r.hash) {
                v.intact = false;
                v.firstBadSeq = r.seq;
                v.reason = QStringLiteral("record %1 was altered: its content does not match its hash").arg(r.seq);
                return v;
            }
            previousHash = r.hash;
            ++expectedSeq;
        }
        return v;
    });
}

Result<AuditAnchor> AuditLog::anchor(store::Database& db)
{
    return guarded([&] {
        auto s = db.prepare(QStringLiteral("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"));
        AuditAnchor a;
        if (s.step())
            a = AuditAnchor{s.int64(0), s.text(1)};
        return a;
    });
}

Result<AuditVerification> AuditLog::verifyAgainst(store::Database& db, const AuditAnchor& anchor)
{
    auto v = verify(db);
    if (!v || !v->intact)
        return v;
    return guarded([&] {
        AuditVerification out = *v;
        if (out.recordsChecked < anchor.count) {
            out.intact = false;
            out.firstBadSeq = out.recordsChecked + 1;
            out.reason = QStringLiteral("the log ends at record %1 but the anchor names record %2: the newest %3 "
                                        "record(s) were removed")
                             .arg(out.recordsChecked)
                             .arg(anchor.count)
                             .arg(anchor.count - out.recordsChecked);
            return out;
        }
        auto s = db.prepare(QStringLiteral("SELECT hash FROM audit WHERE seq = ?1"));
        s.bind(1, anchor.count);
        const QString hash = s.step() ? s.text(0) : QString();
        if (hash.compare(anchor.hash, Qt::CaseInsensitive) != 0) {
            out.intact = false;
            out.firstBadSeq = anchor.count;
            out.reason = QStringLiteral("record %1 does not carry the anchor's hash: the log was rewritten or replaced "
                                        "after the anchor was taken")
                             .arg(anchor.count);
        }
        return out;
    });
}

} // namespace alpr
