// Evidence packages: export, verification that names every altered, missing or added file, and the failures of
// portable media (full, removed, bad read-back) leaving nothing that looks like a complete package.
#include "EvidenceFixture.h"
#include "FakeDocumentRenderer.h"
#include "FaultInjectingWriter.h"
#include "TestStore.h"

#include "audit/AuditLog.h"
#include "evidence/CaseService.h"
#include "evidence/EvidenceExporter.h"
#include "evidence/EvidenceVerifier.h"
#include "evidence/LocalEvidenceFileWriter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace alpr;
using alpr::test::EvidenceFixture;
using alpr::test::FakeDocumentRenderer;
using alpr::test::FaultInjectingWriter;
using alpr::test::TestStore;

namespace {

const QString kCase = QStringLiteral("26-0200");
const QString kPurpose = QStringLiteral("Booking into evidence for prosecution");

struct ExportFixture {
    TestStore store;
    QTemporaryDir target;
    QList<PlateRead> reads;

    ExportFixture()
    {
        const QDateTime now = store.clock().nowUtc();
        reads = EvidenceFixture::insert(store.session(),
                                        {EvidenceFixture::read(QStringLiteral("7ABC123"), now.addDays(-3), true),
                                         EvidenceFixture::read(QStringLiteral("4XYZ987"), now.addDays(-2), true),
                                         EvidenceFixture::read(QStringLiteral("5JKL456"), now.addDays(-1), false)});
        CaseService cases(store.session());
        if (!cases.add({kCase, QStringLiteral("Armed robbery, Main St"), QStringLiteral("Det. Rivera")}) ||
            !cases.attach(kCase, QStringLiteral("read"), {reads[0].id, reads[1].id, reads[2].id}) ||
            !cases.attach(kCase, QStringLiteral("canvass"), {17}))
            qWarning("ExportFixture: case setup failed");
    }

    [[nodiscard]] EvidenceExportRequest request() const
    {
        EvidenceExportRequest r;
        r.caseNumber = kCase;
        r.purpose = kPurpose;
        r.allCaseItems = true;
        r.targetDirectory = target.path();
        return r;
    }

    Result<EvidenceExportResult> run(EvidenceFileWriter& writer, JobContext& job,
                                     std::optional<EvidenceExportRequest> custom = std::nullopt)
    {
        FakeDocumentRenderer renderer;
        return EvidenceExporter(store.session(), store.session().database(), renderer, writer)
            .exportPackage(custom.value_or(request()), job);
    }

    Result<EvidenceExportResult> run()
    {
        LocalEvidenceFileWriter writer;
        JobContext job;
        return run(writer, job);
    }

    [[nodiscard]] QStringList targetEntries() const
    {
        return QDir(target.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    }

    [[nodiscard]] QList<AuditRecord> exportRecords()
    {
        return AuditLog::list(store.session().database(), {{}, QStringLiteral("evidence.export")})
            .value_or(QList<AuditRecord>());
    }
};

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

/// After a failed export: nothing on the target may look like a finished package.
void verifyNoCompleteLookingPackage(const ExportFixture& f)
{
    for (const QString& entry : f.targetEntries()) {
        QVERIFY2(entry.startsWith(QLatin1String(EvidenceExporter::kIncompletePrefix)), qPrintable(entry));
        QVERIFY(!QFileInfo::exists(QDir(f.target.path()).filePath(entry + QStringLiteral("/MANIFEST.sha256"))));
    }
}

} // namespace

class TestEvidenceExport : public QObject {
    Q_OBJECT

private slots:
    void aRedactedPackageLeavesOutWhatWasAsked()
    {
        ExportFixture f;
        QVERIFY(f.store.isValid());
        EvidenceExportRequest request = f.request();
        request.redaction.enabled = true;
        request.redaction.removedFields = {QStringLiteral("location"), QStringLiteral("alternatives")};
        LocalEvidenceFileWriter writer;
        JobContext job;
        auto result = f.run(writer, job, request);
        QVERIFY2(result.has_value(), qPrintable(alpr::test::errorText(result)));
        const QDir package(result->packagePath);
        // Crops stay (they show the read plate only); context images, which show other vehicles, are withheld.
        QVERIFY(QFileInfo::exists(package.filePath(QStringLiteral("images/read-%1-crop.jpg").arg(f.reads[0].id))));
        QVERIFY(package.entryList({QStringLiteral("*context*")}, QDir::Files).isEmpty());
        QVERIFY(QDir(package.filePath(QStringLiteral("images"))).entryList({QStringLiteral("*context*")}).isEmpty());
        const QList<QByteArray> csv = fileBytes(package.filePath(QStringLiteral("reads.csv"))).split('\n');
        QVERIFY2(csv[1].contains(",2026-05-29T12:00:00Z,,,"), csv[1].constData()); // no latitude, no longitude
        const QJsonObject json =
            QJsonDocument::fromJson(fileBytes(package.filePath(QStringLiteral("reads.json")))).object();
        QVERIFY(json.value(QStringLiteral("redaction")).toString().contains(QLatin1String("location")));
        QVERIFY(fileBytes(package.filePath(QStringLiteral("README.txt"))).contains("Redacted for release"));
        const AuditRecord record = f.exportRecords().last();
        QVERIFY(record.parameters.contains(QLatin1String("\"redacted\":[\"location\",\"alternatives\"]")));
        auto verified = EvidenceVerifier::verify(result->packagePath, {});
        QVERIFY(verified && verified->ok());

        // Without a list, the agency's default fields go.
        EvidenceExportRequest defaults = f.request();
        defaults.redaction.enabled = true;
        auto byDefault = f.run(writer, job, defaults);
        QVERIFY2(byDefault, qPrintable(alpr::test::errorText(byDefault)));
        QVERIFY(f.exportRecords().last().parameters.contains(
            QLatin1String("\"redacted\":[\"source\",\"alternatives\"]")));

        EvidenceExportRequest unknown = f.request();
        unknown.redaction.enabled = true;
        unknown.redaction.removedFields = {QStringLiteral("plate")};
        auto refused = f.run(writer, job, unknown);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
    }

