#include "import/ImportQueue.h"

#include "accounts/Session.h"
#include "engine/FootageRecognizer.h"
#include "import/ContainerTime.h"
#include "import/ImportQueueStore.h"
#include "import/ImportService.h"
#include "import/ImportSources.h"
#include "import/ImportTimeEstimate.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace alpr {

namespace {

/// The track, location and start time one file of the queue is imported with, and how each was chosen.
ImportRequest requestFor(const ImportQueueOptions& options, ImportQueueItem& item)
{
    ImportRequest request;
    request.files = {item.path};
    request.unitId = options.unitId;
    request.latitude = options.latitude;
    request.longitude = options.longitude;
    request.minStillConfidence = options.minStillConfidence;
    const QString beside = ImportSources::trackBeside(item.path);
    request.gpsTrackFile = beside.isEmpty() ? options.gpsTrackFile : beside;
    if (!beside.isEmpty())
        item.gpsSource = QStringLiteral("beside: ") + QFileInfo(beside).fileName();
    else if (!options.gpsTrackFile.isEmpty())
        item.gpsSource = QStringLiteral("track: ") + QFileInfo(options.gpsTrackFile).fileName();
    else if (options.latitude && options.longitude)
        item.gpsSource = QStringLiteral("fixed");
    else
        item.gpsSource = QStringLiteral("none");

    if (options.startUtc.isValid()) {
        request.startUtc = options.startUtc;
        item.timeSource = QStringLiteral("given");
    } else if (auto created = engine::FootageRecognizer::looksLikeVideo(item.path) ? ContainerTime::readFile(item.path)
                                                                                   : Result<QDateTime>();
               created && created->isValid()) {
        request.startUtc = *created;
        item.timeSource = QStringLiteral("container");
    } else {
        item.timeSource = QStringLiteral("file"); // ImportService's own default: the modification time
    }
    return request;
}

} // namespace

ImportQueue::ImportQueue(const Session& session, store::Database& db)
    : m_session(session), m_db(db), m_import(std::make_unique<ImportService>(session, db))
{
}

ImportQueue::~ImportQueue() = default;

Result<qint64> ImportQueue::create(const QStringList& paths, const ImportQueueOptions& options)
{
    if (auto allowed = m_session.require(Permission::ImportReads, QStringLiteral("import reads")); !allowed)
        return std::unexpected(allowed.error());
    ImportRequest check;
    check.unitId = options.unitId;
    check.gpsTrackFile = options.gpsTrackFile;
    check.latitude = options.latitude;
    check.longitude = options.longitude;
    if (auto valid = ImportService::checkRequest(check); !valid)
        return std::unexpected(valid.error());
    const QStringList files = ImportSources::expand(paths);
    if (files.isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("No footage or photos in the given files and folders"));
    QList<ImportQueueItem> items;
    for (const QString& file : files) {
        ImportQueueItem item;
        item.position = int(items.size());
        item.path = file;
        item.sizeBytes = QFileInfo(file).size();
        items.append(item);
    }
    return guarded([&] {
        return ImportQueueStore(m_db).create(options, items, m_session.account().name, m_session.clock().nowUtc());
    });
}

Result<ImportQueueState> ImportQueue::ownQueue(qint64 id)
{
    if (auto allowed = m_session.require(Permission::ImportReads, QStringLiteral("import reads")); !allowed)
        return std::unexpected(allowed.error());
    auto loaded = guarded([&] { return ImportQueueStore(m_db).load(id); });
    if (!loaded)
        return std::unexpected(loaded.error());
    // Someone else's queue is reported as absent: its file names are that detective's case material.
    if (!*loaded || (*loaded)->createdBy != m_session.account().name)
        return fail(ErrorCode::NotFound, QStringLiteral("There is no import queue %1 of yours").arg(id));
    return **loaded;
}

Result<ImportQueueState> ImportQueue::state(qint64 id)
{
    return ownQueue(id);
}

Result<QList<ImportQueueState>> ImportQueue::unfinished()
{
    if (auto allowed = m_session.require(Permission::ImportReads, QStringLiteral("import reads")); !allowed)
        return std::unexpected(allowed.error());
    return guarded([&] {
        ImportQueueStore store(m_db);
        QList<ImportQueueState> out;
        for (qint64 id : store.openQueues(m_session.account().name))
            if (auto state = store.load(id))
                out.append(*state);
        return out;
    });
}

VoidResult ImportQueue::discard(qint64 id)
{
    auto queue = ownQueue(id);
    if (!queue)
        return std::unexpected(queue.error());
    return guarded([&] {
        ImportQueueStore store(m_db);
        store.requeueInterrupted(id);
        store.close(id, true, m_session.clock().nowUtc());
    });
}

