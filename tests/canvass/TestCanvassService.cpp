#include "CanvassFixture.h"
#include "TestStore.h"
#include "audit/AuditLog.h"
#include "canvass/CanvassService.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace alpr;
using namespace alpr::test;

namespace {
const QDateTime kEvening(QDate(2026, 5, 30), QTime(18, 0), Qt::UTC);
const AccessPurpose kPurpose{QStringLiteral("Crime scene canvass"), QStringLiteral("HOM-2026-0142")};

QStringList platesOf(const CanvassResult& result)
{
    QStringList plates;
    for (const CanvassPlateGroup& g : result.plates)
        plates.append(g.plate);
    return plates;
}

const CanvassPlateGroup* group(const CanvassResult& result, const QString& plate)
{
    for (const CanvassPlateGroup& g : result.plates) {
        if (g.plate == plate)
            return &g;
    }
    return nullptr;
}

QList<AuditRecord> auditOf(Session& session, const QString& action)
{
    AuditFilter filter;
    filter.action = action;
    auto records = AuditLog::list(session.database(), filter);
    return records ? *records : QList<AuditRecord>{};
}
} // namespace

class TestCanvassService : public QObject {
    Q_OBJECT

private slots:
    void radiusEdgesThroughTheStore_data() { alpr::test::addEdgeLatitudeRows(); }
    void radiusEdgesThroughTheStore()
    {
        QFETCH(double, latitude);
        QFETCH(double, longitude);
        TestStore store;
        QVERIFY(store.isValid());
        const GeoPoint scene{latitude, longitude};
        QList<PlateRead> reads;
        int n = 0;
        for (double sign : {1.0, -1.0}) {
            reads.append(
                makeRead(QStringLiteral("IN%1").arg(++n), EllipsoidOffset::north(scene, sign * 499.7), kEvening));
            reads.append(
                makeRead(QStringLiteral("IN%1").arg(++n), EllipsoidOffset::east(scene, sign * 499.7), kEvening));
            reads.append(
                makeRead(QStringLiteral("OUT%1").arg(++n), EllipsoidOffset::north(scene, sign * 500.3), kEvening));
            reads.append(
                makeRead(QStringLiteral("OUT%1").arg(++n), EllipsoidOffset::east(scene, sign * 500.3), kEvening));
        }
        insertReads(store.session().database(), reads);
        CanvassService service(store.session(), store.session().database());
        const auto result = service.run({CanvassArea::circle(scene, 500.0), kEvening, kEvening}, kPurpose);
        QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
        QStringList plates = platesOf(*result);
        plates.sort();
        QCOMPARE(plates, (QStringList{QStringLiteral("IN1"), QStringLiteral("IN2"), QStringLiteral("IN5"),
                                      QStringLiteral("IN6")}));
        for (const CanvassRead& read : result->reads)
            QVERIFY(read.distanceMetres > 499.6 && read.distanceMetres < 499.8);
    }

    void groupsByPlate()
    {
        TestStore store;
        const GeoPoint scene{39.2850, -76.5800};
        insertReads(store.session().database(),
                    {makeRead(QStringLiteral("ABC123"), scene, kEvening.addSecs(600), QStringLiteral("CAR-7")),
                     makeRead(QStringLiteral("ABC123"), scene, kEvening.addSecs(60), QStringLiteral("CAR-3")),
                     makeRead(QStringLiteral("ABC123"), scene, kEvening.addSecs(3000), QStringLiteral("CAR-7")),
                     makeRead(QStringLiteral("XYZ9"), scene, kEvening.addSecs(100))});
        CanvassService service(store.session(), store.session().database());
        const auto result =
            service.run({CanvassArea::circle(scene, 200.0), kEvening, kEvening.addSecs(7200)}, kPurpose);
        QVERIFY(result);
        QCOMPARE(platesOf(*result), (QStringList{QStringLiteral("ABC123"), QStringLiteral("XYZ9")}));
        const CanvassPlateGroup& abc = result->plates.first();
        QCOMPARE(abc.count, 3);
        QCOMPARE(abc.firstSeenUtc, kEvening.addSecs(60));
        QCOMPARE(abc.lastSeenUtc, kEvening.addSecs(3000));
        QCOMPARE(abc.units, (QStringList{QStringLiteral("CAR-3"), QStringLiteral("CAR-7")}));
        QCOMPARE(abc.readIndexes.size(), 3);
        QCOMPARE(result->reads[abc.readIndexes.first()].timeUtc, kEvening.addSecs(60));
    }

    void polygonCanvass()
    {
        TestStore store;
        // A triangle; one read inside, one inside its bounding box but outside the triangle.
        const CanvassArea triangle = CanvassArea::polygon({{39.28, -76.60}, {39.30, -76.60}, {39.28, -76.58}});
        insertReads(store.session().database(), {makeRead(QStringLiteral("INSIDE1"), {39.285, -76.595}, kEvening),
                                                 makeRead(QStringLiteral("CORNER1"), {39.298, -76.582}, kEvening)});
        CanvassService service(store.session(), store.session().database());
        const auto result = service.run({triangle, kEvening, kEvening}, kPurpose);
        QVERIFY(result);
        QCOMPARE(platesOf(*result), QStringList{QStringLiteral("INSIDE1")});
    }

