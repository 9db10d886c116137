#pragma once

#include <QDateTime>
#include <QString>

namespace alpr {

/// One offload presented for import, as the transfers table keeps it.
struct TransferRecord {
    qint64 id = 0;
    QString unitId;
    QString source;
    QString format;
    QString manifestSha256;
    QDateTime periodFromUtc;
    QDateTime periodToUtc;
    qint64 declaredReads = 0;
    qint64 storedReads = 0;
    qint64 duplicateReads = 0;
    QString status; ///< importing, complete, failed, cancelled
    QString reason; ///< why it failed
    bool undockedWithoutApproval = false;
    QString importedBy;
    QDateTime startedUtc;
    QDateTime finishedUtc;
};

/// What one import of an offload came to.
struct TransferOutcome {
    enum class Status { Imported, AlreadyImported, Failed, Cancelled };
    Status status = Status::Failed;
    QString source;
    qint64 transferId = 0;
    QString unitId;
    qint64 declaredReads = 0;
    qint64 storedReads = 0;    ///< new reads stored by this run
    qint64 duplicateReads = 0; ///< reads already in the store from an overlapping offload
    bool resumed = false;      ///< an interrupted import of the same offload was carried on
    bool undockedWithoutApproval = false;
    int watchHits = 0;
    QString reason; ///< for Failed
};

} // namespace alpr
