#include "transfers/TransferFolderWatcher.h"

#include "accounts/Session.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "transfers/Offload.h"
#include "transfers/OffloadArchive.h"
#include "transfers/TransferService.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

namespace alpr {

namespace {

QDateTime newestChange(const QString& folder)
{
    QDateTime newest = QFileInfo(folder).lastModified().toUTC();
    QDirIterator it(folder, QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        newest = std::max(newest, it.fileInfo().lastModified().toUTC());
    }
    return newest;
}

QStringList offloadFolders(const QString& watched)
{
    const QString manifest = QLatin1String(TransferManifest::kFileName);
    if (QFileInfo::exists(QDir(watched).filePath(manifest)))
        return {watched};
    QStringList out;
    for (const QFileInfo& sub : QDir(watched).entryInfoList(QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot, QDir::Name))
        if ((sub.isDir() && QFileInfo::exists(QDir(sub.absoluteFilePath()).filePath(manifest))) ||
            OffloadArchive::isArchive(sub.absoluteFilePath()))
            out.append(sub.absoluteFilePath());
    return out;
}

} // namespace

Result<QList<TransferOutcome>> TransferFolderWatcher::scanOnce(const QString& watchedFolder, JobContext& job)
{
    if (!QFileInfo(watchedFolder).isDir())
        return fail(ErrorCode::NotFound, QStringLiteral("The watched folder %1 does not exist").arg(watchedFolder));
    QList<TransferOutcome> outcomes;
    TransferService service(m_session, m_db);
    for (const QString& folder : offloadFolders(watchedFolder)) {
        if (job.isCancelled())
            return fail(ErrorCode::Cancelled, QStringLiteral("Transfer cancelled"));
        const QDateTime changed = newestChange(folder);
        if (m_settleSeconds > 0 && changed.secsTo(QDateTime::currentDateTimeUtc()) < m_settleSeconds)
            continue;
        // Skip what is done, and failures of content that has not changed since (remembered by this watcher: the
        // file times and the session's clock need not agree).
        if (m_failedAt.contains(folder) && m_failedAt.value(folder) == changed)
            continue;
        auto opened = Offload::open(folder);
        if (!opened && OffloadArchive::isArchive(folder)) {
            // An archive is known by its source path once imported; it is not unpacked again to find out.
            auto done = guarded([&] {
                auto s = m_db.prepare(
                    QStringLiteral("SELECT 1 FROM transfers WHERE source = ?1 AND status = 'complete'"));
                s.bind(1, QFileInfo(folder).absoluteFilePath());
                return s.step();
            });
            if (!done)
                return std::unexpected(done.error());
            if (*done)
                continue;
        }
        if (opened) {
            auto done = guarded([&] {
                auto s = m_db.prepare(QStringLiteral(
                    "SELECT 1 FROM transfers WHERE manifest_sha256 = ?1 AND status = 'complete'"));
                s.bind(1, opened->manifestSha256());
                return s.step();
            });
            if (!done)
                return std::unexpected(done.error());
            if (*done)
                continue;
        }
        JobContext offloadJob({}, &job);
        auto imported = service.importOffload(folder, offloadJob);
        if (imported) {
            outcomes.append(*imported);
            continue;
        }
        if (imported.error().isCancellation())
            return std::unexpected(imported.error());
        TransferOutcome failed;
        failed.source = QFileInfo(folder).absoluteFilePath();
        failed.reason = imported.error().message;
        m_failedAt.insert(folder, changed);
        if (opened)
            failed.unitId = opened->manifest().unitId;
        outcomes.append(failed);
    }
    return outcomes;
}

} // namespace alpr
