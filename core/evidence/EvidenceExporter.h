#pragma once

#include "common/JobContext.h"
#include "common/Result.h"
#include "evidence/EvidenceRedaction.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace alpr {

class EvidenceDocumentRenderer;
class EvidenceFileWriter;
class Session;

namespace store {
class Database;
}

struct EvidenceExportRequest {
    QString caseNumber;
    QString purpose;
    QList<qint64> readIds;     ///< the reads to export, or
    bool allCaseItems = false; ///< every read the case stands on
    QString targetDirectory;   ///< the mounted stick's folder, or any folder
    EvidenceRedaction redaction; ///< for a release outside law enforcement (records requests)
};

struct EvidenceExportResult {
    QString packagePath;
    QString packageName;
    int readCount = 0;
    int fileCount = 0; ///< files listed in the manifest
    qint64 bytes = 0;  ///< all files, manifest and signature included
    QString manifestSha256;
};

/// Writes an evidence package for booking: <CASE>_<yyyyMMddTHHmmssZ>/ holding reads.csv, reads.json, images/,
/// report.pdf, chain-of-custody.pdf, README.txt, MANIFEST.sha256 and its HMAC signature (MANIFEST.sha256.hmac).
///
/// Everything is written into ".incomplete-<name>" on the target, each file is read back and checked against its
/// hash, and only then is the folder renamed to its final name; a full or removed medium ends with a clear Io error
/// and no folder that looks like a package. Needs Permission::ExportEvidence and a valid purpose and case number.
/// Success and failure after validation are audited (evidence.export: who, case, purpose, which reads, where, the
/// manifest's SHA-256). A plain job: run it on a worker with a connection of that thread.
class EvidenceExporter {
public:
    static constexpr auto kIncompletePrefix = ".incomplete-";

    EvidenceExporter(Session& session, store::Database& db, EvidenceDocumentRenderer& renderer,
                     EvidenceFileWriter& writer);

    [[nodiscard]] Result<EvidenceExportResult> exportPackage(const EvidenceExportRequest& request, JobContext& job);

    /// The folder name: the case number made safe for any file system, and the export time.
    [[nodiscard]] static QString packageName(const QString& caseNumber, const QDateTime& exportedUtc);

private:
    Session& m_session;
    store::Database& m_db;
    EvidenceDocumentRenderer& m_renderer;
    EvidenceFileWriter& m_writer;
};

} // namespace alpr
