#pragma once

#include "audit/AuditAnchor.h"
#include "audit/AuditRecord.h"
#include "common/Result.h"

#include <QList>

namespace alpr {

namespace store {
class Transaction;
class Database;
} // namespace store

/// Filter for listing the trail; empty fields match everything.
struct AuditFilter {
    QString user;
    QString action; ///< exact, or a prefix ending in '*' (e.g. "search*")
    QDateTime fromUtc;
    QDateTime toUtc;
    int limit = 0; ///< 0 = no limit; otherwise the newest records
};

struct AuditVerification {
    bool intact = true;
    qint64 recordsChecked = 0;
    qint64 firstBadSeq = 0; ///< 0 when intact
    QString reason;
};

/// The hash-chained, append-only access log inside the encrypted store. Nothing in the code edits or deletes its
/// records; triggers in the schema refuse it too.
class AuditLog {
public:
    /// Appends a record inside the caller's write transaction, so the record commits or rolls back with the action
    /// it describes. Sets seq and hash. Throws ErrorException: call it inside a guarded() body.
    static AuditRecord append(store::Transaction& transaction, AuditRecord record);

    [[nodiscard]] static Result<QList<AuditRecord>> list(store::Database& db, const AuditFilter& filter);
    /// Walks the chain from the first record; names the first record whose hash or sequence does not hold.
    [[nodiscard]] static Result<AuditVerification> verify(store::Database& db);

    /// The chain head now (an empty log gives count 0).
    [[nodiscard]] static Result<AuditAnchor> anchor(store::Database& db);
    /// verify(), and then that the log still holds the anchor's record with the anchor's hash: fails (intact = false,
    /// a reason naming how many records are missing) when the newest records were removed or the chain was rebuilt
    /// after the anchor was taken.
    [[nodiscard]] static Result<AuditVerification> verifyAgainst(store::Database& db, const AuditAnchor& anchor);

private:
    /// PostgreSQL: the server appends (alpr_audit_append); workstation users may not insert into the table.
    static AuditRecord appendOnServer(store::Transaction& transaction, AuditRecord record);
};

} // namespace alpr
