#pragma once

#include "evidence/Case.h"
#include "reads/PlateRead.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>

namespace alpr {

/// One read as it appears in a package: the read and the package files holding its images.
struct EvidenceReadEntry {
    PlateRead read;
    QString cropFile;    ///< relative path in the package, empty when the read has no crop
    QString contextFile; ///< likewise for the context image
};

/// Everything the package's documents show. Images are fetched on demand (readFile) so a large export is never held
/// in memory at once.
struct EvidenceReportData {
    Case caseInfo;
    QString exportedBy; ///< account name
    QString exportedByFullName;
    QString exportedByRole; ///< display name
    QDateTime exportedUtc;
    QString workstation;
    QString purpose;
    QString packageName;
    QString redaction; ///< what a redacted package leaves out; empty for a full package
    QList<EvidenceReadEntry> reads;
    /// SHA-256 (hex) over the data files' manifest lines (reads.csv, reads.json, images): printed on both documents,
    /// it binds the paper sheets to the data (the documents cannot carry the hash of a manifest that lists them).
    QString dataDigest;
    /// Reads a file of the package being written, by relative path.
    std::function<QByteArray(const QString& relativePath)> readFile;
};

} // namespace alpr
