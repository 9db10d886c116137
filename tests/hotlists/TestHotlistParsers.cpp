#include "hotlists/CaDojHotlistParser.h"
#include "hotlists/CsvHotlistParser.h"
#include "hotlists/HotlistFile.h"
#include "hotlists/NcicHotlistParser.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace alpr;

namespace {

// The issue's example record, and variations of it.
const QByteArray kNcicLine = "V987654321LA057020020260101ABC1234   CA2009MC2009YAMACYLMCBLK";

bool hasErrorOn(const HotlistParseResult& r, int line, const QString& text)
{
    for (const HotlistLineError& e : r.errors)
        if (e.line == line && e.reason.contains(text))
            return true;
    return false;
}

} // namespace

class TestHotlistParsers : public QObject {
    Q_OBJECT

private slots:
    void ncicReadsTheIssuesExample();
    void ncicReportsEachBadLineAndGoesOn();
    void ncicTreatsCrlfAndLfAlike();
    void caDojReadsAGoodFile();
    void caDojRefusesAWrongTrailerCount();
    void caDojRefusesAMissingTrailer();
    void caDojReportsBadLines();
    void csvReadsHeaderBomAndQuotes();
    void csvReportsBadLines();
    void csvRefusesAFileWithoutPlateColumn();
    void fileOverTheLimitIsRefusedBeforeReading();
    void unreadableFileIsAnIoError();
    void fileHashIsOfTheBytes();
};

void TestHotlistParsers::ncicReadsTheIssuesExample()
{
    const HotlistParseResult r = NcicHotlistParser::parse(kNcicLine + '\n');
    QCOMPARE(r.lines, 1);
    QVERIFY(r.errors.isEmpty());
    QCOMPARE(r.entries.size(), 1);
    const HotlistEntryInput& e = r.entries.first();
    QCOMPARE(e.plate, QStringLiteral("ABC1234"));
    QCOMPARE(e.state, QStringLiteral("CA"));
    QCOMPARE(e.category, HotlistCategory::StolenVehicle);
    QCOMPARE(e.clets.nic, QStringLiteral("987654321"));
    QCOMPARE(e.clets.ori, QStringLiteral("LA0570200"));
    QCOMPARE(e.clets.incidentDate, QStringLiteral("2026-01-01"));
    QCOMPARE(e.clets.vehicle, QStringLiteral("2009 YAMA CYL MC BLK"));
    QCOMPARE(e.clets.recordText, QString::fromLatin1(kNcicLine));
    QCOMPARE(e.line, 1);
}

void TestHotlistParsers::ncicReportsEachBadLineAndGoesOn()
{
    QByteArray data;
    data += kNcicLine + '\n';                                 // 1 good
    data += "V98765432\n";                                    // 2 short line
    data += "P123456789CA0000000202601027XYZ999   ZZ\n";      // 3 bad state
    data += "W123456789CA000000020260103          TX\n";      // 4 empty plate
    data += QByteArray("\x00\x01\xff\xfe garbage\x02\n", 14); // 5 binary garbage
    data += "A123456789CA000000020261340AMBER1    NV\n";      // 6 bad date
    data += "Q123456789CA000000020260105OTHER1    NV\n";      // 7 good, unknown type -> other
    data += "\n";                                             // blank: not a record
    const HotlistParseResult r = NcicHotlistParser::parse(data);
    QCOMPARE(r.lines, 7);
    QCOMPARE(r.entries.size(), 2);
    QCOMPARE(r.errors.size(), 5);
    QVERIFY(hasErrorOn(r, 2, QStringLiteral("short line")));
    QVERIFY(hasErrorOn(r, 3, QStringLiteral("bad state \"ZZ\"")));
    QVERIFY(hasErrorOn(r, 4, QStringLiteral("empty plate")));
    QVERIFY(hasErrorOn(r, 5, QStringLiteral("not text")));
    QVERIFY(hasErrorOn(r, 6, QStringLiteral("bad incident date")));
    QCOMPARE(r.entries[1].category, HotlistCategory::Other);
    QCOMPARE(r.entries[1].line, 7);
}