    void refusedWithoutPurposeOrCase_data()
    {
        QTest::addColumn<QString>("purpose");
        QTest::addColumn<QString>("caseNumber");
        QTest::addColumn<int>("code");
        QTest::newRow("no purpose") << QString() << QStringLiteral("HOM-2026-0142") << int(ErrorCode::PurposeRequired);
        QTest::newRow("no case") << QStringLiteral("Crime scene canvass") << QStringLiteral("  ")
                                 << int(ErrorCode::PurposeRequired);
        QTest::newRow("bad case") << QStringLiteral("Crime scene canvass") << QStringLiteral("x")
                                  << int(ErrorCode::InvalidInput);
    }
    void refusedWithoutPurposeOrCase()
    {
        QFETCH(QString, purpose);
        QFETCH(QString, caseNumber);
        QFETCH(int, code);
        TestStore store;
        const GeoPoint scene{39.2850, -76.5800};
        insertReads(store.session().database(), {makeRead(QStringLiteral("ABC123"), scene, kEvening)});
        CanvassService service(store.session(), store.session().database());
        const auto result = service.run({CanvassArea::circle(scene, 100), kEvening, kEvening}, {purpose, caseNumber});
        QVERIFY(!result);
        QCOMPARE(int(result.error().code), code);
        const auto records = auditOf(store.session(), QStringLiteral("canvass.run"));
        QCOMPARE(records.size(), 1);
        QVERIFY(records.first().outcome.startsWith(QStringLiteral("refused: ")));
    }

