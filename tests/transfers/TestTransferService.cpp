#include "OffloadFixture.h"
#include "TestStore.h"

#include "audit/AuditLog.h"
#include "audit/AuditReport.h"
#include "fleet/UndockService.h"
#include "fleet/UnitService.h"
#include "reads/ReadRepository.h"
#include "search/WatchService.h"
#include "store/Statement.h"
#include "transfers/TransferFolderWatcher.h"
#include "transfers/TransferService.h"

#include "transfers/TransferReadsFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace alpr;
using namespace alpr::test;

namespace {

const QString kUnit = QStringLiteral("CAR-12");

QByteArray openAlprLine(const QString& uuid, qint64 epochMs, const QString& plate, double confidence,
                        bool daemon = true)
{
    // As OpenALPR 2.x writes it (alpr_impl.cpp toJson), the daemon's fields appended.
    const QString result =
        QStringLiteral(R"({"plate":"%1","confidence":%2,"matches_template":1,"plate_index":0,"region":"md",)"
                       R"("region_confidence":0,"processing_time_ms":12.0,"requested_topn":10,"coordinates":[)"
                       R"({"x":306,"y":351},{"x":450,"y":352},{"x":449,"y":392},{"x":305,"y":391}],"candidates":[)"
                       R"({"plate":"%1","confidence":%2,"matches_template":1},)"
                       R"({"plate":"%3","confidence":70.25,"matches_template":0}]})")
            .arg(plate)
            .arg(confidence)
            .arg(plate.left(plate.size() - 1) + QLatin1Char('B'));
    QString line = QStringLiteral(R"({"version":2,"data_type":"alpr_results","epoch_time":%1,"img_width":1280,)"
                                  R"("img_height":720,"processing_time_ms":41.5,"results":[%2])")
                       .arg(epochMs)
                       .arg(result);
    if (daemon)
        line += QStringLiteral(R"(,"uuid":"%1","camera_id":2,"site_id":"car12","gps_latitude":39.2904,)"
                               R"("gps_longitude":-76.6122)")
                    .arg(uuid);
    return (line + QLatin1Char('}')).toUtf8();
}

} // namespace

class TestTransferService : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void importsOurFormatWithImagesAndMatchesWatchEntries();
    void importsOpenAlprResults();
    void rejectedOffloadsLeaveTheStoreUnchanged_data();
    void rejectedOffloadsLeaveTheStoreUnchanged();
    void overlappingOffloadsStoreNoDuplicates();
    void cancelledImportResumesAtItsCheckpoint();
    void undockingWithoutApprovalIsFlagged();
    void watchedFolderImportsEachOffloadOnce();
    void importsArchivesAndRefusesLinks();
    void auditorsCannotImport();

private:
    Result<TransferOutcome> import(const QString& dir, const QString& expectedUnit = {})
    {
        JobContext job;
        return TransferService(m_store->session(), m_store->session().database()).importOffload(dir, job, expectedUnit);
    }
    QString offloadDir(const QString& name) const { return m_dir.path() + QLatin1Char('/') + name; }

    std::unique_ptr<TestStore> m_store;
    QTemporaryDir m_dir;
    QDateTime m_start;
};

void TestTransferService::init()
{
    m_store = std::make_unique<TestStore>();
    QVERIFY(m_store->isValid());
    Unit car;
    car.id = kUnit;
    QVERIFY(UnitService(m_store->session()).add(car));
    m_start = m_store->clock().nowUtc().addDays(-3);
}

void TestTransferService::cleanup()
{
    m_store.reset();
}

