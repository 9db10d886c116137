#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace alpr {

/// How every file of a queue is placed in time and space. Each file's own GPS track (a .gpx/.nmea/.nma/.log of the
/// same base name beside it) comes first, then gpsTrackFile, then the fixed location. Frame times: startUtc when
/// given, else a video's container creation time, else the file's modification time.
struct ImportQueueOptions {
    QString unitId;
    QDateTime startUtc;   ///< invalid: from each file
    QString gpsTrackFile; ///< the unit's track for files without one beside them; empty: none
    std::optional<double> latitude;
    std::optional<double> longitude;
    double minStillConfidence = 0.05;
};

/// One file of a queue as persisted: a crash or quit leaves it pending or running, and a resume redoes it.
struct ImportQueueItem {
    enum class Status { Pending, Running, Done, Failed, Skipped };
    int position = 0;
    QString path;
    qint64 sizeBytes = 0;
    Status status = Status::Pending;
    QString reason; ///< why it failed or was skipped
    int reads = 0;
    QString gpsSource;  ///< "beside: x.gpx", "track: y.gpx", "fixed", "none"
    QString timeSource; ///< "given", "container", "file"
    QDateTime startedUtc;
    QDateTime finishedUtc;

    [[nodiscard]] bool isFinished() const
    {
        return status == Status::Done || status == Status::Failed || status == Status::Skipped;
    }
};

[[nodiscard]] QString importQueueStatusName(ImportQueueItem::Status status);

/// A persisted queue: its options and its files in import order.
struct ImportQueueState {
    qint64 id = 0;
    ImportQueueOptions options;
    QString createdBy;
    QDateTime createdUtc;
    bool open = true; ///< false once every file is finished or the queue was discarded
    QList<ImportQueueItem> items;

    [[nodiscard]] int count(ImportQueueItem::Status status) const
    {
        int n = 0;
        for (const ImportQueueItem& item : items)
            n += item.status == status;
        return n;
    }
    [[nodiscard]] int unfinished() const
    {
        return count(ImportQueueItem::Status::Pending) + count(ImportQueueItem::Status::Running);
    }
    [[nodiscard]] qint64 totalBytes() const
    {
        qint64 n = 0;
        for (const ImportQueueItem& item : items)
            n += item.sizeBytes;
        return n;
    }
};

/// Where a running queue is, for progress bars: the current file and the whole queue, by bytes.
struct ImportQueueProgress {
    int fileIndex = 0; ///< 0-based position of the current file
    int fileCount = 0;
    QString file;
    /// The current file as the queue sees it: running with its GPS and time source, then, in the file's last
    /// report, done, failed (with the reason) or skipped.
    ImportQueueItem item;
    double fileFraction = 0.0; ///< 0..1 of the current file
    qint64 bytesDone = 0;      ///< finished files and the current file's fraction
    qint64 bytesTotal = 0;
    std::optional<qint64> fileSecondsLeft;  ///< unknown until enough of the file was measured
    std::optional<qint64> totalSecondsLeft; ///< unknown until enough of this run was measured
};

/// What a run of a queue did, and the queue as it stands after it (failed files with their reasons).
struct ImportQueueSummary {
    ImportQueueState queue;
    int filesImported = 0; ///< by this run
    int readsStored = 0;
    int watchHits = 0;
    [[nodiscard]] QList<ImportQueueItem> failed() const
    {
        QList<ImportQueueItem> out;
        for (const ImportQueueItem& item : queue.items)
            if (item.status == ImportQueueItem::Status::Failed)
                out.append(item);
        return out;
    }
};

} // namespace alpr
