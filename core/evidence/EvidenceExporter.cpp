#include "evidence/EvidenceExporter.h"

#include "accounts/Session.h"
#include "audit/AuditLog.h"
#include "common/Log.h"
#include "evidence/CaseService.h"
#include "evidence/EvidenceDocumentRenderer.h"
#include "evidence/EvidenceFileWriter.h"
#include "evidence/EvidenceJson.h"
#include "evidence/EvidenceManifest.h"
#include "evidence/EvidenceReadsFormat.h"
#include "reads/ReadRepository.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace alpr {

namespace {

// The PDFs embed the images again, re-encoded; with the data files that is about three times the image bytes.
constexpr qint64 kSizeFactorForImages = 3;
constexpr qint64 kSizeAllowanceBytes = 1024 * 1024;

QString imageExtension(const QByteArray& bytes)
{
    if (bytes.startsWith("\x89PNG"))
        return QStringLiteral("png");
    if (bytes.startsWith("\xFF\xD8"))
        return QStringLiteral("jpg");
    return QStringLiteral("bin");
}

QString megabytes(qint64 bytes)
{
    return QStringLiteral("%1 MB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
}

QByteArray sha256(const QByteArray& bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

QByteArray readmeText(const EvidenceReportData& data)
{
    return QStringLiteral(
               "ALPR evidence package %1\n"
               "Case %2, exported %3 by %4 on workstation %5.\n"
               "\n"
               "reads.csv             the reads, one row each (UTF-8, RFC 4180)\n"
               "reads.json            the same reads with every alternative reading, the case and the export details\n"
               "images/               plate crops and context images, named after the read id\n"
               "report.pdf            the evidence report\n"
               "chain-of-custody.pdf  the custody sheet for booking signatures\n"
               "audit-anchor.txt      the head of the workstation's audit trail when the package was made\n"
               "MANIFEST.sha256       SHA-256 of every file above\n"
               "MANIFEST.sha256.hmac  the exporting workstation's signature over the manifest\n"
               "\n"
               "To check that nothing was changed, added or removed, in this folder run:\n"
               "    sha256sum -c MANIFEST.sha256\n"
               "or, with the workstation software:\n"
               "    alprctl evidence verify <this folder>\n"
               "The signature can be checked only by the workstation whose store made it:\n"
               "    alprctl --user NAME evidence verify <this folder> --check-signature\n"
               "The signature covers audit-anchor.txt too; the workstation's audit trail must still contain that\n"
               "record, which an auditor checks with:\n"
               "    alprctl --user NAME audit verify --anchor COUNT:HASH\n")
        .arg(data.packageName, data.caseInfo.number, EvidenceReadsFormat::timeText(data.exportedUtc), data.exportedBy,
             data.workstation)
        .toUtf8() +
        (data.redaction.isEmpty() ? QByteArray() : QByteArray("\n") + data.redaction.toUtf8() + QByteArray(".\n"));
}

QByteArray anchorText(const AuditAnchor& anchor, const QDateTime& nowUtc)
{
    return QStringLiteral("audit-anchor: %1\nrecords: %2\nhash: %3\ntaken: %4\n")
        .arg(anchor.toString())
        .arg(anchor.count)
        .arg(anchor.hash, EvidenceReadsFormat::timeText(nowUtc))
        .toUtf8();
}

// Writes files into the temporary folder, keeping the manifest and the progress as it goes.
class PackageWriter {
public:
    PackageWriter(EvidenceFileWriter& writer, QString directory, QString target, JobContext& job, qint64 steps)
        : m_writer(writer), m_directory(std::move(directory)), m_target(std::move(target)), m_job(job), m_steps(steps)
    {
    }

    VoidResult put(const QString& relativePath, const QByteArray& bytes, const QString& stage)
    {
        if (m_job.isCancelled())
            return fail(ErrorCode::Cancelled, QStringLiteral("Export cancelled"));
        const QString path = QDir(m_directory).filePath(relativePath);
        const QString parent = QFileInfo(path).path();
        if (!m_createdDirectories.contains(parent)) {
            if (auto made = m_writer.makeDirectory(parent); !made)
                return mediumFailure(relativePath, made.error());
            m_createdDirectories.insert(parent);
        }
        if (auto written = m_writer.writeFile(path, bytes); !written)
            return mediumFailure(relativePath, written.error());
        const QByteArray digest = sha256(bytes);
        m_written.insert(relativePath, digest);
        if (relativePath != QLatin1String(EvidenceManifest::kFileName) &&
            relativePath != QLatin1String(EvidenceManifest::kSignatureFileName))
            m_manifest.add(relativePath, digest);
        m_bytes += bytes.size();
        step(stage);
        return {};
    }

    /// Reads every written file back from the medium and compares it with what was meant to be written.
    VoidResult readBack()
    {
        for (auto it = m_written.cbegin(); it != m_written.cend(); ++it) {
            if (m_job.isCancelled())
                return fail(ErrorCode::Cancelled, QStringLiteral("Export cancelled"));
            auto bytes = m_writer.readFile(QDir(m_directory).filePath(it.key()));
            if (!bytes)
                return mediumFailure(it.key(), bytes.error());
            if (sha256(*bytes) != it.value())
                return fail(
                    ErrorCode::Io,
                    QStringLiteral("%1 read back from %2 differs from what was written: the medium is faulty or "
                                   "was removed. No package was created.")
                        .arg(it.key(), QDir::toNativeSeparators(m_target)));
            step(QStringLiteral("Checking what was written"));
        }
        return {};
    }

    QByteArray readFile(const QString& relativePath)
    {
        return m_writer.readFile(QDir(m_directory).filePath(relativePath)).value_or(QByteArray());
    }

    [[nodiscard]] const EvidenceManifest& manifest() const { return m_manifest; }
    [[nodiscard]] qint64 bytes() const { return m_bytes; }
    [[nodiscard]] int fileCount() const { return int(m_manifest.entries().size()); }

private:
    void step(const QString& stage) { m_job.reportProgress(++m_done, m_steps, stage); }

    std::unexpected<Error> mediumFailure(const QString& relativePath, const Error& cause) const
    {
        return fail(ErrorCode::Io,
                    QStringLiteral("Writing %1 to %2 failed: the target is full or was removed (%3). No package was "
                                   "created.")
                        .arg(relativePath, QDir::toNativeSeparators(m_target),
                             cause.detail.isEmpty() ? cause.message : cause.detail),
                    cause.message);
    }

    EvidenceFileWriter& m_writer;
    QString m_directory;
    QString m_target;
    JobContext& m_job;
    qint64 m_steps = 0;
    qint64 m_done = 0;
    qint64 m_bytes = 0;
    EvidenceManifest m_manifest;
    QMap<QString, QByteArray> m_written;
    QSet<QString> m_createdDirectories;
};

} // namespace

EvidenceExporter::EvidenceExporter(Session& session, store::Database& db, EvidenceDocumentRenderer& renderer,
                                   EvidenceFileWriter& writer)
    : m_session(session), m_db(db), m_renderer(renderer), m_writer(writer)
{
}

QString EvidenceExporter::packageName(const QString& caseNumber, const QDateTime& exportedUtc)
{
    QString safe = caseNumber.trimmed().toUpper();
    safe.replace(QRegularExpression(QStringLiteral("[^A-Z0-9-]")), QStringLiteral("_"));
    return safe + QLatin1Char('_') + exportedUtc.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

Result<EvidenceExportResult> EvidenceExporter::exportPackage(const EvidenceExportRequest& request, JobContext& job)
{
    if (auto allowed = m_session.require(Permission::ExportEvidence, QStringLiteral("export evidence")); !allowed)
        return std::unexpected(allowed.error());
    const AccessPurpose access{request.purpose.trimmed(), request.caseNumber.trimmed().toUpper()};
    auto policy = guarded([&] { return AccessPurposePolicy::load(m_db); });
    if (!policy)
        return std::unexpected(policy.error());
    if (auto valid = policy->validate(access); !valid)
        return std::unexpected(valid.error());
    CaseService cases(m_session, m_db);
    auto caseInfo = cases.find(access.caseNumber);
    if (!caseInfo)
        return std::unexpected(caseInfo.error());
    QList<qint64> ids;
    if (request.allCaseItems) {
        auto caseReads = cases.readIds(access.caseNumber);
        if (!caseReads)
            return std::unexpected(caseReads.error());
        ids = *caseReads;
    } else {
        QSet<qint64> seen;
        for (qint64 id : request.readIds)
            if (!seen.contains(id)) {
                seen.insert(id);
                ids.append(id);
            }
    }
    EvidenceRedaction redaction = request.redaction;
    if (redaction.enabled && redaction.removedFields.isEmpty()) {
        auto defaults = guarded([&] { return EvidenceRedaction::defaultFields(m_db); });
        if (!defaults)
            return std::unexpected(defaults.error());
        redaction.removedFields = *defaults;
    }
    if (auto valid = redaction.validate(); !valid)
        return std::unexpected(valid.error());
    if (ids.isEmpty())
        return fail(ErrorCode::InvalidInput,
                    request.allCaseItems ? QStringLiteral("Case %1 has no reads attached").arg(access.caseNumber)
                                         : QStringLiteral("Name the reads to export"));
    if (!m_writer.isDirectory(request.targetDirectory))
        return fail(ErrorCode::Io, QStringLiteral("The target folder %1 is not there (was the drive removed?)")
                                       .arg(QDir::toNativeSeparators(request.targetDirectory)));
    auto items = cases.items(access.caseNumber);
    if (!items)
        return std::unexpected(items.error());
    ReadRepository repository(m_db);
    auto reads = repository.findMany(ids);
    if (!reads)
        return std::unexpected(reads.error());
    for (PlateRead& r : *reads)
        redaction.apply(r);
    if (reads->size() != ids.size()) {
        QSet<qint64> found;
        for (const PlateRead& r : *reads)
            found.insert(r.id);
        for (qint64 id : ids)
            if (!found.contains(id))
                return fail(ErrorCode::NotFound, QStringLiteral("There is no read %1").arg(id));
    }

    const QDateTime now = m_session.clock().nowUtc();
    const QDir target(request.targetDirectory);
    QString name = packageName(access.caseNumber, now);
    for (int n = 2;
         m_writer.exists(target.filePath(name)) || m_writer.exists(target.filePath(kIncompletePrefix + name)); ++n)
        name = packageName(access.caseNumber, now) + QStringLiteral("-%1").arg(n);
    const QString finalPath = target.filePath(name);
    const QString workPath = target.filePath(QLatin1String(kIncompletePrefix) + name);

    EvidenceReportData data;
    data.caseInfo = *caseInfo;
    data.exportedBy = m_session.account().name;
    data.exportedByFullName = m_session.account().fullName;
    data.exportedByRole = roleDisplayName(m_session.account().role);
    data.exportedUtc = now;
    data.workstation = m_session.workstation();
    data.purpose = access.purpose;
    data.packageName = name;
    data.redaction = redaction.description();

    auto audit = [&](const QString& outcome, const QJsonObject& extra) {
        QJsonObject parameters{{QStringLiteral("reads"), evidence::idSummary(ids)},
                               {QStringLiteral("read_count"), ids.size()},
                               {QStringLiteral("target"), QDir::toNativeSeparators(request.targetDirectory)},
                               {QStringLiteral("package"), name}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            parameters.insert(it.key(), it.value());
        if (redaction.enabled)
            parameters.insert(QStringLiteral("redacted"), QJsonArray::fromStringList(redaction.removedFields));
        return m_session.auditRecord(QStringLiteral("evidence.export"), QStringLiteral("case:") + access.caseNumber,
                                     evidence::compactJson(parameters), access, outcome);
    };

    auto body = [&]() -> Result<EvidenceExportResult> {
        // Free space first, so a stick that is plainly too small is refused before anything is written.
        qint64 imageBytes = 0;
        {
            auto size = m_db.prepare(QStringLiteral("SELECT length(data) FROM images WHERE id = ?1"));
            for (const PlateRead& r : *reads)
                for (qint64 imageId : {r.cropImageId, r.contextImageId})
                    if (imageId) {
                        size.bind(1, imageId);
                        imageBytes += size.step() ? size.int64(0) : 0;
                        size.reset();
                    }
        }
        const qint64 needed = imageBytes * kSizeFactorForImages + kSizeAllowanceBytes;
        if (const auto available = m_writer.bytesAvailable(request.targetDirectory); available && *available < needed)
            return fail(ErrorCode::Io, QStringLiteral("%1 has %2 free; this package needs about %3. Use a larger "
                                                      "drive. No package was created.")
                                           .arg(QDir::toNativeSeparators(request.targetDirectory),
                                                megabytes(*available), megabytes(needed)));
        if (auto made = m_writer.makeDirectory(workPath); !made)
            return fail(ErrorCode::Io,
                        QStringLiteral("Cannot write to %1: %2")
                            .arg(QDir::toNativeSeparators(request.targetDirectory), made.error().detail));
        const qint64 imageCount =
            std::count_if(reads->cbegin(), reads->cend(), [](const PlateRead& r) { return r.cropImageId != 0; }) +
            std::count_if(reads->cbegin(), reads->cend(), [](const PlateRead& r) { return r.contextImageId != 0; });
        const qint64 fileCount = imageCount + 8; // csv, json, two PDFs, README, anchor, manifest, signature
        PackageWriter package(m_writer, workPath, request.targetDirectory, job, 2 * fileCount);

        for (const PlateRead& r : *reads) {
            EvidenceReadEntry entry{r, {}, {}};
            for (const auto& [imageId, role, file] :
                 {std::tuple{r.cropImageId, QStringLiteral("crop"), &entry.cropFile},
                  std::tuple{r.contextImageId, QStringLiteral("context"), &entry.contextFile}}) {
                if (!imageId)
                    continue;
                auto bytes = repository.image(imageId);
                if (!bytes)
                    return std::unexpected(bytes.error());
                *file = QStringLiteral("images/read-%1-%2.%3").arg(r.id).arg(role, imageExtension(*bytes));
                if (auto put = package.put(*file, *bytes, QStringLiteral("Writing images")); !put)
                    return std::unexpected(put.error());
            }
            data.reads.append(entry);
        }
        for (const auto& [file, bytes] :
             {std::pair{QStringLiteral("reads.csv"), EvidenceReadsFormat::csv(data.reads)},
              std::pair{QStringLiteral("reads.json"), EvidenceReadsFormat::json(data, *items)}})
            if (auto put = package.put(file, bytes, QStringLiteral("Writing the reads")); !put)
                return std::unexpected(put.error());
        data.dataDigest = QString::fromLatin1(sha256(package.manifest().toBytes()).toHex());
        data.readFile = [&package](const QString& relativePath) { return package.readFile(relativePath); };

        auto report = m_renderer.renderReport(data, job);
        if (!report)
            return std::unexpected(report.error());
        if (auto put = package.put(QStringLiteral("report.pdf"), *report, QStringLiteral("Drawing the report")); !put)
            return std::unexpected(put.error());
        auto custody = m_renderer.renderChainOfCustody(data);
        if (!custody)
            return std::unexpected(custody.error());
        if (auto put = package.put(QStringLiteral("chain-of-custody.pdf"), *custody,
                                   QStringLiteral("Drawing the custody sheet"));
            !put)
            return std::unexpected(put.error());
        if (auto put =
                package.put(QStringLiteral("README.txt"), readmeText(data), QStringLiteral("Writing the manifest"));
            !put)
            return std::unexpected(put.error());
        // The audit chain cannot show its newest records were removed; a copy of its head in every package (listed in
        // the signed manifest) is a witness kept outside the store.
        auto anchor = AuditLog::anchor(m_db);
        if (!anchor)
            return std::unexpected(anchor.error());
        if (auto put = package.put(QStringLiteral("audit-anchor.txt"), anchorText(*anchor, now),
                                   QStringLiteral("Writing the manifest"));
            !put)
            return std::unexpected(put.error());

        const QByteArray manifestBytes = package.manifest().toBytes();
        const QByteArray signature =
            EvidenceManifest::signatureFile(manifestBytes, EvidenceManifest::signingKey(m_session.databaseKey()));
        EvidenceExportResult result;
        result.fileCount = package.fileCount();
        if (auto put = package.put(QLatin1String(EvidenceManifest::kFileName), manifestBytes,
                                   QStringLiteral("Writing the manifest"));
            !put)
            return std::unexpected(put.error());
        if (auto put = package.put(QLatin1String(EvidenceManifest::kSignatureFileName), signature,
                                   QStringLiteral("Writing the manifest"));
            !put)
            return std::unexpected(put.error());
        if (auto checked = package.readBack(); !checked)
            return std::unexpected(checked.error());

        result.packageName = name;
        result.packagePath = finalPath;
        result.readCount = int(reads->size());
        result.bytes = package.bytes();
        result.manifestSha256 = QString::fromLatin1(sha256(manifestBytes).toHex());
        // The record and the rename succeed or fail together: the rename happens inside the transaction.
        store::Transaction tx(m_db);
        auto caseRow = m_db.prepare(QStringLiteral(
            "INSERT INTO evidence_exports(case_id, package_name, target, purpose, read_count, file_count, "
            "manifest_sha256, exported_by, exported_utc) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)"));
        caseRow.bind(1, caseInfo->id)
            .bind(2, name)
            .bind(3, QDir::toNativeSeparators(request.targetDirectory))
            .bind(4, access.purpose)
            .bind(5, result.readCount)
            .bind(6, result.fileCount)
            .bind(7, result.manifestSha256)
            .bind(8, m_session.account().name)
            .bind(9, now.toString(Qt::ISODateWithMs))
            .run();
        AuditLog::append(tx, audit(QStringLiteral("ok"), {{QStringLiteral("files"), result.fileCount},
                                                          {QStringLiteral("bytes"), result.bytes},
                                                          {QStringLiteral("manifest_sha256"), result.manifestSha256},
                                                          {QStringLiteral("data_digest"), data.dataDigest}}));
        if (auto renamed = m_writer.rename(workPath, finalPath); !renamed)
            return fail(ErrorCode::Io,
                        QStringLiteral("Cannot give the package its final name on %1 (was the drive "
                                       "removed?). No package was created.")
                            .arg(QDir::toNativeSeparators(request.targetDirectory)),
                        renamed.error().message);
        try {
            tx.commit();
        } catch (const ErrorException&) {
            m_writer.removeRecursively(finalPath); // an unaudited package must not remain
            throw;
        }
        return result;
    };

    auto result = guardedResult(body);
    if (!result) {
        m_writer.removeRecursively(workPath);
        const QString outcome = result.error().isCancellation() ? QStringLiteral("cancelled")
                                                                : QStringLiteral("failed: ") + result.error().message;
        auto recorded = guarded([&] {
            store::Transaction tx(m_db);
            AuditLog::append(tx, audit(outcome, {}));
            tx.commit();
        });
        if (!recorded)
            diag::warning(QStringLiteral("Could not audit a failed evidence export: ") + recorded.error().detail);
    }
    return result;
}

} // namespace alpr
