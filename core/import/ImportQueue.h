#pragma once

#include "common/JobContext.h"
#include "common/Result.h"
#include "import/ImportQueueState.h"

#include <QStringList>

#include <functional>
#include <memory>

namespace alpr {

class ImportService;
class Session;
namespace store {
class Database;
}

/// Hours of footage in one go: a queue of files and folders imported one file at a time through ImportService
/// (one transaction and audit record a file), persisted in the store so that a queue interrupted by a crash, a
/// quit or Cancel is resumed where it stopped. A file already imported is skipped by its content hash, so a file
/// that was running when the process died is redone without duplicates. A bad file is listed with its reason and
/// the queue goes on.
///
/// Each file gets its own placement: a GPS track beside it (ImportSources::trackBeside) before the queue's track,
/// then the fixed location; its start time is the given one, else a video's container creation time
/// (ContainerTime), else the file's modification time.
///
/// Runs on the calling thread with the given connection (a worker's own). A queue belongs to the account that
/// created it: only that account sees, resumes or discards it.
class ImportQueue {
public:
    using ProgressCallback = std::function<void(const ImportQueueProgress&)>;

    ImportQueue(const Session& session, store::Database& db);
    ~ImportQueue();

    /// Expands folders (ImportSources::expand), checks the options as an import would and stores the queue with
    /// every file pending. InvalidInput when nothing importable was given.
    [[nodiscard]] Result<qint64> create(const QStringList& paths, const ImportQueueOptions& options);
    [[nodiscard]] Result<ImportQueueState> state(qint64 id);
    /// This account's queues that still have files to import, newest first: what to offer for resuming.
    [[nodiscard]] Result<QList<ImportQueueState>> unfinished();
    /// Imports the queue's pending files in order. Pausing the job pauses inside the current file; cancelling it
    /// stops with a Cancelled error and leaves the rest pending for a later run. Per-file failures are in the
    /// summary; the run fails as a whole only for refusals, an unknown queue or cancellation.
    [[nodiscard]] Result<ImportQueueSummary> run(qint64 id, JobContext& job, const ProgressCallback& onProgress = {});
    /// Gives up the files not yet imported; what was imported stays.
    [[nodiscard]] VoidResult discard(qint64 id);

private:
    [[nodiscard]] Result<ImportQueueState> ownQueue(qint64 id);

    const Session& m_session;
    store::Database& m_db;
    std::unique_ptr<ImportService> m_import;
};

} // namespace alpr
