#include "common/Paths.h"
#include "import/ContainerTime.h"

#include <QBuffer>
#include <QTest>
#include <QtEndian>

using namespace alpr;

namespace {

constexpr quint64 kSecondsFrom1904To1970 = 2082844800;

QByteArray box(const char* type, const QByteArray& body)
{
    QByteArray out(4, '\0');
    qToBigEndian<quint32>(quint32(8 + body.size()), out.data());
    return out + QByteArray(type, 4) + body;
}

QByteArray mvhd(int version, quint64 creation)
{
    QByteArray body(1, char(version));
    body += QByteArray(3, '\0');
    QByteArray time(version == 1 ? 8 : 4, '\0');
    if (version == 1)
        qToBigEndian<quint64>(creation, time.data());
    else
        qToBigEndian<quint32>(quint32(creation), time.data());
    body += time + time + QByteArray(version == 1 ? 16 : 12, '\0') + QByteArray(80, '\0');
    return box("mvhd", body);
}

quint64 since1904(const QDateTime& t)
{
    return quint64(t.toSecsSinceEpoch()) + kSecondsFrom1904To1970;
}

Result<QDateTime> readBytes(QByteArray bytes)
{
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    return ContainerTime::read(buffer);
}

const QDateTime kRecorded(QDate(2026, 11, 2), QTime(14, 5, 7), Qt::UTC);

} // namespace

class TestContainerTime : public QObject {
    Q_OBJECT
private slots:
    void readsTheMovieHeaderWhereverItLies()
    {
        const QByteArray ftyp = box("ftyp", "isom\0\0\0\x01isomavc1");
        const QByteArray mdat = box("mdat", QByteArray(5000, '\x42'));
        const QByteArray moov = box("moov", box("udta", "xx") + mvhd(0, since1904(kRecorded)) + box("trak", "t"));
        QCOMPARE(*readBytes(ftyp + moov + mdat), kRecorded); // "fast start": header first
        QCOMPARE(*readBytes(ftyp + mdat + moov), kRecorded); // as a camera writes it: header last
        QCOMPARE(*readBytes(ftyp + box("moov", mvhd(1, since1904(kRecorded))) + mdat), kRecorded); // 64-bit times
        // A 64-bit box size and a last box that runs to the end of the file (size 0).
        QByteArray large(4, '\0');
        qToBigEndian<quint32>(1, large.data());
        QByteArray size64(8, '\0');
        qToBigEndian<quint64>(quint64(16 + 100), size64.data());
        QByteArray toEnd = box("moov", mvhd(0, since1904(kRecorded)));
        qToBigEndian<quint32>(0, toEnd.data());
        QCOMPARE(*readBytes(ftyp + large + "mdat" + size64 + QByteArray(100, '\0') + toEnd), kRecorded);
    }

    void anUnsetClockIsNoTime()
    {
        const QByteArray ftyp = box("ftyp", "isom");
        QCOMPARE(readBytes(ftyp + box("moov", mvhd(0, 0))).error().code, ErrorCode::NotFound);
        // 1970-01-01, a camera whose clock was never set.
        QCOMPARE(readBytes(ftyp + box("moov", mvhd(0, kSecondsFrom1904To1970))).error().code, ErrorCode::NotFound);
        QCOMPARE(readBytes(ftyp + box("moov", mvhd(1, ~quint64(0)))).error().code, ErrorCode::NotFound);
        QCOMPARE(readBytes(ftyp + box("mdat", "x")).error().code, ErrorCode::NotFound);
        QCOMPARE(readBytes(ftyp + box("moov", box("trak", "t"))).error().code, ErrorCode::NotFound);
    }

    void malformedBoxesAreRefused()
    {
        const QByteArray ftyp = box("ftyp", "isom");
        QByteArray tooLong = box("moov", mvhd(0, since1904(kRecorded)));
        qToBigEndian<quint32>(quint32(1 << 30), tooLong.data());
        QCOMPARE(readBytes(ftyp + tooLong).error().code, ErrorCode::Corrupt);
        QByteArray tooShort = box("mdat", "x");
        qToBigEndian<quint32>(3, tooShort.data());
        QCOMPARE(readBytes(ftyp + tooShort).error().code, ErrorCode::Corrupt);
        QCOMPARE(readBytes(ftyp + box("moov", box("mvhd", "\0\0\0"))).error().code, ErrorCode::Corrupt);
        QCOMPARE(readBytes(ftyp + box("moov", box("mvhd", QByteArray("\x07\0\0\0\0\0\0\0", 8)))).error().code,
                 ErrorCode::Corrupt);
        QByteArray empties;
        for (int i = 0; i < 5000; ++i)
            empties += box("free", {});
        QCOMPARE(readBytes(ftyp + empties + box("moov", mvhd(0, since1904(kRecorded)))).error().code,
                 ErrorCode::Corrupt);
        QCOMPARE(readBytes({}).error().code, ErrorCode::NotFound);
        QCOMPARE(readBytes(QByteArray(4096, 'x')).error().code, ErrorCode::Corrupt);
        QCOMPARE(ContainerTime::readFile(QStringLiteral("/no/such/file.mp4")).error().code, ErrorCode::Io);
    }

    void realFootage()
    {
        const QString clip = paths::sharedDataDirectory() + QStringLiteral("/footage/karma.mp4");
        if (paths::sharedDataDirectory().isEmpty() || !QFile::exists(clip))
            QSKIP("../shared/data/footage is absent: the footage fixture is not available here");
        auto time = ContainerTime::readFile(clip);
        QVERIFY2(time, time ? "" : qPrintable(time.error().toString()));
        QCOMPARE(*time, QDateTime(QDate(2017, 4, 17), QTime(19, 27, 57), Qt::UTC));
    }
};

QTEST_GUILESS_MAIN(TestContainerTime)
#include "TestContainerTime.moc"