void TestTransferService::importsOurFormatWithImagesAndMatchesWatchEntries()
{
    NewWatchEntry watch;
    watch.pattern = QStringLiteral("P00000?2");
    watch.tolerance = 0;
    watch.caseNumber = QStringLiteral("26-000777");
    watch.crimeType = QStringLiteral("Robbery");
    watch.expiresUtc = m_store->clock().nowUtc().addDays(30);
    QVERIFY(WatchService(m_store->session()).add(watch));

    const QString dir = offloadDir(QStringLiteral("good"));
    QVERIFY(writeOffload(dir, kUnit, transferReads(m_start, 1, 3), true));
    auto outcome = import(dir, kUnit);
    QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().message));
    QCOMPARE(outcome->status, TransferOutcome::Status::Imported);
    QCOMPARE(outcome->storedReads, 3);
    QCOMPARE(outcome->duplicateReads, 0);
    QCOMPARE(outcome->watchHits, 1);

    store::Database& db = m_store->session().database();
    const StoreCounts counts = storeCounts(db);
    QCOMPARE(counts.reads, 3);
    QCOMPARE(counts.images, 6);
    QCOMPARE(counts.alternatives, 3);
    QCOMPARE(counts.keys, 3);
    QVERIFY(counts.indexed >= 3);
    auto read = ReadRepository(db).find(db.queryInt64(QStringLiteral("SELECT min(id) FROM reads")));
    QVERIFY(read && *read);
    QCOMPARE((*read)->plate, QStringLiteral("P0000001"));
    QCOMPARE((*read)->unitId, kUnit);
    QCOMPARE((*read)->timeUtc, m_start.addSecs(60));
    QCOMPARE(*(*read)->latitude, 39.29);
    QCOMPARE((*read)->alternatives.size(), 1);
    QCOMPARE(ReadRepository(db).image((*read)->cropImageId).value(), QByteArray("\xff\xd8\xff crop P0000001"));

    auto records = TransferService(m_store->session(), db).list();
    QCOMPARE(records->size(), 1);
    QCOMPARE(records->first().status, QStringLiteral("complete"));
    QCOMPARE(records->first().declaredReads, 3);
    QCOMPARE(records->first().importedBy, TestStore::kAdmin);
    QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM transfer_files")), 7);
    QCOMPARE(UnitService(m_store->session()).find(kUnit)->lastTransferUtc, m_store->clock().nowUtc());
    AuditFilter f;
    f.action = QStringLiteral("transfer.import");
    auto audit = AuditLog::list(db, f);
    QCOMPARE(audit->size(), 1);
    QVERIFY(audit->first().outcome.startsWith(QStringLiteral("complete: 3 new reads")));
    QCOMPARE(QJsonDocument::fromJson(audit->first().parameters.toUtf8()).object().value(QStringLiteral("manifest_sha256")).toString(),
             records->first().manifestSha256);

    // The same offload again is recognised and skipped.
    auto again = import(dir);
    QVERIFY(again);
    QCOMPARE(again->status, TransferOutcome::Status::AlreadyImported);
    QCOMPARE(storeCounts(db), counts);
}

void TestTransferService::importsOpenAlprResults()
{
    const QString dir = offloadDir(QStringLiteral("openalpr"));
    const qint64 t0 = m_start.toMSecsSinceEpoch() + 250;
    OffloadWriter writer(dir, kUnit, TransferManifest::ReadsFormat::OpenAlpr);
    QVERIFY(writer.beginReadsFile(QStringLiteral("alprd.json")));
    QVERIFY(writer.addLine(openAlprLine(QStringLiteral("car12-cam2-1"), t0, QStringLiteral("7ABC123"), 91.5), 1));
    // Heartbeats carry no reads.
    QVERIFY(writer.addLine(R"({"version":2,"data_type":"heartbeat","epoch_time":1700000000000})", 0));
    QVERIFY(writer.addLine(openAlprLine(QStringLiteral("car12-cam2-2"), t0 + 5000, QStringLiteral("8XYZ789"), 84.0), 1));
    // alpr -j output has no uuid, camera or position.
    QVERIFY(writer.addLine(openAlprLine({}, t0 + 9000, QStringLiteral("JKL5555"), 77.0, false), 1));
    QVERIFY(writer.addImage(QStringLiteral("car12-cam2-1.jpg"), QByteArray("\xff\xd8\xff frame 1")));
    writer.setPeriod(m_start, m_start.addSecs(60));
    QVERIFY(writer.finish());

    auto outcome = import(dir);
    QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().message));
    QCOMPARE(outcome->storedReads, 3);
    store::Database& db = m_store->session().database();
    auto s = db.prepare(QStringLiteral("SELECT %1 FROM reads ORDER BY time_utc").arg(QLatin1String(ReadRepository::kReadColumns)));
    QList<PlateRead> reads;
    while (s.step())
        reads.append(ReadRepository::readFromRow(s));
    QCOMPARE(reads.size(), 3);
    QCOMPARE(reads[0].plate, QStringLiteral("7ABC123"));
    QCOMPARE(reads[0].confidence, 0.915);
    QCOMPARE(reads[0].timeUtc, QDateTime::fromMSecsSinceEpoch(t0, Qt::UTC).addMSecs(-250));
    QCOMPARE(*reads[0].latitude, 39.2904);
    QVERIFY(reads[0].contextImageId != 0);
    QVERIFY(reads[1].contextImageId == 0); // the daemon did not save that frame
    QVERIFY(!reads[2].latitude);
    ReadRepository(db).loadAlternatives(reads);
    QCOMPARE(reads[0].alternatives.size(), 1); // the best reading is not its own alternative
    QCOMPARE(reads[0].alternatives[0].plate, QStringLiteral("7ABC12B"));
    QCOMPARE(db.queryText(QStringLiteral("SELECT camera || '/' || box FROM transfer_reads WHERE plate = '7ABC123'")),
             QStringLiteral("2/305,351,145,41"));
}

