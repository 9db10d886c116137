#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QList>

namespace alpr {

namespace store {
class Database;
}

/// One package written, as the store remembers it (the audit trail holds the same, hash-chained).
struct EvidenceExportRecord {
    qint64 id = 0;
    QString caseNumber;
    QString packageName;
    QString target;
    QString purpose;
    int readCount = 0;
    int fileCount = 0;
    QString manifestSha256;
    QString exportedBy;
    QDateTime exportedUtc;
};

/// The packages written from this store, newest first; for the evidence page and `alprctl evidence list`.
class EvidenceExportLog {
public:
    /// caseNumber empty: all cases.
    [[nodiscard]] static Result<QList<EvidenceExportRecord>> list(store::Database& db, const QString& caseNumber = {});
};

} // namespace alpr