    void thePackageCarriesTheChainAnchor()
    {
        ExportFixture f;
        QVERIFY(f.store.isValid());
        auto head = AuditLog::anchor(f.store.session().database());
        QVERIFY(head);
        auto result = f.run();
        QVERIFY(result);
        const QByteArray anchor = fileBytes(QDir(result->packagePath).filePath(QStringLiteral("audit-anchor.txt")));
        const QByteArray expected = "audit-anchor: " + head->toString().toUtf8() + '\n';
        QVERIFY2(anchor.startsWith(expected), anchor.constData());
        // Listed in the signed manifest: changing it breaks the package.
        QVERIFY(fileBytes(QDir(result->packagePath).filePath(QStringLiteral("MANIFEST.sha256"))).contains("  audit-anchor.txt"));
        writeBytes(QDir(result->packagePath).filePath(QStringLiteral("audit-anchor.txt")), "audit-anchor: 1:00\n");
        auto verified = EvidenceVerifier::verify(result->packagePath, {});
        QVERIFY(verified && !verified->ok());
    }

    void exportThenVerifyPasses()
    {
        ExportFixture f;
        QVERIFY(f.store.isValid());
        FakeDocumentRenderer renderer;
        LocalEvidenceFileWriter writer;
        qint64 lastDone = 0;
        qint64 lastTotal = 0;
        JobContext job([&](qint64 done, qint64 total, const QString&) {
            lastDone = done;
            lastTotal = total;
        });
        auto result = EvidenceExporter(f.store.session(), f.store.session().database(), renderer, writer)
                          .exportPackage(f.request(), job);
        QVERIFY2(result.has_value(), qPrintable(alpr::test::errorText(result)));
        QCOMPARE(result->packageName, QStringLiteral("26-0200_20260601T120000Z"));
        QCOMPARE(f.targetEntries(), QStringList{result->packageName});
        QCOMPARE(result->readCount, 3);
        QCOMPARE(renderer.imagesSeen, 4);
        QCOMPARE(lastDone, lastTotal);

        const QDir package(result->packagePath);
        QStringList expectedFiles{QStringLiteral("README.txt"), QStringLiteral("audit-anchor.txt"),
                                  QStringLiteral("chain-of-custody.pdf"),
                                  QStringLiteral("report.pdf"), QStringLiteral("reads.csv"),
                                  QStringLiteral("reads.json")};
        for (const PlateRead& r : f.reads.mid(0, 2))
            expectedFiles << QStringLiteral("images/read-%1-crop.jpg").arg(r.id)
                          << QStringLiteral("images/read-%1-context.png").arg(r.id);
        QCOMPARE(result->fileCount, expectedFiles.size());
        for (const QString& file : expectedFiles)
            QVERIFY2(QFileInfo::exists(package.filePath(file)), qPrintable(file));
        QCOMPARE(fileBytes(package.filePath(QStringLiteral("images/read-%1-crop.jpg").arg(f.reads[0].id))),
                 EvidenceFixture::image(QStringLiteral("7ABC123"), QStringLiteral("crop")));

        const QList<QByteArray> csv = fileBytes(package.filePath(QStringLiteral("reads.csv"))).split('\n');
        QCOMPARE(csv.size(), 5); // header, three reads, and the empty rest after the last line break
        QVERIFY(
            csv[1].startsWith(QByteArray(QByteArray::number(f.reads[0].id) + ",7ABC123,0.910,2026-05-29T12:00:00Z")));
        const QJsonObject json =
            QJsonDocument::fromJson(fileBytes(package.filePath(QStringLiteral("reads.json")))).object();
        QCOMPARE(json.value(QStringLiteral("purpose")).toString(), kPurpose);
        QCOMPARE(json.value(QStringLiteral("case")).toObject().value(QStringLiteral("number")).toString(), kCase);
        QCOMPARE(json.value(QStringLiteral("reads")).toArray().size(), 3);
        QCOMPARE(json.value(QStringLiteral("case_items")).toArray().size(), 4); // three reads and a canvass

        auto hashesOnly = EvidenceVerifier::verify(result->packagePath);
        QVERIFY(hashesOnly.has_value());
        QVERIFY(hashesOnly->ok());
        QCOMPARE(hashesOnly->filesChecked, qint64(expectedFiles.size()));
        QCOMPARE(hashesOnly->signature, EvidenceManifest::SignatureStatus::Unchecked);
        const QByteArray key = EvidenceManifest::signingKey(f.store.session().databaseKey());
        QCOMPARE(EvidenceVerifier::verify(result->packagePath, key)->signature,
                 EvidenceManifest::SignatureStatus::Valid);
        const QByteArray otherKey = EvidenceManifest::signingKey(QByteArray(32, 'k'));
        QCOMPARE(EvidenceVerifier::verify(result->packagePath, otherKey)->signature,
                 EvidenceManifest::SignatureStatus::OtherStore);

        // Audited with who, case, purpose, what, where and the manifest's own hash.
        const QByteArray manifest = fileBytes(package.filePath(QStringLiteral("MANIFEST.sha256")));
        const QString manifestHash =
            QString::fromLatin1(QCryptographicHash::hash(manifest, QCryptographicHash::Sha256).toHex());
        QCOMPARE(result->manifestSha256, manifestHash);
        const auto records = f.exportRecords();
        QCOMPARE(records.size(), 1);
        const AuditRecord& record = records.first();
        QCOMPARE(record.user, TestStore::kAdmin);
        QCOMPARE(record.caseNumber, kCase);
        QCOMPARE(record.purpose, kPurpose);
        QCOMPARE(record.outcome, QStringLiteral("ok"));
        const QJsonObject parameters = QJsonDocument::fromJson(record.parameters.toUtf8()).object();
        QCOMPARE(parameters.value(QStringLiteral("manifest_sha256")).toString(), manifestHash);
        QCOMPARE(parameters.value(QStringLiteral("target")).toString(), QDir::toNativeSeparators(f.target.path()));
        QCOMPARE(parameters.value(QStringLiteral("read_count")).toInt(), 3);
        QCOMPARE(f.store.session().database().queryText(QStringLiteral("SELECT manifest_sha256 FROM evidence_exports")),
                 manifestHash);

        // Anyone can check it without the workstation: the manifest is in sha256sum's format.
        const QString sha256sum = QStandardPaths::findExecutable(QStringLiteral("sha256sum"));
        if (!sha256sum.isEmpty()) {
            QProcess check;
            check.setWorkingDirectory(result->packagePath);
            check.start(sha256sum, {QStringLiteral("--check"), QStringLiteral("--strict"), QStringLiteral("--quiet"),
                                    QStringLiteral("MANIFEST.sha256")});
            QVERIFY(check.waitForFinished(10000));
            QCOMPARE(check.exitCode(), 0);
        }
    }

