#pragma once

#include "common/JobContext.h"
#include "common/Result.h"
#include "transfers/TransferRecord.h"

#include <QList>

namespace alpr {

class Offload;
class Session;

namespace store {
class Database;
}

/// Brings a unit's offload into the department store. Nothing is stored until the whole offload verifies
/// (Offload::verify: files, sizes, SHA-256, every read, the count, the period) and its unit is one of the agency's
/// own; a failure is recorded as a failed transfer and audited (transfer.failed) and stores no read. A verified
/// offload is stored in batches of kBatchReads, each one transaction that also indexes the new reads (search, watch
/// and hot-list matching, exactly as a footage import) and moves the transfer's checkpoint; an interrupted or
/// cancelled import of the same offload (same manifest) resumes at the checkpoint. A read already stored by an
/// overlapping offload (same unit, camera, time and plate) is counted, not stored again. The completed transfer sets
/// the unit's last transfer time and is audited (transfer.import) in the last batch's transaction.
///
/// Runs on the calling thread with the given connection (a worker's own, from Session::openConnection()).
class TransferService {
public:
    static constexpr int kBatchReads = 20000;

    TransferService(Session& session, store::Database& db) : m_session(session), m_db(db) {}

    /// `path` is the offload's folder, or an archive of it (OffloadArchive). expectedUnit, when given, must be the
    /// unit the manifest names (the operator says whose stick this is).
    /// VerificationFailed (recorded) for an offload that does not verify or is foreign; Cancelled when cancelled.
    [[nodiscard]] Result<TransferOutcome> importOffload(const QString& path, JobContext& job,
                                                        const QString& expectedUnit = {});
    /// Newest first; unitId empty = all units.
    [[nodiscard]] Result<QList<TransferRecord>> list(const QString& unitId = {}, int limit = 500);

private:
    [[nodiscard]] Error recordFailure(const QString& source, const Offload* offload, const QString& unitId,
                                      const Error& error);
    [[nodiscard]] Result<bool> undockedWithoutApproval(const Offload& offload);

    Session& m_session;
    store::Database& m_db;
};

} // namespace alpr