    void refusedForAuditorRole()
    {
        TestStore store;
        auto auditor = store.addAndLogin(QStringLiteral("auditor1"), Role::Auditor);
        QVERIFY(auditor);
        CanvassService service(*auditor, auditor->database());
        const auto result = service.run({CanvassArea::circle({39.2850, -76.5800}, 100), kEvening, kEvening}, kPurpose);
        QCOMPARE(result.error().code, ErrorCode::PermissionDenied);
        const auto records = auditOf(*auditor, QStringLiteral("canvass.run"));
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first().user, QStringLiteral("auditor1"));
    }

    void auditRecordWritten()
    {
        TestStore store;
        const GeoPoint scene{39.2850, -76.5800};
        insertReads(store.session().database(), {makeRead(QStringLiteral("ABC123"), scene, kEvening),
                                                 makeRead(QStringLiteral("ABC123"), scene, kEvening.addSecs(5)),
                                                 makeRead(QStringLiteral("DEF456"), scene, kEvening)});
        CanvassService service(store.session(), store.session().database());
        const auto result = service.run({CanvassArea::circle(scene, 250), kEvening, kEvening.addSecs(3600)},
                                        {QStringLiteral(" Crime scene canvass "), QStringLiteral("hom-2026-0142")});
        QVERIFY(result);
        const auto records = auditOf(store.session(), QStringLiteral("canvass.run"));
        QCOMPARE(records.size(), 1);
        const AuditRecord& record = records.first();
        QCOMPARE(record.seq, result->auditSeq);
        QCOMPARE(record.user, TestStore::kAdmin);
        QCOMPARE(record.purpose, QStringLiteral("Crime scene canvass"));
        QCOMPARE(record.caseNumber, QStringLiteral("HOM-2026-0142"));
        QCOMPARE(record.outcome, QStringLiteral("results: 3 reads, 2 plates"));
        QVERIFY(record.object.contains(QStringLiteral("250 m")));
        QVERIFY(record.parameters.contains(QStringLiteral("\"radius_m\":250")));
        QVERIFY(record.parameters.contains(QStringLiteral("2026-05-30T18:00:00Z")));
        QVERIFY(AuditLog::verify(store.session().database())->intact);
    }

    void platesAtSeveralScenesAreFlagged()
    {
        TestStore store;
        const GeoPoint shooting{39.2850, -76.5800};
        const GeoPoint carFound{39.2950, -76.6000}; // about 2 km away
        insertReads(store.session().database(), {makeRead(QStringLiteral("SUSPECT1"), shooting, kEvening),
                                                 makeRead(QStringLiteral("BYSTANDR"), shooting, kEvening),
                                                 makeRead(QStringLiteral("SUSPECT1"), carFound, kEvening.addSecs(1800)),
                                                 makeRead(QStringLiteral("LOCAL1"), carFound, kEvening.addSecs(1800))});
        CanvassService service(store.session(), store.session().database());
        const CanvassQuery first{CanvassArea::circle(shooting, 300), kEvening.addSecs(-3600), kEvening.addSecs(3600)};
        const CanvassQuery second{CanvassArea::circle(carFound, 300), kEvening, kEvening.addSecs(7200)};
        QVERIFY(service.saveScene(QStringLiteral("Shooting, Eastern Ave"), first, kPurpose));
        QCOMPARE(service.saveScene(QStringLiteral("shooting, eastern ave"), first, kPurpose).error().code,
                 ErrorCode::InvalidInput);

        // The saved scene alone does not flag its own plates.
        const auto atScene = service.run(first, kPurpose);
        QVERIFY(atScene);
        QVERIFY(!group(*atScene, QStringLiteral("SUSPECT1"))->seenAtSeveralScenes());

        const auto result = service.run(second, kPurpose);
        QVERIFY(result);
        QCOMPARE(result->scenesCompared, 1);
        QCOMPARE(result->plates.first().plate, QStringLiteral("SUSPECT1")); // flagged plates first
        QCOMPARE(result->plates.first().otherScenes, QStringList{QStringLiteral("Shooting, Eastern Ave")});
        QVERIFY(!group(*result, QStringLiteral("LOCAL1"))->seenAtSeveralScenes());

        // Another case's scenes do not count.
        const auto otherCase = service.run(second, {kPurpose.purpose, QStringLiteral("ROB-2026-0007")});
        QVERIFY(otherCase);
        QVERIFY(!group(*otherCase, QStringLiteral("SUSPECT1"))->seenAtSeveralScenes());
        QCOMPARE(auditOf(store.session(), QStringLiteral("canvass.scene.save")).size(), 1);
    }

    void cancelledCanvassReturnsNothingAndIsNotAudited()
    {
        TestStore store;
        const GeoPoint scene{39.2850, -76.5800};
        QList<PlateRead> reads;
        for (int i = 0; i < 5000; ++i) // more than one cancellation check interval
            reads.append(makeRead(QStringLiteral("P%1").arg(i % 300), scene, kEvening.addSecs(i % 3600)));
        insertReads(store.session().database(), reads);
        JobContext job;
        job.cancel();
        CanvassService service(store.session(), store.session().database());
        const auto result =
            service.run({CanvassArea::circle(scene, 100), kEvening, kEvening.addSecs(3600)}, kPurpose, &job);
        QVERIFY(!result);
        QVERIFY(result.error().isCancellation());
        QVERIFY(auditOf(store.session(), QStringLiteral("canvass.run")).isEmpty());
        // The same canvass, not cancelled, finds them all.
        JobContext running;
        QCOMPARE(service.run({CanvassArea::circle(scene, 100), kEvening, kEvening.addSecs(3600)}, kPurpose, &running)
                     ->reads.size(),
                 5000);
    }

    void exportsAreWrittenAndAudited()
    {
        TestStore store;
        const GeoPoint scene{39.2850, -76.5800};
        insertReads(store.session().database(),
                    {makeRead(QStringLiteral("ABC123"), scene, kEvening, QStringLiteral("=HYPERLINK(\"x\")"))});
        CanvassService service(store.session(), store.session().database());
        const auto result = service.run({CanvassArea::circle(scene, 100), kEvening, kEvening}, kPurpose);
        QVERIFY(result);
        QTemporaryDir dir;
        const QString csvPath = dir.filePath(QStringLiteral("canvass.csv"));
        const QString kmlPath = dir.filePath(QStringLiteral("canvass.kml"));
        QVERIFY(service.exportCsv(*result, csvPath));
        QVERIFY(service.exportKml(*result, kmlPath));

        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QVERIFY(lines.first().startsWith("read_id,plate,time_utc,latitude,longitude,unit"));
        QVERIFY(lines.at(1).contains(",ABC123,2026-05-30T18:00:00Z,39.2850000,-76.5800000,"));
        QVERIFY(lines.at(1).contains("\"'=HYPERLINK(\"\"x\"\")\"")); // formula defused and quoted

        QFile kml(kmlPath);
        QVERIFY(kml.open(QIODevice::ReadOnly));
        const QByteArray kmlText = kml.readAll();
        QVERIFY(kmlText.contains("<when>2026-05-30T18:00:00Z</when>"));
        QVERIFY(kmlText.contains("<coordinates>-76.5800000,39.2850000,0</coordinates>"));
        QVERIFY(kmlText.contains("HOM-2026-0142"));

        const auto records = auditOf(store.session(), QStringLiteral("canvass.export"));
        QCOMPARE(records.size(), 2);
        QCOMPARE(records.first().object, csvPath);
        QCOMPARE(records.first().caseNumber, QStringLiteral("HOM-2026-0142"));
        QVERIFY(records.last().parameters.contains(QStringLiteral("\"format\":\"kml\"")));
    }

    void failedExportLeavesNoFileAndNoRecord()
    {
        TestStore store;
        CanvassService service(store.session(), store.session().database());
        const auto result = service.run({CanvassArea::circle({39.2850, -76.5800}, 100), kEvening, kEvening}, kPurpose);
        QVERIFY(result);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.pdf"));
        const auto exported = service.exportResult(*result, QStringLiteral("pdf"), path, [](QIODevice&) -> VoidResult {
            return fail(ErrorCode::Io, QStringLiteral("renderer failed"));
        });
        QVERIFY(!exported);
        QVERIFY(!QFile::exists(path));
        QVERIFY(auditOf(store.session(), QStringLiteral("canvass.export")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCanvassService)
#include "TestCanvassService.moc"