void TestHotlistParsers::ncicTreatsCrlfAndLfAlike()
{
    const QByteArray second = "A123456789CA000000020260102AMBER1    NV";
    const HotlistParseResult lf = NcicHotlistParser::parse(kNcicLine + '\n' + second + '\n');
    const HotlistParseResult crlf = NcicHotlistParser::parse(kNcicLine + "\r\n" + second + "\r\n");
    const HotlistParseResult noFinalNewline = NcicHotlistParser::parse(kNcicLine + "\r\n" + second);
    for (const HotlistParseResult* r : {&lf, &crlf, &noFinalNewline}) {
        QVERIFY(r->errors.isEmpty());
        QCOMPARE(r->entries.size(), 2);
        QCOMPARE(r->entries[1].plate, QStringLiteral("AMBER1"));
        QCOMPARE(r->entries[1].state, QStringLiteral("NV"));
        QCOMPARE(r->entries[1].category, HotlistCategory::AmberAlert);
        QVERIFY(!r->entries[0].clets.recordText.contains(u'\r'));
    }
}

void TestHotlistParsers::caDojReadsAGoodFile()
{
    const QByteArray data = "DATE 20260601\r\n"
                            "7ABC123 CA1920260515\r\n"
                            "4XYZ99  NV01\r\n"
                            "TOTAL RECORD 0000002\r\n";
    const auto r = CaDojHotlistParser::parse(data, HotlistCategory::StolenPlate);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->entries.size(), 2);
    QCOMPARE(r->entries[0].plate, QStringLiteral("7ABC123"));
    QCOMPARE(r->entries[0].state, QStringLiteral("CA"));
    QCOMPARE(r->entries[0].clets.incidentDate, QStringLiteral("2026-05-15"));
    QCOMPARE(r->entries[0].notes, QStringLiteral("county 19"));
    QCOMPARE(r->entries[0].category, HotlistCategory::StolenPlate);
    QCOMPARE(r->entries[1].plate, QStringLiteral("4XYZ99"));
    QCOMPARE(r->entries[1].line, 3);
}

void TestHotlistParsers::caDojRefusesAWrongTrailerCount()
{
    const QByteArray data = "DATE 20260601\n7ABC123 CA1920260515\n4XYZ99  NV01\nTOTAL RECORD 0000003\n";
    const auto r = CaDojHotlistParser::parse(data, HotlistCategory::StolenVehicle);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::InvalidInput);
    QVERIFY(r.error().message.contains(QStringLiteral("says 3 records but the file has 2")));
}

void TestHotlistParsers::caDojRefusesAMissingTrailer()
{
    QVERIFY(!CaDojHotlistParser::parse("DATE 20260601\n7ABC123 CA1920260515\n", HotlistCategory::StolenVehicle));
    QVERIFY(!CaDojHotlistParser::parse("7ABC123 CA1920260515\nTOTAL RECORD 1\n", HotlistCategory::StolenVehicle));
    QVERIFY(!CaDojHotlistParser::parse({}, HotlistCategory::StolenVehicle));
}

void TestHotlistParsers::caDojReportsBadLines()
{
    const QByteArray data = QByteArray("DATE 20260601\n"
                                       "7ABC123 CA1920260515\n"
                                       "7AB\n"
                                       "        CA19\n"
                                       "7ABC124 XX19\n"
                                       "\x7f\x80\x81garbage CA\n"
                                       "7ABC125 CA1920269999\n"
                                       "TOTAL RECORD 6\n");
    const auto r = CaDojHotlistParser::parse(data, HotlistCategory::StolenVehicle);
    QVERIFY(r);
    QCOMPARE(r->entries.size(), 1);
    QVERIFY(hasErrorOn(*r, 3, QStringLiteral("short line")));
    QVERIFY(hasErrorOn(*r, 4, QStringLiteral("empty plate")));
    QVERIFY(hasErrorOn(*r, 5, QStringLiteral("bad state")));
    QVERIFY(hasErrorOn(*r, 6, QStringLiteral("not text")));
    QVERIFY(hasErrorOn(*r, 7, QStringLiteral("bad date of loss")));
}

void TestHotlistParsers::csvReadsHeaderBomAndQuotes()
{
    const QByteArray data =
        "\xEF\xBB\xBFPlate,State,Category,Reason,Priority,Expiry,Notes,Extra\r\n"
        "8abc-123,ca,amber-alert,\"Child abducted, 6 years\",high,2026-06-30,\"said \"\"blue\"\"\",x\r\n"
        "5TR 1200,,,,,,,\r\n";
    const auto r = CsvHotlistParser::parse(data, HotlistCategory::Bolo);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QVERIFY(r->errors.isEmpty());
    QCOMPARE(r->entries.size(), 2);
    const HotlistEntryInput& e = r->entries[0];
    QCOMPARE(e.plate, QStringLiteral("8ABC123"));
    QCOMPARE(e.state, QStringLiteral("CA"));
    QCOMPARE(e.category, HotlistCategory::AmberAlert);
    QCOMPARE(e.reason, QStringLiteral("Child abducted, 6 years"));
    QCOMPARE(e.priority, 1);
    QCOMPARE(*e.expiresUtc, QDateTime(QDate(2026, 6, 30), QTime(23, 59, 59), Qt::UTC));
    QCOMPARE(e.notes, QStringLiteral("said \"blue\""));
    QCOMPARE(r->entries[1].plate, QStringLiteral("5TR1200"));
    QCOMPARE(r->entries[1].category, HotlistCategory::Bolo);
    QCOMPARE(r->entries[1].priority, 0);
}