void TestTransferService::rejectedOffloadsLeaveTheStoreUnchanged_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("reason");
    QTest::newRow("tampered image") << "tamper-image" << "images/1.jpg does not match its SHA-256";
    QTest::newRow("wrong count") << "wrong-count" << "declares 4 reads; the offload holds 3";
    QTest::newRow("truncated file") << "truncate" << "reads/reads-1.jsonl is truncated";
    QTest::newRow("foreign unit") << "foreign-unit" << "not registered in this agency's fleet";
    QTest::newRow("unlisted file") << "unlisted" << "extra.jsonl is in the offload but not in its manifest";
    QTest::newRow("malformed line") << "malformed" << "reads/reads-1.jsonl line 2: plate is not";
    QTest::newRow("no manifest") << "no-manifest" << "has no manifest.json";
}

void TestTransferService::rejectedOffloadsLeaveTheStoreUnchanged()
{
    QFETCH(QString, damage);
    QFETCH(QString, reason);
    store::Database& db = m_store->session().database();
    // Something stored before, so "unchanged" is not just "empty".
    QVERIFY(writeOffload(offloadDir(QStringLiteral("earlier")), kUnit, transferReads(m_start, 100, 2)));
    QVERIFY(import(offloadDir(QStringLiteral("earlier"))));
    const StoreCounts before = storeCounts(db);

    const QString dir = offloadDir(damage);
    QList<TransferRead> reads = transferReads(m_start, 1, 3);
    if (damage == QLatin1String("malformed"))
        reads[1].read.plate = QStringLiteral("NOT A PLATE!");
    QVERIFY(writeOffload(dir, damage == QLatin1String("foreign-unit") ? QStringLiteral("OTHER-AGENCY-9") : kUnit, reads, true));
    const QString manifestPath = dir + QStringLiteral("/manifest.json");
    const QString readsPath = dir + QStringLiteral("/reads/reads-1.jsonl");
    if (damage == QLatin1String("tamper-image")) {
        QByteArray image = readAll(dir + QStringLiteral("/images/1.jpg"));
        image[image.size() - 1] = 'X';
        QVERIFY(rewrite(dir + QStringLiteral("/images/1.jpg"), image));
    } else if (damage == QLatin1String("wrong-count")) {
        QVERIFY(rewrite(manifestPath, readAll(manifestPath).replace("\"read_count\": 3", "\"read_count\": 4")));
    } else if (damage == QLatin1String("truncate")) {
        const QByteArray all = readAll(readsPath);
        QVERIFY(rewrite(readsPath, all.left(all.size() - 30)));
    } else if (damage == QLatin1String("unlisted")) {
        QVERIFY(rewrite(dir + QStringLiteral("/extra.jsonl"), TransferReadsFormat::formatLine(reads[0])));
    } else if (damage == QLatin1String("no-manifest")) {
        QVERIFY(QFile::remove(manifestPath));
    }

    auto outcome = import(dir);
    QVERIFY(!outcome);
    QCOMPARE(outcome.error().code, ErrorCode::VerificationFailed);
    QVERIFY2(outcome.error().message.contains(reason), qPrintable(outcome.error().message));
    QCOMPARE(storeCounts(db), before);
    auto records = TransferService(m_store->session(), db).list();
    QCOMPARE(records->first().status, QStringLiteral("failed"));
    QCOMPARE(records->first().reason, outcome.error().message);
    AuditFilter f;
    f.action = QStringLiteral("transfer.failed");
    auto audit = AuditLog::list(db, f);
    QCOMPARE(audit->size(), 1);
    QVERIFY(audit->first().outcome.contains(reason));
}

