#include "cli/EvidenceCommand.h"

#include "cli/CliContext.h"
#include "evidence/EvidenceExportLog.h"
#include "evidence/EvidenceExporter.h"
#include "evidence/EvidenceVerifier.h"
#include "evidence/LocalEvidenceFileWriter.h"
#include "evidence/ReadIdList.h"
#include "evidence/RemovableVolumes.h"

#include <QDir>

// The PDF renderer is QtGui (ui/evidence, target alpr_evidence_pdf); alprctl links it for `evidence export`. A build
// without it still verifies, lists and checks volumes, and says why it cannot export.
#if __has_include("evidence/PdfEvidenceRenderer.h")
#include "evidence/PdfEvidenceRenderer.h"
#define ALPR_EVIDENCE_PDF 1
#endif

namespace alpr::cli {

namespace {

const char* const kUsage =
    "usage:\n"
    "  alprctl evidence export --case NUMBER --to DIR (--reads IDS | --all-case-items) --purpose TEXT\n"
    "      write an evidence package for booking into DIR (a mounted USB stick or card, or any folder):\n"
    "      reads.csv, reads.json, images/, report.pdf, chain-of-custody.pdf, README.txt, MANIFEST.sha256 and its\n"
    "      signature MANIFEST.sha256.hmac. IDS: 12,15,20-24. Audited with the purpose and the manifest's hash.\n"
    "      --redacted [--redact-fields F,...]: a package for release outside law enforcement (a records request):\n"
    "      context images withheld and the fields removed (location, unit, source, alternatives, crop-images;\n"
    "      default: the agency's setting, source and alternatives)\n"
    "  alprctl evidence verify DIR [--check-signature]\n"
    "      check every file against MANIFEST.sha256 and name each MODIFIED, MISSING, EXTRA or UNREADABLE one.\n"
    "      Needs no store or login; --check-signature logs in and checks the signature with this store's key.\n"
    "      Exit 0 when the package is intact, 3 when it is not.\n"
    "  alprctl evidence volumes [--all]      mounted removable volumes (--all: fixed ones too)\n"
    "  alprctl evidence list [--case NUMBER] packages written from this store\n";

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

int exportPackage(CliContext& c, const CliOptions& options)
{
    EvidenceExportRequest request;
    request.caseNumber = options.value(QStringLiteral("case"));
    request.targetDirectory = options.value(QStringLiteral("to"));
    request.purpose = options.value(QStringLiteral("purpose"));
    request.allCaseItems = options.has(QStringLiteral("all-case-items"));
    const bool reads = options.has(QStringLiteral("reads"));
    if (request.caseNumber.isEmpty() || request.targetDirectory.isEmpty() || reads == request.allCaseItems)
        return c.usage(QString::fromUtf8(kUsage));
    if (reads) {
        auto ids = ReadIdList::parse(options.value(QStringLiteral("reads")));
        if (!ids)
            return c.report(ids.error());
        request.readIds = *ids;
    }
    request.redaction.enabled = options.has(QStringLiteral("redacted"));
    if (options.has(QStringLiteral("redact-fields")) && !request.redaction.enabled)
        return c.usage(QString::fromUtf8(kUsage));
    request.redaction.removedFields =
        options.value(QStringLiteral("redact-fields")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    auto session = c.login();
    if (!session)
        return c.report(session.error());
#ifdef ALPR_EVIDENCE_PDF
    PdfEvidenceRenderer renderer;
#else
    return c.report(makeError(ErrorCode::Unsupported,
                              QStringLiteral("This alprctl was built without the PDF renderer (alpr_evidence_pdf); it "
                                             "cannot write evidence packages")));
#endif
    LocalEvidenceFileWriter writer;
    QString lastStage;
    JobContext job([&](qint64, qint64, const QString& stage) {
        if (stage != lastStage)
            c.err() << stage << "..." << Qt::endl;
        lastStage = stage;
    });
    auto result = EvidenceExporter(**session, (*session)->database(), renderer, writer).exportPackage(request, job);
    if (!result)
        return c.report(result.error());
    c.out() << "package\t" << QDir::toNativeSeparators(result->packagePath) << "\nreads\t" << result->readCount
            << "\nfiles\t" << result->fileCount << "\nbytes\t" << result->bytes << "\nmanifest_sha256\t"
            << result->manifestSha256 << Qt::endl;
    return ExitOk;
}

int verify(CliContext& c, const CliOptions& options)
{
    const QStringList words = options.positional();
    if (words.size() != 1)
        return c.usage(QString::fromUtf8(kUsage));
    const bool checkSignature = options.has(QStringLiteral("check-signature"));
    QByteArray key;
    if (checkSignature) {
        auto session = c.login();
        if (!session)
            return c.report(session.error());
        key = EvidenceManifest::signingKey((*session)->databaseKey());
    }
    auto v = EvidenceVerifier::verify(words.first(), key);
    if (!v) {
        // No folder or no usable manifest: not a verified package either, and scripts test for 0 and 3 only.
        c.report(v.error());
        return ExitVerificationFailed;
    }
    for (const EvidenceProblem& p : v->problems)
        c.out() << p.kindName() << '\t' << p.path << Qt::endl;
    const bool signatureOk = !checkSignature || v->signature == EvidenceManifest::SignatureStatus::Valid;
    const bool intact = v->ok() && signatureOk;
    c.err() << (intact ? "OK: " : "FAILED: ") << v->filesChecked << " file(s) match the manifest, "
            << v->problems.size() << " problem(s); " << EvidenceManifest::signatureStatusText(v->signature)
            << "\nMANIFEST.sha256 SHA-256: " << v->manifestSha256 << Qt::endl;
    return intact ? ExitOk : ExitVerificationFailed;
}

int volumes(CliContext& c, const CliOptions& options)
{
    c.out() << "path\tname\tdevice\tfilesystem\tfree_mb\ttotal_mb\tremovable" << Qt::endl;
    for (const EvidenceVolume& v : RemovableVolumes::list(options.has(QStringLiteral("all"))))
        c.out() << v.rootPath << '\t' << v.displayName << '\t' << v.device << '\t' << v.fileSystemType << '\t'
                << megabytes(v.bytesAvailable) << '\t' << megabytes(v.bytesTotal) << '\t'
                << (v.removable ? "yes" : "no") << Qt::endl;
    return ExitOk;
}

int list(CliContext& c, const CliOptions& options)
{
    auto session = c.login();
    if (!session)
        return c.report(session.error());
    auto exports = EvidenceExportLog::list((*session)->database(), options.value(QStringLiteral("case")));
    if (!exports)
        return c.report(exports.error());
    c.out() << "exported_utc\tcase\tpackage\treads\tby\ttarget\tmanifest_sha256" << Qt::endl;
    for (const EvidenceExportRecord& e : *exports)
        c.out() << e.exportedUtc.toString(Qt::ISODate) << '\t' << e.caseNumber << '\t' << e.packageName << '\t'
                << e.readCount << '\t' << e.exportedBy << '\t' << e.target << '\t' << e.manifestSha256 << Qt::endl;
    return ExitOk;
}

} // namespace

int runEvidenceCommand(CliContext& c)
{
    const QString verb = c.arguments().value(0);
    auto options = CliOptions::parse(
        c.arguments().mid(1),
        {QStringLiteral("all-case-items"), QStringLiteral("check-signature"), QStringLiteral("all"),
         QStringLiteral("help"), QStringLiteral("redacted")},
        {QStringLiteral("case"), QStringLiteral("to"), QStringLiteral("reads"), QStringLiteral("purpose"),
         QStringLiteral("redact-fields")});
    if (!options || options->has(QStringLiteral("help")))
        return c.usage(QString::fromUtf8(kUsage));
    if (verb == QLatin1String("verify"))
        return verify(c, *options);
    if (!options->positional().isEmpty())
        return c.usage(QString::fromUtf8(kUsage));
    if (verb == QLatin1String("export"))
        return exportPackage(c, *options);
    if (verb == QLatin1String("volumes"))
        return volumes(c, *options);
    if (verb == QLatin1String("list"))
        return list(c, *options);
    return c.usage(QString::fromUtf8(kUsage));
}

} // namespace alpr::cli