Result<ImportQueueSummary> ImportQueue::run(qint64 id, JobContext& job, const ProgressCallback& onProgress)
{
    auto loaded = ownQueue(id);
    if (!loaded)
        return std::unexpected(loaded.error());
    if (!loaded->open && loaded->unfinished() > 0)
        return fail(ErrorCode::InvalidInput, QStringLiteral("Import queue %1 was discarded").arg(id));
    if (!loaded->open)
        return ImportQueueSummary{*loaded, 0, 0, 0}; // finished before: nothing to do, its outcome stands
    if (auto requeued = guarded([&] { ImportQueueStore(m_db).requeueInterrupted(id); }); !requeued)
        return std::unexpected(requeued.error());

    ImportQueueSummary summary;
    summary.queue = *loaded;
    QList<ImportQueueItem>& items = summary.queue.items;
    for (ImportQueueItem& item : items)
        if (item.status == ImportQueueItem::Status::Running)
            item.status = ImportQueueItem::Status::Pending;

    ImportQueueProgress progress;
    progress.fileCount = int(items.size());
    progress.bytesTotal = summary.queue.totalBytes();
    for (const ImportQueueItem& item : std::as_const(items))
        if (item.isFinished())
            progress.bytesDone += item.sizeBytes;
    // The time-left estimate uses this run's rate over its working time: bytes finished before a resume and time
    // spent paused would both skew it.
    const qint64 bytesBeforeRun = progress.bytesDone;
    const qint64 pausedBeforeRun = job.pausedMsecs();
    QElapsedTimer timer;
    timer.start();
    const auto activeMs = [&] { return timer.elapsed() - (job.pausedMsecs() - pausedBeforeRun); };
    const auto report = [&] {
        const qint64 workLeft = progress.bytesTotal - progress.bytesDone;
        progress.totalSecondsLeft =
            ImportTimeEstimate::secondsLeft(progress.bytesDone - bytesBeforeRun, workLeft, activeMs());
        if (onProgress)
            onProgress(progress);
        job.reportProgress(progress.bytesDone, progress.bytesTotal, progress.file);
    };

    const auto cancelled = [&] {
        return fail(ErrorCode::Cancelled,
                    QStringLiteral("Import cancelled; %1 file(s) left to import").arg(summary.queue.unfinished()));
    };

    for (ImportQueueItem& item : items) {
        if (item.isFinished())
            continue;
        job.waitWhilePaused();
        if (job.isCancelled())
            return cancelled();
        const ImportRequest request = requestFor(summary.queue.options, item);
        const auto now = m_session.clock().nowUtc();
        if (auto marked = guarded([&] { ImportQueueStore(m_db).markRunning(id, item, now); }); !marked)
            return std::unexpected(marked.error());
        item.status = ImportQueueItem::Status::Running;
        item.startedUtc = now;

        const qint64 bytesBeforeFile = progress.bytesDone;
        const qint64 fileStartMs = activeMs();
        progress.fileIndex = item.position;
        progress.file = item.path;
        progress.item = item;
        progress.fileFraction = 0.0;
        progress.fileSecondsLeft.reset();
        report();
        JobContext fileJob(
            [&](qint64 done, qint64 total, const QString&) {
                // ImportService reports thousandths of its one file.
                if (total <= 0)
                    return;
                progress.fileFraction = std::clamp(double(done) / double(total), 0.0, 1.0);
                progress.bytesDone = bytesBeforeFile + qint64(progress.fileFraction * double(item.sizeBytes));
                progress.fileSecondsLeft = ImportTimeEstimate::secondsLeft(qint64(progress.fileFraction * 1e6),
                                                                           qint64((1.0 - progress.fileFraction) * 1e6),
                                                                           activeMs() - fileStartMs);
                report();
            },
            &job);
        auto outcome = m_import->run(request, fileJob);
        if (!outcome && (outcome.error().isCancellation() || outcome.error().code == ErrorCode::PermissionDenied)) {
            // Not committed: the file goes back to pending and a resume redoes it.
            (void)guarded([&] { ImportQueueStore(m_db).requeueInterrupted(id); });
            item.status = ImportQueueItem::Status::Pending;
            return outcome.error().isCancellation() ? cancelled() : std::unexpected(outcome.error());
        }
        if (!outcome) {
            // A request-level refusal of this one file: its own GPS track beside it is unreadable.
            item.status = ImportQueueItem::Status::Failed;
            item.reason = outcome.error().message;
        } else {
            const ImportFileOutcome& file = outcome->files.value(0);
            item.reads = file.reads;
            switch (file.status) {
            case ImportFileOutcome::Status::Imported:
                item.status = ImportQueueItem::Status::Done;
                ++summary.filesImported;
                break;
            case ImportFileOutcome::Status::AlreadyImported:
                item.status = ImportQueueItem::Status::Skipped;
                item.reason = QStringLiteral("imported before (same content)");
                break;
            case ImportFileOutcome::Status::Failed:
                item.status = ImportQueueItem::Status::Failed;
                item.reason = file.message;
                break;
            }
            summary.readsStored += outcome->readsStored;
            summary.watchHits += outcome->watchHits;
        }
        item.finishedUtc = m_session.clock().nowUtc();
        if (auto marked = guarded([&] { ImportQueueStore(m_db).markFinished(id, item, item.finishedUtc); }); !marked)
            return std::unexpected(marked.error());
        progress.bytesDone = bytesBeforeFile + item.sizeBytes;
        progress.item = item;
        progress.fileFraction = 1.0;
        progress.fileSecondsLeft = 0;
        report();
    }

    const auto closed = guarded([&] { ImportQueueStore(m_db).close(id, false, m_session.clock().nowUtc()); });
    if (!closed)
        return std::unexpected(closed.error());
    summary.queue.open = false;
    return summary;
}

} // namespace alpr