void TestTransferService::overlappingOffloadsStoreNoDuplicates()
{
    QVERIFY(writeOffload(offloadDir(QStringLiteral("a")), kUnit, transferReads(m_start, 0, 10)));
    QVERIFY(writeOffload(offloadDir(QStringLiteral("b")), kUnit, transferReads(m_start, 5, 10)));
    auto first = import(offloadDir(QStringLiteral("a")));
    QVERIFY(first);
    QCOMPARE(first->storedReads, 10);
    auto second = import(offloadDir(QStringLiteral("b")));
    QVERIFY2(second, qPrintable(second ? QString() : second.error().message));
    QCOMPARE(second->storedReads, 5);
    QCOMPARE(second->duplicateReads, 5);
    QCOMPARE(m_store->session().database().queryInt64(QStringLiteral("SELECT count(*) FROM reads")), 15);
    QCOMPARE(m_store->session().database().queryInt64(
                 QStringLiteral("SELECT count(*) FROM (SELECT DISTINCT plate, time_utc FROM reads) AS sightings")),
             15);
    // The same plate at the same time from another camera is another read.
    QList<TransferRead> other = transferReads(m_start, 0, 1);
    other[0].camera = QStringLiteral("rear");
    QVERIFY(writeOffload(offloadDir(QStringLiteral("c")), kUnit, other));
    QCOMPARE(import(offloadDir(QStringLiteral("c")))->storedReads, 1);
}

void TestTransferService::cancelledImportResumesAtItsCheckpoint()
{
    const int total = TransferService::kBatchReads + 500;
    const QString dir = offloadDir(QStringLiteral("big"));
    QVERIFY(writeOffload(dir, kUnit, transferReads(m_start.addDays(-20), 0, total)));
    // Cancel as soon as the first batch is stored, as the Cancel button would.
    JobContext* self = nullptr;
    JobContext resumable([&](qint64, qint64, const QString& stage) {
        if (stage == QLatin1String("Storing"))
            self->cancel();
    });
    self = &resumable;
    store::Database& db = m_store->session().database();
    auto stopped = TransferService(m_store->session(), db).importOffload(dir, resumable);
    QVERIFY(!stopped);
    QVERIFY(stopped.error().isCancellation());
    QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM reads")), TransferService::kBatchReads);
    auto records = TransferService(m_store->session(), db).list();
    QCOMPARE(records->first().status, QStringLiteral("cancelled"));
    QCOMPARE(db.queryInt64(QStringLiteral("SELECT checkpoint FROM transfers")), TransferService::kBatchReads);
    QVERIFY(!UnitService(m_store->session()).find(kUnit)->lastTransferUtc.isValid());

    auto resumed = import(dir);
    QVERIFY2(resumed, qPrintable(resumed ? QString() : resumed.error().message));
    QVERIFY(resumed->resumed);
    QCOMPARE(resumed->storedReads, 500);
    QCOMPARE(resumed->duplicateReads, 0);
    QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM reads")), total);
    QCOMPARE(db.queryText(QStringLiteral("SELECT status || ':' || stored_reads FROM transfers")),
             QStringLiteral("complete:%1").arg(total));
    AuditFilter f;
    f.action = QStringLiteral("transfer.import");
    auto audit = AuditLog::list(db, f);
    QCOMPARE(audit->size(), 2);
}

