#include "transfers/OpenAlprFormat.h"
#include "transfers/TransferManifest.h"
#include "transfers/TransferReadsFormat.h"

#include <QTest>

using namespace alpr;

// Declared before the test data: moc reads this file and must meet the class before any raw string.
class TestTransferFormats : public QObject {
    Q_OBJECT

private slots:
    void manifestParses();
    void badManifestsAreRefusedWithTheirReason_data();
    void badManifestsAreRefusedWithTheirReason();
    void readsLineRoundTrips();
    void badReadsLinesNameTheField_data();
    void badReadsLinesNameTheField();
    void openAlprLinesOfBothTools();
    void badOpenAlprLinesAreRefused();
};

namespace {

QByteArray manifest(const QByteArray& files, const QByteArray& extra = {})
{
    return R"({"format":"alpr-transfer/1","reads_format":"alpr-reads/1","unit":"CAR-12",)"
           R"("period":{"from":"2026-11-01T00:00:00Z","to":"2026-11-30T23:59:59Z"},"read_count":2,"files":)" +
           files + extra + "}";
}

const QByteArray kReadsFile =
    R"([{"path":"reads.jsonl","kind":"reads","bytes":10,"sha256":"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}])";

} // namespace

void TestTransferFormats::manifestParses()
{
    auto m = TransferManifest::parse(manifest(kReadsFile, R"(,"undock_events":[{"from":"2026-11-03T08:00:00Z","to":"2026-11-03T10:00:00Z"}])"));
    QVERIFY2(m, qPrintable(m ? QString() : m.error().message));
    QCOMPARE(m->unitId, QStringLiteral("CAR-12"));
    QCOMPARE(m->readCount, 2);
    QCOMPARE(m->periodFromUtc, QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC));
    QCOMPARE(m->files.size(), 1);
    QVERIFY(m->files[0].isReads);
    QCOMPARE(m->undockEvents.size(), 1);
}

void TestTransferFormats::badManifestsAreRefusedWithTheirReason_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not json") << QByteArray("{\"format\":") << "not a JSON object";
    QTest::newRow("other format") << QByteArray(R"({"format":"zip"})") << "format is not alpr-transfer/1";
    QTest::newRow("path escapes") << manifest(QByteArray(kReadsFile).replace("reads.jsonl", "../../etc/passwd"))
                                  << "outside the offload";
    QTest::newRow("absolute path") << manifest(QByteArray(kReadsFile).replace("reads.jsonl", "/etc/passwd"))
                                   << "outside the offload";
    QTest::newRow("bad hash") << manifest(QByteArray(kReadsFile).replace("0123456789abcdef0123", "XYZ"))
                              << "not 64 lower-case hex digits";
    QTest::newRow("no reads file") << manifest(QByteArray(kReadsFile).replace("\"reads\"", "\"image\""))
                                   << "lists no reads file";
    QTest::newRow("negative count") << QByteArray(manifest(kReadsFile)).replace("\"read_count\":2", "\"read_count\":-2")
                                    << "read_count is not a whole number";
    QTest::newRow("period backwards")
        << QByteArray(manifest(kReadsFile)).replace("2026-11-30T23:59:59Z", "2026-10-01T00:00:00Z") << "ends before";
    QTest::newRow("local time") << QByteArray(manifest(kReadsFile)).replace("2026-11-01T00:00:00Z", "2026-11-01T00:00:00")
                                << "UTC time";
    QTest::newRow("unit id") << QByteArray(manifest(kReadsFile)).replace("CAR-12", "CAR 12/..") << "no valid unit id";
}

void TestTransferFormats::badManifestsAreRefusedWithTheirReason()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, reason);
    auto m = TransferManifest::parse(json);
    QVERIFY(!m);
    QCOMPARE(m.error().code, ErrorCode::InvalidInput);
    QVERIFY2(m.error().message.contains(reason), qPrintable(m.error().message));
}

void TestTransferFormats::readsLineRoundTrips()
{
    TransferRead t;
    t.read.plate = QStringLiteral("7ABC123");
    t.read.confidence = 0.875;
    t.read.alternatives = {{QStringLiteral("7A8C123"), 0.1}};
    t.read.latitude = 39.3;
    t.read.longitude = -76.6;
    t.timeMs = QDateTime(QDate(2026, 11, 2), QTime(14, 5, 3, 250), Qt::UTC).toMSecsSinceEpoch();
    t.camera = QStringLiteral("NDI-1001");
    t.box = QStringLiteral("1,2,3,4");
    t.cropFile = QStringLiteral("img/1c.jpg");
    t.contextFile = QStringLiteral("img/1.jpg");
    const QByteArray line = TransferReadsFormat::formatLine(t);
    auto parsed = TransferReadsFormat::parseLine(line);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(parsed->timeMs, t.timeMs);
    QCOMPARE(parsed->read.timeUtc, QDateTime::fromMSecsSinceEpoch(t.timeMs, Qt::UTC));
    QCOMPARE(parsed->read.plate, t.read.plate);
    QCOMPARE(parsed->read.alternatives.size(), 1);
    QCOMPARE(parsed->camera, t.camera);
    QCOMPARE(parsed->box, t.box);
    QCOMPARE(parsed->cropFile, t.cropFile);
    QCOMPARE(parsed->contextFile, t.contextFile);
    // Lowercase and dashes are normalized, as the footage import does.
    auto lower = TransferReadsFormat::parseLine(R"({"time":"2026-11-02T14:05:03Z","plate":"7abc-123","confidence":0.5})");
    QVERIFY(lower);
    QCOMPARE(lower->read.plate, QStringLiteral("7ABC123"));
    QVERIFY(lower->camera.isEmpty());
}