    void verifyNamesTheAlteredFile_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("expectedPath");
        QTest::addColumn<QString>("expectedKind");
        QTest::newRow("one byte changed") << "modify"
                                          << "images/read-1-crop.jpg"
                                          << "MODIFIED";
        QTest::newRow("one file deleted") << "delete"
                                          << "reads.csv"
                                          << "MISSING";
        QTest::newRow("one file added") << "add"
                                        << "notes.txt"
                                        << "EXTRA";
        QTest::newRow("hidden file added") << "add"
                                           << "images/.cache"
                                           << "EXTRA";
    }

    void verifyNamesTheAlteredFile()
    {
        QFETCH(QString, change);
        QFETCH(QString, expectedPath);
        QFETCH(QString, expectedKind);
        ExportFixture f;
        auto result = f.run();
        QVERIFY2(result.has_value(), qPrintable(alpr::test::errorText(result)));
        const QString path = QDir(result->packagePath).filePath(expectedPath);
        if (change == QLatin1String("modify")) {
            QByteArray bytes = fileBytes(path);
            QVERIFY(!bytes.isEmpty());
            bytes[100] = char(bytes[100] + 1);
            writeBytes(path, bytes);
        } else if (change == QLatin1String("delete")) {
            QVERIFY(QFile::remove(path));
        } else {
            writeBytes(path, "planted");
        }
        auto v = EvidenceVerifier::verify(result->packagePath);
        QVERIFY(v.has_value());
        QVERIFY(!v->ok());
        QCOMPARE(v->problems.size(), 1);
        QCOMPARE(v->problems.first().path, expectedPath);
        QCOMPARE(v->problems.first().kindName(), expectedKind);
    }