void TestTransferService::undockingWithoutApprovalIsFlagged()
{
    const QDateTime away = m_start.addSecs(3600);
    OffloadWriter unapproved(offloadDir(QStringLiteral("unapproved")), kUnit);
    for (const TransferRead& t : transferReads(m_start, 0, 3))
        QVERIFY(unapproved.addRead(t));
    unapproved.addUndockEvent(away, away.addSecs(7200));
    QVERIFY(unapproved.finish());
    auto flagged = import(offloadDir(QStringLiteral("unapproved")));
    QVERIFY2(flagged, qPrintable(flagged ? QString() : flagged.error().message));
    QVERIFY(flagged->undockedWithoutApproval);
    QCOMPARE(flagged->storedReads, 3); // accepted, but flagged
    AuditFilter f;
    f.action = QStringLiteral("transfer.import");
    QVERIFY(AuditLog::list(m_store->session().database(), f)->first().outcome.contains(
        QStringLiteral("undocked without approval")));
    // ... and the audit report lists it for the auditor.
    const AuditReport report = AuditReport::summarize(AuditLog::list(m_store->session().database(), {}).value());
    QCOMPARE(report.flags.size(), 1);
    QVERIFY(report.flags.first().contains(QStringLiteral("transfer.import  unit:CAR-12")));
    QVERIFY(report.toText({}, {}).contains(QStringLiteral("Flagged (undocking without the Commander's approval)")));

    // With the Commander's approval covering the same kind of event, nothing is flagged.
    auto request = UndockService(m_store->session())
                       .request(kUnit, QStringLiteral("Repair"), away.addDays(1).addSecs(-600), away.addDays(1).addSecs(9000));
    QVERIFY2(request, qPrintable(request ? QString() : request.error().message));
    QVERIFY(UndockService(m_store->session()).approve(request->id));
    OffloadWriter approved(offloadDir(QStringLiteral("approved")), kUnit);
    for (const TransferRead& t : transferReads(m_start.addDays(1), 0, 3))
        QVERIFY(approved.addRead(t));
    approved.addUndockEvent(away.addDays(1), away.addDays(1).addSecs(7200));
    QVERIFY(approved.finish());
    auto clean = import(offloadDir(QStringLiteral("approved")));
    QVERIFY2(clean, qPrintable(clean ? QString() : clean.error().message));
    QVERIFY(!clean->undockedWithoutApproval);
}

void TestTransferService::watchedFolderImportsEachOffloadOnce()
{
    const QString watched = offloadDir(QStringLiteral("watched"));
    QVERIFY(writeOffload(watched + QStringLiteral("/car12-a"), kUnit, transferReads(m_start, 0, 4)));
    QVERIFY(writeOffload(watched + QStringLiteral("/car12-b"), kUnit, transferReads(m_start, 10, 2)));
    QVERIFY(writeOffload(watched + QStringLiteral("/car12-bad"), kUnit, transferReads(m_start, 20, 2)));
    const QString badManifest = watched + QStringLiteral("/car12-bad/manifest.json");
    QVERIFY(rewrite(badManifest, readAll(badManifest).replace("\"read_count\": 2", "\"read_count\": 5")));
    QDir().mkpath(watched + QStringLiteral("/still-copying/reads")); // no manifest yet

    TransferFolderWatcher watcher(m_store->session(), m_store->session().database(), 0);
    JobContext job;
    auto first = watcher.scanOnce(watched, job);
    QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
    QCOMPARE(first->size(), 3);
    int imported = 0;
    int failed = 0;
    for (const TransferOutcome& o : *first) {
        imported += o.status == TransferOutcome::Status::Imported;
        failed += o.status == TransferOutcome::Status::Failed;
    }
    QCOMPARE(imported, 2);
    QCOMPARE(failed, 1);
    QCOMPARE(m_store->session().database().queryInt64(QStringLiteral("SELECT count(*) FROM reads")), 6);
    auto second = watcher.scanOnce(watched, job);
    QVERIFY(second);
    QCOMPARE(second->size(), 0); // nothing new, and the failure has not changed

    // A folder still being written waits for a later scan.
    QVERIFY(writeOffload(watched + QStringLiteral("/car12-c"), kUnit, transferReads(m_start, 30, 1)));
    TransferFolderWatcher patient(m_store->session(), m_store->session().database(), 3600);
    QCOMPARE(patient.scanOnce(watched, job)->size(), 0);
    QCOMPARE(watcher.scanOnce(offloadDir(QStringLiteral("nowhere")), job).error().code, ErrorCode::NotFound);
}