void TestHotlistParsers::csvReportsBadLines()
{
    const QByteArray data = QByteArray("plate,state,category,priority,expiry\n"
                                       "ABC123,CA,,,\n"
                                       ",CA,,,\n"
                                       "ABC124,QQ,,,\n"
                                       "ABC125,CA,spaceship,,\n"
                                       "ABC126,CA,,urgent,\n"
                                       "ABC127,CA,,,tomorrow\n"
                                       "\"ABC128,CA,,,\n"
                                       "\x01\x02\x03\n"
                                       "ABCDEFGHIJKLMN,CA,,,\n");
    const auto r = CsvHotlistParser::parse(data, HotlistCategory::Other);
    QVERIFY(r);
    QCOMPARE(r->entries.size(), 1);
    QCOMPARE(r->lines, 9);
    QVERIFY(hasErrorOn(*r, 3, QStringLiteral("empty plate")));
    QVERIFY(hasErrorOn(*r, 4, QStringLiteral("bad state")));
    QVERIFY(hasErrorOn(*r, 5, QStringLiteral("unknown category")));
    QVERIFY(hasErrorOn(*r, 6, QStringLiteral("bad priority")));
    QVERIFY(hasErrorOn(*r, 7, QStringLiteral("bad expiry")));
    QVERIFY(hasErrorOn(*r, 8, QStringLiteral("quoted field is not closed")));
    QVERIFY(hasErrorOn(*r, 9, QStringLiteral("not text")));
    QVERIFY(hasErrorOn(*r, 10, QStringLiteral("not 1-10 letters")));
}

void TestHotlistParsers::csvRefusesAFileWithoutPlateColumn()
{
    const auto r = CsvHotlistParser::parse("state,category\nCA,bolo\n", HotlistCategory::Other);
    QVERIFY(!r);
    QVERIFY(r.error().message.contains(QStringLiteral("no plate column")));
    QVERIFY(!CsvHotlistParser::parse("", HotlistCategory::Other));
}

void TestHotlistParsers::fileOverTheLimitIsRefusedBeforeReading()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // A sparse 4 GiB file: refused from its size, so the test neither writes nor reads 4 GiB.
    QVERIFY(file.resize(4LL * 1024 * 1024 * 1024));
    file.close();
    QElapsedTimer timer;
    timer.start();
    const auto r = HotlistFile::read(path, HotlistFormat::Ncic, {});
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::InvalidInput);
    QVERIFY(r.error().message.contains(QStringLiteral("over the 256 MB limit")));
    QVERIFY(timer.elapsed() < 2000);

    // The limit is the caller's: a small one refuses a small file the same way.
    QFile small(dir.filePath(QStringLiteral("small.txt")));
    QVERIFY(small.open(QIODevice::WriteOnly));
    small.write(kNcicLine + '\n');
    small.close();
    QVERIFY(!HotlistFile::read(small.fileName(), HotlistFormat::Ncic, {}, 10));
    QVERIFY(HotlistFile::read(small.fileName(), HotlistFormat::Ncic, {}, 1000));
}

void TestHotlistParsers::unreadableFileIsAnIoError()
{
    const auto r = HotlistFile::read(QStringLiteral("/nonexistent/list.txt"), HotlistFormat::Csv, {});
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Io);
}

void TestHotlistParsers::fileHashIsOfTheBytes()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("list.csv")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("plate\nABC123\n");
    file.close();
    const auto r = HotlistFile::read(file.fileName(), HotlistFormat::Csv, HotlistCategory::Other);
    QVERIFY(r);
    QCOMPARE(r->sha256,
             QString::fromLatin1(QCryptographicHash::hash("plate\nABC123\n", QCryptographicHash::Sha256).toHex()));
    QCOMPARE(r->fileName, QStringLiteral("list.csv"));
}

QTEST_GUILESS_MAIN(TestHotlistParsers)
#include "TestHotlistParsers.moc"