    void alteredManifestBreaksTheSignature()
    {
        ExportFixture f;
        auto result = f.run();
        QVERIFY(result.has_value());
        // Someone swaps a file and fixes up its line in the manifest: the hashes agree again, the signature does not.
        const QString csvPath = QDir(result->packagePath).filePath(QStringLiteral("reads.csv"));
        const QByteArray forged = "read_id,plate\r\n1,FAKE1\r\n";
        writeBytes(csvPath, forged);
        const QString manifestPath = QDir(result->packagePath).filePath(QStringLiteral("MANIFEST.sha256"));
        QByteArray manifest = fileBytes(manifestPath);
        const qsizetype line = manifest.indexOf("  reads.csv\n");
        QVERIFY(line > 64);
        manifest.replace(line - 64, 64, QCryptographicHash::hash(forged, QCryptographicHash::Sha256).toHex());
        writeBytes(manifestPath, manifest);
        QVERIFY(EvidenceVerifier::verify(result->packagePath)->problems.isEmpty());
        auto signed_ = EvidenceVerifier::verify(result->packagePath,
                                                EvidenceManifest::signingKey(f.store.session().databaseKey()));
        QCOMPARE(signed_->signature, EvidenceManifest::SignatureStatus::Invalid);
        QVERIFY(!signed_->ok());
    }

    void folderWithoutManifestIsNotAPackage()
    {
        QTemporaryDir dir;
        writeBytes(dir.filePath(QStringLiteral("reads.csv")), "x");
        auto v = EvidenceVerifier::verify(dir.path());
        QVERIFY(!v.has_value());
        QCOMPARE(v.error().code, ErrorCode::VerificationFailed);
        writeBytes(dir.filePath(QStringLiteral("MANIFEST.sha256")), "not a manifest\n");
        QCOMPARE(EvidenceVerifier::verify(dir.path()).error().code, ErrorCode::VerificationFailed);
        writeBytes(dir.filePath(QStringLiteral("MANIFEST.sha256")),
                   QByteArray(64, 'a') + "  ../outside.txt\n"); // a path leaving the package is refused
        QCOMPARE(EvidenceVerifier::verify(dir.path()).error().code, ErrorCode::VerificationFailed);
    }