void TestTransferService::importsArchivesAndRefusesLinks()
{
    auto run = [](const QString& program, const QStringList& args, const QString& dir) {
        QProcess p;
        p.setWorkingDirectory(dir);
        p.start(program, args);
        return p.waitForFinished(30000) && p.exitCode() == 0;
    };
    const QString staging = offloadDir(QStringLiteral("staging"));
    QVERIFY(writeOffload(staging + QStringLiteral("/CAR-12-nov"), kUnit, transferReads(m_start, 0, 3), true));
    const QString tgz = offloadDir(QStringLiteral("CAR-12-nov.tar.gz"));
    QVERIFY(run(QStringLiteral("tar"), {QStringLiteral("-czf"), tgz, QStringLiteral("CAR-12-nov")}, staging));
    auto fromTar = import(tgz);
    QVERIFY2(fromTar, qPrintable(fromTar ? QString() : fromTar.error().message));
    QCOMPARE(fromTar->storedReads, 3);
    QCOMPARE(TransferService(m_store->session(), m_store->session().database()).list()->first().source, tgz);

    if (!QStandardPaths::findExecutable(QStringLiteral("zip")).isEmpty()) {
        QVERIFY(writeOffload(staging + QStringLiteral("/CAR-12-dec"), kUnit, transferReads(m_start, 10, 2)));
        const QString zip = offloadDir(QStringLiteral("CAR-12-dec.zip"));
        QVERIFY(run(QStringLiteral("zip"), {QStringLiteral("-qr"), zip, QStringLiteral("CAR-12-dec")}, staging));
        QCOMPARE(import(zip)->storedReads, 2);
    }

    // A link in an offload could point anywhere on this machine: refused, nothing stored.
    const StoreCounts before = storeCounts(m_store->session().database());
    QVERIFY(writeOffload(staging + QStringLiteral("/linked"), kUnit, transferReads(m_start, 20, 2)));
    QVERIFY(QFile::link(QStringLiteral("/etc/hostname"), staging + QStringLiteral("/linked/notes.txt")));
    const QString linked = offloadDir(QStringLiteral("linked.tar"));
    QVERIFY(run(QStringLiteral("tar"), {QStringLiteral("-cf"), linked, QStringLiteral("linked")}, staging));
    auto refused = import(linked);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::VerificationFailed);
    QVERIFY2(refused.error().message.contains(QStringLiteral("holds a link")), qPrintable(refused.error().message));
    const QString garbage = offloadDir(QStringLiteral("garbage.zip"));
    QVERIFY(rewrite(garbage, QByteArray("PK not really")));
    QVERIFY(import(garbage).error().message.contains(QStringLiteral("cannot be unpacked")));
    QCOMPARE(storeCounts(m_store->session().database()), before);
}

void TestTransferService::auditorsCannotImport()
{
    QVERIFY(writeOffload(offloadDir(QStringLiteral("x")), kUnit, transferReads(m_start, 0, 1)));
    auto auditor = m_store->addAndLogin(QStringLiteral("auditor1"), Role::Auditor);
    JobContext job;
    auto refused = TransferService(*auditor, auditor->database()).importOffload(offloadDir(QStringLiteral("x")), job);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(m_store->session().database().queryInt64(QStringLiteral("SELECT count(*) FROM transfers")), 0);
}

QTEST_GUILESS_MAIN(TestTransferService)
#include "TestTransferService.moc"
