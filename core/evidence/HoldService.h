#pragma once

#include "common/Result.h"
#include "evidence/Hold.h"

namespace alpr {

class Session;

namespace store {
class Database;
}

/// Places, releases and lists holds. Placing an evidence hold needs Permission::PlaceEvidenceHold, a legal hold
/// Permission::PlaceLegalHold, releasing either Permission::ReleaseHold; each change is audited in its transaction.
/// One instance per thread, on the connection it is given.
class HoldService {
public:
    explicit HoldService(Session& session);
    HoldService(Session& session, store::Database& db);

    [[nodiscard]] Result<Hold> place(const HoldRequest& request);
    /// A reason is required: the trail must say why evidence stopped being protected.
    [[nodiscard]] VoidResult release(qint64 holdId, const QString& reason);
    [[nodiscard]] Result<QList<Hold>> list(bool includeInactive = false);
    [[nodiscard]] Result<Hold> find(qint64 holdId);

    /// SQL for the ids of reads held on day ?1 (YYYY-MM-DD); the purge and the listings share this definition.
    static constexpr auto kHeldReadIdsSql =
        "SELECT hr.read_id FROM hold_reads hr JOIN holds h ON h.id = hr.hold_id "
        "WHERE h.released_utc IS NULL AND (h.until_date IS NULL OR h.until_date >= ?1) "
        "UNION SELECT v.read_id FROM case_item_reads v JOIN holds h ON h.case_id = v.case_id "
        "WHERE h.released_utc IS NULL AND (h.until_date IS NULL OR h.until_date >= ?1)";

private:
    Session& m_session;
    store::Database& m_db;
};

} // namespace alpr