    void fullTargetGivesAClearErrorAndNoPackage()
    {
        ExportFixture f;
        FaultInjectingWriter writer;
        writer.setCapacity(2000); // the images fit, the rest does not
        JobContext job;
        auto result = f.run(writer, job);
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, ErrorCode::Io);
        QVERIFY2(result.error().message.contains(QStringLiteral("full or was removed")),
                 qPrintable(result.error().message));
        QVERIFY(result.error().message.contains(QStringLiteral("No package was created")));
        QVERIFY(result.error().message.contains(QStringLiteral("No space left on device")));
        QVERIFY(writer.writes() > 0);
        QCOMPARE(f.targetEntries(), QStringList()); // the partial folder was removed
        const auto records = f.exportRecords();
        QCOMPARE(records.size(), 1);
        QVERIFY(records.first().outcome.startsWith(QStringLiteral("failed: ")));
        QCOMPARE(f.store.session().database().queryInt64(QStringLiteral("SELECT count(*) FROM evidence_exports")),
                 qint64(0));
    }

    void removedStickLeavesOnlyAnIncompleteFolder()
    {
        ExportFixture f;
        FaultInjectingWriter writer;
        writer.setRemovedAfterWrites(3);
        JobContext job;
        auto result = f.run(writer, job);
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, ErrorCode::Io);
        // Pulled out mid-way, it could not be cleaned up; what is left says it is unfinished and has no manifest.
        QCOMPARE(f.targetEntries().size(), 1);
        verifyNoCompleteLookingPackage(f);
        QVERIFY(!EvidenceVerifier::verify(QDir(f.target.path()).filePath(f.targetEntries().first())).has_value());
    }

    void tooLittleFreeSpaceIsRefusedBeforeWriting()
    {
        ExportFixture f;
        FaultInjectingWriter writer;
        writer.setReportedFreeBytes(4096);
        JobContext job;
        auto result = f.run(writer, job);
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, ErrorCode::Io);
        QVERIFY2(result.error().message.contains(QStringLiteral("free")), qPrintable(result.error().message));
        QCOMPARE(writer.writes(), 0);
        QCOMPARE(f.targetEntries(), QStringList());
    }

    void badReadBackIsCaught()
    {
        ExportFixture f;
        FaultInjectingWriter writer;
        writer.setCorruptSuffix(QStringLiteral("reads.json"));
        JobContext job;
        auto result = f.run(writer, job);
        QVERIFY(!result.has_value());
        QVERIFY2(result.error().message.contains(QStringLiteral("reads.json read back")),
                 qPrintable(result.error().message));
        QCOMPARE(f.targetEntries(), QStringList());
    }

    void cancelledExportLeavesNothing()
    {
        ExportFixture f;
        LocalEvidenceFileWriter writer;
        JobContext* running = nullptr;
        JobContext job([&](qint64 done, qint64, const QString&) {
            if (done >= 2)
                running->cancel();
        });
        running = &job;
        auto result = f.run(writer, job);
        QVERIFY(!result.has_value());
        QVERIFY(result.error().isCancellation());
        QCOMPARE(f.targetEntries(), QStringList());
        QCOMPARE(f.exportRecords().first().outcome, QStringLiteral("cancelled"));
    }

    void exportNeedsPurposePermissionAndKnownReads()
    {
        ExportFixture f;
        LocalEvidenceFileWriter writer;
        JobContext job;
        EvidenceExportRequest noPurpose = f.request();
        noPurpose.purpose.clear();
        QCOMPARE(f.run(writer, job, noPurpose).error().code, ErrorCode::PurposeRequired);
        EvidenceExportRequest unknownCase = f.request();
        unknownCase.caseNumber = QStringLiteral("26-9999");
        QCOMPARE(f.run(writer, job, unknownCase).error().code, ErrorCode::NotFound);
        EvidenceExportRequest unknownRead = f.request();
        unknownRead.allCaseItems = false;
        unknownRead.readIds = {f.reads[0].id, 424242};
        auto missing = f.run(writer, job, unknownRead);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QVERIFY(missing.error().message.contains(QStringLiteral("424242")));
        EvidenceExportRequest noTarget = f.request();
        noTarget.targetDirectory = f.target.filePath(QStringLiteral("gone"));
        QCOMPARE(f.run(writer, job, noTarget).error().code, ErrorCode::Io);

        auto auditor = f.store.addAndLogin(QStringLiteral("aud1"), Role::Auditor);
        FakeDocumentRenderer renderer;
        auto refused =
            EvidenceExporter(*auditor, auditor->database(), renderer, writer).exportPackage(f.request(), job);
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(f.targetEntries(), QStringList());
    }

    void secondExportTheSameSecondGetsItsOwnFolder()
    {
        ExportFixture f;
        auto first = f.run();
        auto second = f.run();
        QVERIFY(first.has_value() && second.has_value());
        QCOMPARE(second->packageName, first->packageName + QStringLiteral("-2"));
        QVERIFY(EvidenceVerifier::verify(first->packagePath)->ok());
        QVERIFY(EvidenceVerifier::verify(second->packagePath)->ok());
    }
};

QTEST_GUILESS_MAIN(TestEvidenceExport)
#include "TestEvidenceExport.moc"
