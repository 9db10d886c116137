#pragma once

#include "evidence/RetentionSetting.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace alpr {

/// What a purge would remove in one month of capture time and one data class.
struct PurgeMonthCount {
    QString month; ///< YYYY-MM of the reads' capture time (UTC)
    RetentionClass dataClass = RetentionClass::Reads;
    qint64 reads = 0;  ///< reads removed (0 for the images class, which keeps the reads)
    qint64 images = 0; ///< crops and context images removed
};

/// The dry run: what the purge would remove now, and what it keeps only because a hold protects it.
struct PurgeDryRun {
    QDateTime nowUtc;
    qint64 readsCutoff = 0; ///< seconds since the epoch, per class (see RetentionSetting::cutoff)
    qint64 caseReadsCutoff = 0;
    qint64 imagesCutoff = 0;
    QList<PurgeMonthCount> rows; ///< month ascending, then class
    qint64 heldReadsKept = 0;    ///< past their retention but held

    [[nodiscard]] qint64 totalReads() const
    {
        qint64 n = 0;
        for (const auto& r : rows)
            n += r.reads;
        return n;
    }
    [[nodiscard]] qint64 totalImages() const
    {
        qint64 n = 0;
        for (const auto& r : rows)
            n += r.images;
        return n;
    }
};

/// A purge run as recorded in purge_runs.
struct PurgeRun {
    qint64 id = 0;
    QString startedBy;
    QDateTime startedUtc;
    qint64 readsCutoff = 0;
    qint64 caseReadsCutoff = 0;
    qint64 imagesCutoff = 0;
    QString status; ///< running, cancelled, completed, failed
    qint64 readsDeleted = 0;
    qint64 imagesDeleted = 0;
    qint64 batches = 0;
};

/// The end of a purge that ran to completion.
struct PurgeSummary {
    PurgeRun run;
    bool resumed = false; ///< it continued an earlier cancelled or interrupted run
    int fullTextIndexesMerged = 0;
    bool walTruncated = false;
};

} // namespace alpr
