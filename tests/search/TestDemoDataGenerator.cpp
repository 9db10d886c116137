#include "TestStore.h"

#include "search/DemoDataGenerator.h"
#include "store/Statement.h"

#include <QRegularExpression>
#include <QTest>

using namespace alpr;
using namespace alpr::test;

class TestDemoDataGenerator : public QObject {
    Q_OBJECT

private slots:
    void generatesRealisticReads();
    void sameSeedSamePlates();
    void needsImportPermission();
};

void TestDemoDataGenerator::generatesRealisticReads()
{
    TestStore store;
    DemoDataOptions options;
    options.reads = 4000;
    options.seed = 11;
    options.imageReads = 100000;
    JobContext job;
    QCOMPARE(*DemoDataGenerator(options).run(store.session(), job), 4000);
    store::Database& db = store.session().database();
    QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM reads")), 4000);

    // Repeat visits: a few plates often, most once or twice.
    const qint64 distinct = db.queryInt64(QStringLiteral("SELECT count(DISTINCT plate) FROM reads"));
    const qint64 busiest =
        db.queryInt64(QStringLiteral("SELECT max(n) FROM (SELECT count(*) n FROM reads GROUP BY plate) AS per_plate"));
    const qint64 once = db.queryInt64(
        QStringLiteral("SELECT count(*) FROM (SELECT plate FROM reads GROUP BY plate HAVING count(*) = 1) AS single"));
    QVERIFY2(distinct > 1000 && distinct < 3500, qPrintable(QString::number(distinct)));
    QVERIFY2(busiest >= 20, qPrintable(QString::number(busiest)));
    QVERIFY2(once * 2 > distinct, "most plates are seen once");

    // OCR-style misreads with alternative readings.
    const qint64 withAlternatives =
        db.queryInt64(QStringLiteral("SELECT count(DISTINCT read_id) FROM read_alternatives"));
    QVERIFY(withAlternatives > 800 && withAlternatives < 2500);

    // US formats only.
    const QRegularExpression format(QStringLiteral("^[A-Z0-9]{5,7}$"));
    auto plates = db.prepare(QStringLiteral("SELECT plate FROM reads LIMIT 500"));
    while (plates.step())
        QVERIFY(format.match(plates.text(0)).hasMatch());

    // 13 months, several units, on the demo map.
    const qint64 span = db.queryInt64(QStringLiteral("SELECT max(time_utc) - min(time_utc) FROM reads"));
    QVERIFY(span > 360LL * 86400 && span <= 400LL * 86400);
    QVERIFY(db.queryInt64(QStringLiteral("SELECT max(time_utc) FROM reads")) <=
            store.clock().nowUtc().toSecsSinceEpoch());
    QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(DISTINCT unit_id) FROM reads")), 10);
    QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM reads WHERE lat NOT BETWEEN 39.2586 AND 39.3065 "
                                          "OR lon NOT BETWEEN -76.6081 AND -76.5288")),
             0);
    QVERIFY(db.queryInt64(QStringLiteral("SELECT count(*) FROM (SELECT DISTINCT lat, lon FROM reads) AS places")) >
            500);

    // Plate crops on the newest reads only (DemoDataOptions::imageReads), as PNG.
    QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM reads WHERE crop_image_id IS NOT NULL")), 4000);
    QCOMPARE(db.queryText(QStringLiteral("SELECT mime FROM images LIMIT 1")), QStringLiteral("image/png"));

    // Indexed, and audited.
    QCOMPARE(db.queryInt64(QStringLiteral("SELECT value FROM search_state WHERE key = 'indexed_read_id'")),
             db.queryInt64(QStringLiteral("SELECT max(id) FROM reads")));
    QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'demo.generate'")), 1);
}

void TestDemoDataGenerator::sameSeedSamePlates()
{
    DemoDataOptions a;
    a.seed = 5;
    DemoDataOptions b = a;
    b.seed = 6;
    QCOMPARE(DemoDataGenerator(a).plateOfVehicle(42), DemoDataGenerator(a).plateOfVehicle(42));
    QVERIFY(DemoDataGenerator(a).plateOfVehicle(42) != DemoDataGenerator(b).plateOfVehicle(42));
}

void TestDemoDataGenerator::needsImportPermission()
{
    TestStore store;
    auto auditor = store.addAndLogin(QStringLiteral("auditor1"), Role::Auditor);
    DemoDataOptions options;
    options.reads = 10;
    JobContext job;
    QCOMPARE(DemoDataGenerator(options).run(*auditor, job).error().code, ErrorCode::PermissionDenied);
    options.reads = 0;
    QCOMPARE(DemoDataGenerator(options).run(store.session(), job).error().code, ErrorCode::InvalidInput);
}

QTEST_GUILESS_MAIN(TestDemoDataGenerator)
#include "TestDemoDataGenerator.moc"
