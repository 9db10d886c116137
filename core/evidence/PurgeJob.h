#pragma once

#include "common/JobContext.h"
#include "common/Result.h"
#include "evidence/PurgeReport.h"

#include <optional>

namespace alpr {

class Session;

namespace store {
class Database;
}

/// The retention purge: removes reads (with their alternatives, images, case attachments and any rows other tables
/// keep about them) once they are older than their class's retention, except held reads, then scrubs the store so
/// the removed data is gone from its files. Needs Permission::PurgeData.
///
/// A plain job: run() works in batches of one transaction each (every batch audited with its counts), checks
/// job.isCancelled() between batches and reports progress, so it runs the same in tests, the CLI and on the GUI's
/// pool. Give it a connection of its own thread (Session::openConnection() on a worker).
class PurgeJob {
public:
    static constexpr int kDefaultBatchSize = 500;
    /// The progress stage after a server store's whole month went at once (%1: YYYY-MM).
    static inline const QString kWholeMonthStage = QStringLiteral("Purged %1 whole");

    PurgeJob(Session& session, store::Database& db);

    /// What a purge would remove now, by month and class; audited as retention.dry-run.
    [[nodiscard]] Result<PurgeDryRun> dryRun();
    /// A cancelled or interrupted run, which run() resumes with its original cut-offs.
    [[nodiscard]] Result<std::optional<PurgeRun>> unfinishedRun();
    /// Purges. On cancellation the run is marked cancelled and the Error (code Cancelled) says how far it got;
    /// calling run() again resumes it.
    [[nodiscard]] Result<PurgeSummary> run(JobContext& job, int batchSize = kDefaultBatchSize);
    /// On a server store a month of reads that nothing keeps goes by dropping its partitions (the default); false
    /// purges it read by read as on the embedded store: the baseline bench_purge measures against.
    void setDropWholeMonths(bool drop) { m_dropWholeMonths = drop; }

private:
    Session& m_session;
    store::Database& m_db;
    bool m_dropWholeMonths = true;
};

} // namespace alpr