void TestTransferFormats::badReadsLinesNameTheField_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("reason");
    QTest::newRow("cut off") << QByteArray(R"({"time":"2026-11-02T14:05:03Z","pla)") << "not a JSON object";
    QTest::newRow("no time") << QByteArray(R"({"plate":"ABC123","confidence":0.5})") << "time";
    QTest::newRow("plate") << QByteArray(R"({"time":"2026-11-02T14:05:03Z","plate":"","confidence":0.5})") << "plate";
    QTest::newRow("confidence") << QByteArray(R"({"time":"2026-11-02T14:05:03Z","plate":"A1","confidence":7})")
                                << "confidence";
    QTest::newRow("lat only") << QByteArray(R"({"time":"2026-11-02T14:05:03Z","plate":"A1","confidence":0.5,"lat":39})")
                              << "position";
    QTest::newRow("lat range")
        << QByteArray(R"({"time":"2026-11-02T14:05:03Z","plate":"A1","confidence":0.5,"lat":99,"lon":1})") << "position";
    QTest::newRow("image escapes")
        << QByteArray(R"({"time":"2026-11-02T14:05:03Z","plate":"A1","confidence":0.5,"image":"../x.jpg"})") << "image";
    QTest::newRow("box") << QByteArray(R"({"time":"2026-11-02T14:05:03Z","plate":"A1","confidence":0.5,"box":[1,2]})")
                         << "box";
    QTest::newRow("camera") << QByteArray(R"({"time":"2026-11-02T14:05:03Z","plate":"A1","confidence":0.5,"camera":"a b"})")
                            << "camera";
}

void TestTransferFormats::badReadsLinesNameTheField()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, reason);
    auto parsed = TransferReadsFormat::parseLine(line);
    QVERIFY(!parsed);
    QVERIFY2(parsed.error().message.contains(reason), qPrintable(parsed.error().message));
}

void TestTransferFormats::openAlprLinesOfBothTools()
{
    // alpr -j of OpenALPR 1.x: epoch_time in seconds, no camera.
    auto cli = OpenAlprFormat::parseLine(
        R"({"version":1,"epoch_time":1764000000,"img_width":640,"img_height":480,"results":[)"
        R"({"plate":"ab123","confidence":88.5,"coordinates":[{"x":1,"y":2},{"x":11,"y":2},{"x":11,"y":7},{"x":1,"y":7}],)"
        R"("candidates":[{"plate":"AB123","confidence":88.5},{"plate":"A8123","confidence":60}]}]})");
    QVERIFY2(cli, qPrintable(cli ? QString() : cli.error().message));
    QCOMPARE(cli->size(), 1);
    QCOMPARE(cli->first().timeMs, 1764000000000LL);
    QCOMPARE(cli->first().read.plate, QStringLiteral("AB123"));
    QCOMPARE(cli->first().read.confidence, 0.885);
    QCOMPARE(cli->first().box, QStringLiteral("1,2,10,5"));
    QCOMPARE(cli->first().read.alternatives.size(), 1);
    QVERIFY(cli->first().camera.isEmpty());
    // alprd: milliseconds, uuid, camera_id as a number, no results in a frame is no read.
    auto daemon = OpenAlprFormat::parseLine(
        R"({"data_type":"alpr_results","epoch_time":1764000000123,"uuid":"site1-cam3-1764000000123","camera_id":3,)"
        R"("site_id":"site1","results":[]})");
    QVERIFY(daemon);
    QVERIFY(daemon->isEmpty());
    auto two = OpenAlprFormat::parseLine(
        R"({"epoch_time":1764000000123,"uuid":"s-cam3-1","camera_id":3,"gps_latitude":39.1,"gps_longitude":-76.5,)"
        R"("results":[{"plate":"AAA111","confidence":90},{"plate":"BBB222","confidence":80}]})");
    QVERIFY(two);
    QCOMPARE(two->size(), 2);
    QCOMPARE(two->at(1).camera, QStringLiteral("3"));
    QCOMPARE(two->at(1).contextFile, QStringLiteral("s-cam3-1.jpg"));
    QCOMPARE(*two->at(1).read.latitude, 39.1);
    QVERIFY(OpenAlprFormat::parseLine(R"({"data_type":"heartbeat"})")->isEmpty());
}

void TestTransferFormats::badOpenAlprLinesAreRefused()
{
    for (const char* line : {R"({"epoch_time":"yesterday","results":[]})", R"({"epoch_time":1764000000,"results":{}})",
                             R"({"epoch_time":1764000000,"results":[{"plate":"AB1","confidence":150}]})",
                             R"({"epoch_time":1764000000,"results":[{"plate":"AB1","confidence":50,"coordinates":[1]}]})",
                             R"({"epoch_time":1764000000,"uuid":"../../x","results":[]})", R"([1,2,3])"})
        QVERIFY2(!OpenAlprFormat::parseLine(line), line);
}

QTEST_GUILESS_MAIN(TestTransferFormats)
#include "TestTransferFormats.moc"
