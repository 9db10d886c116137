// Every alprctl command that takes input, fed what a careless or hostile user might type: empty words, 100,000
// characters, invalid UTF-8, control characters, NaN/inf/out-of-range coordinates, crossing or huge polygons, bad
// dates and numbers, and an image whose header announces a decompression bomb. Each must end with a clear message
// and the documented exit code, and change nothing.
#include "accounts/Session.h"
#include "audit/AuditLog.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace alpr;

namespace {

const QString kAdmin = QStringLiteral("chief");
const QString kPassword = QStringLiteral("Commander-2026!");

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// A PNG signature and IHDR announcing width x height; no pixel data follows. Decoding it would ask for
// width*height*4 bytes.
QByteArray pngHeader(quint32 width, quint32 height)
{
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    QByteArray ihdr("\0\0\0\x0dIHDR", 8);
    char dims[8];
    qToBigEndian(width, dims);
    qToBigEndian(height, dims + 4);
    ihdr.append(dims, 8);
    ihdr.append("\x08\x06\0\0\0", 5);
    ihdr.append("\0\0\0\0", 4); // CRC not checked by a size probe
    return png + ihdr;
}

QList<QByteArray> with(QList<QByteArray> words, qsizetype index, const QByteArray& value)
{
    words[index] = value;
    return words;
}

QString bowTie()
{
    return QStringLiteral("39.29,-76.62;39.30,-76.61;39.29,-76.61;39.30,-76.62");
}

QString manyPoints(int n)
{
    QStringList points;
    for (int i = 0; i < n; ++i) {
        const double angle = 2.0 * M_PI * i / n;
        points.append(QStringLiteral("%1,%2")
                          .arg(39.29 + 0.01 * std::sin(angle), 0, 'f', 6)
                          .arg(-76.61 + 0.01 * std::cos(angle), 0, 'f', 6));
    }
    return points.join(QLatin1Char(';'));
}

} // namespace

class TestBadInput : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString store() const { return m_dir.filePath(QStringLiteral("store")); }

    /// Runs alprctl as the Commander. Words that are not valid UTF-8 go through the shell as raw bytes (printf
    /// octal escapes), so they reach alprctl unchanged; QProcess would encode a QString.
    CliRun run(const QList<QByteArray>& words, const QStringList& moreStdin = {}, bool login = true)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ALPR_KDF_ITERATIONS"), QStringLiteral("2000"));
        env.insert(QStringLiteral("ALPRCTL"), QStringLiteral(ALPRCTL_PATH));
        env.insert(QStringLiteral("STORE"), store());
        p.setProcessEnvironment(env);
        QStringList args{QStringLiteral("--store"), store()};
        if (login)
            args += QStringList{QStringLiteral("--user"), kAdmin, QStringLiteral("--password-stdin")};
        bool allUtf8 = true;
        for (const QByteArray& w : words) {
            allUtf8 = allUtf8 && QString::fromUtf8(w).toUtf8() == w;
            args.append(QString::fromUtf8(w));
        }
        if (allUtf8) {
            p.start(QStringLiteral(ALPRCTL_PATH), args);
        } else {
            // $(...) strips trailing newlines: each word carries a '_' that the loop cuts off again.
            QString body = QStringLiteral("set --");
            for (const QByteArray& w : words) {
                QString escaped;
                for (const char ch : w)
                    escaped += QStringLiteral("\\%1").arg(int(quint8(ch)), 3, 8, QLatin1Char('0'));
                body += QStringLiteral(" \"$(printf '%1_')\"").arg(escaped);
            }
            body += QStringLiteral(
                "; for w; do shift; set -- \"$@\" \"${w%_}\"; done; exec \"$ALPRCTL\" --store \"$STORE\" ");
            if (login)
                body += QStringLiteral("--user chief --password-stdin ");
            body += QStringLiteral("\"$@\"");
            p.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), body});
        }
        if (!p.waitForStarted())
            return {};
        const QStringList lines = login ? QStringList{kPassword} + moreStdin : moreStdin;
        p.write((lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
        p.closeWriteChannel();
        p.waitForFinished(120000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    qint64 auditCount()
    {
        auto session = Session::login(store(), kAdmin, kPassword);
        if (!session)
            return -1;
        return (*session)->database().queryInt64(
            QStringLiteral("SELECT count(*) FROM audit WHERE action NOT LIKE 'login%'"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const CliRun init = run({"init", "--admin", "chief", "--training-until", "2099-12-31"}, {kPassword}, false);
        QCOMPARE(init.exitCode, 0);
        // A bomb in a file with a plain name; the header says 100000 x 100000 pixels (40 GB decoded).
        QFile bomb(m_dir.filePath(QStringLiteral("bomb.png")));
        QVERIFY(bomb.open(QIODevice::WriteOnly));
        bomb.write(pngHeader(100000, 100000) + QByteArray(64, '\0'));
        bomb.close();
        QFile empty(m_dir.filePath(QStringLiteral("empty.jpg")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        const CliRun c = run({"case", "add", "26-0700", "--title", "Bad input case"});
        QVERIFY2(c.exitCode == 0, qPrintable(c.err));
    }

    void refusedWithAClearMessage_data()
    {
        QTest::addColumn<QList<QByteArray>>("words");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");

        const QByteArray huge(100000, 'A');
        const QByteArray purpose = "--purpose";
        const QByteArray why = "Investigation";
        const QByteArray caseOpt = "--case";
        const QByteArray caseNo = "26-0700";
        const QByteArray bomb = m_dir.filePath(QStringLiteral("bomb.png")).toUtf8();
        const QByteArray empty = m_dir.filePath(QStringLiteral("empty.jpg")).toUtf8();
        auto canvassAt = [&](const QByteArray& at, const QByteArray& radius) {
            return QList<QByteArray>{"canvass", "--at", at, "--radius", radius, purpose, why, caseOpt, caseNo};
        };
        auto canvassPolygon = [&](const QByteArray& polygon) {
            return QList<QByteArray>{"canvass", "--polygon", polygon, purpose, why, caseOpt, caseNo};
        };
        auto search = [&](const QList<QByteArray>& extra) {
            return QList<QByteArray>{"search", "AB*"} + extra + QList<QByteArray>{purpose, why, caseOpt, caseNo};
        };

        // Anything, anywhere on the command line.
        QTest::newRow("empty command") << QList<QByteArray>{""} << 1 << "usage: alprctl";
        QTest::newRow("huge pattern") << QList<QByteArray>{"search", huge, purpose, why, caseOpt, caseNo} << 1
                                      << "too long";
        QTest::newRow("huge case title") << QList<QByteArray>{"case", "add", "26-0701", "--title", huge} << 1
                                         << "too long";
        QTest::newRow("invalid UTF-8 pattern")
            << QList<QByteArray>{"search", "AB\xff\xfe", purpose, why, caseOpt, caseNo} << 1 << "not valid UTF-8";
        QTest::newRow("invalid UTF-8 purpose") << with(search({}), 3, "Inv\xc3\x28") << 1 << "not valid UTF-8";
        QTest::newRow("overlong UTF-8 slash")
            << QList<QByteArray>{"case", "add", "26-0702", "--title", "a\xc0\xaf"} << 1 << "not valid UTF-8";
        QTest::newRow("escape sequence in title")
            << QList<QByteArray>{"case", "add", "26-0703", "--title", "\x1b[31mred"} << 1 << "control character";
        QTest::newRow("newline in purpose") << with(search({}), 3, "line one\nline two") << 1 << "control character";
        QTest::newRow("NUL-free tab in note")
            << QList<QByteArray>{"hold", "add", "evidence", "--case", caseNo, "--note", "a\tb"} << 1
            << "control character";

        // Empty values.
        QTest::newRow("empty pattern") << QList<QByteArray>{"search", "", purpose, why, caseOpt, caseNo} << 1
                                       << "pattern";
        QTest::newRow("empty purpose") << with(search({}), 3, "") << 2 << "purpose";
        QTest::newRow("empty case number") << with(search({}), 5, "") << 2 << "case";
        QTest::newRow("empty case add") << QList<QByteArray>{"case", "add", "", "--title", "x"} << 1
                                        << "case number format";
        QTest::newRow("empty unit") << QList<QByteArray>{"import", empty, "--unit", ""} << 1 << "usage";

        // Coordinates.
        QTest::newRow("NaN centre") << canvassAt("nan,-76.61", "100") << 1 << "not a position";
        QTest::newRow("inf centre") << canvassAt("39.29,inf", "100") << 1 << "not a position";
        QTest::newRow("latitude 91") << canvassAt("91,-76.61", "100") << 1 << "not a position";
        QTest::newRow("longitude -181") << canvassAt("39.29,-181", "100") << 1 << "not a position";
        QTest::newRow("one number") << canvassAt("39.29", "100") << 1 << "not a position";
        QTest::newRow("NaN radius") << canvassAt("39.29,-76.61", "nan") << 1 << "radius";
        QTest::newRow("inf radius") << canvassAt("39.29,-76.61", "inf") << 1 << "radius";
        QTest::newRow("negative radius") << canvassAt("39.29,-76.61", "-5") << 1 << "radius";
        QTest::newRow("radius 1e9 m") << canvassAt("39.29,-76.61", "1e9") << 1 << "radius";
        QTest::newRow("import NaN location")
            << QList<QByteArray>{"import", empty, "--unit", "CAR-1", "--location", "nan,1"} << 1 << "--location";
        QTest::newRow("import location 200")
            << QList<QByteArray>{"import", empty, "--unit", "CAR-1", "--location", "10,200"} << 1 << "--location";
        QTest::newRow("search NaN area") << search({"--area", "nan,0,1,1"}) << 1 << "rectangle";
        QTest::newRow("search area out of range") << search({"--area", "-100,0,100,1"}) << 1 << "rectangle";
        QTest::newRow("search NaN confidence") << search({"--min-confidence", "nan"}) << 1 << "confidence";
        QTest::newRow("search confidence 7") << search({"--min-confidence", "7"}) << 1 << "confidence";

        // Polygons.
        QTest::newRow("self-intersecting polygon") << canvassPolygon(bowTie().toUtf8()) << 1 << "crosses itself";
        QTest::newRow("polygon of 1001 points")
            << canvassPolygon(manyPoints(1001).toUtf8()) << 1 << "longer than 10000 characters";
        // Short enough to pass the length check, so the position count is what refuses it.
        QTest::newRow("polygon of 1001 short points")
            << canvassPolygon(QStringLiteral("1,1;").repeated(1001).toUtf8()) << 1 << "more than 1000 positions";
        QTest::newRow("polygon of a continent") << canvassPolygon("30,-90;30,-70;45,-70;45,-90") << 1 << "span at most";
        QTest::newRow("polygon of two points") << canvassPolygon("39.29,-76.61;39.30,-76.61") << 1 << "three points";
        QTest::newRow("polygon with NaN")
            << canvassPolygon("39.29,-76.61;nan,-76.60;39.30,-76.61") << 1 << "not a position";

        // Dates and times.
        QTest::newRow("month 13") << search({"--from", "2026-13-01"}) << 1 << "ISO 8601";
        QTest::newRow("30 February") << search({"--from", "2026-02-30"}) << 1 << "ISO 8601";
        QTest::newRow("from after to") << search({"--from", "2026-12-01", "--to", "2026-01-01"}) << 1 << "before";
        QTest::newRow("words for a date") << QList<QByteArray>{"audit", "list", "--from", "yesterday"} << 1 << "date";
        QTest::newRow("training 30 February")
            << QList<QByteArray>{"user", "training", "chief", "--until", "2026-02-30"} << 1 << "not a date";
        QTest::newRow("import start garbage")
            << QList<QByteArray>{"import", empty, "--unit", "CAR-1", "--start", "soon"} << 1 << "ISO 8601";
        QTest::newRow("legal hold until slashes")
            << QList<QByteArray>{"hold",        "add", "legal",   "--requester", "DA",
                                 "--reference", "R-1", "--until", "31/12/2026"}
            << 1 << "date";
        QTest::newRow("canvass window year 99999") << QList<QByteArray>{"canvass",
                                                                        "--at",
                                                                        "39.29,-76.61",
                                                                        "--radius",
                                                                        "100",
                                                                        "--from",
                                                                        "99999-01-01T00:00:00Z",
                                                                        "--to",
                                                                        "99999-01-02T00:00:00Z",
                                                                        purpose,
                                                                        why,
                                                                        caseOpt,
                                                                        caseNo}
                                                   << 1 << "ISO 8601";

        // Numbers.
        QTest::newRow("negative reads") << QList<QByteArray>{"demo-data", "--reads", "-5"} << 1 << "reads";
        QTest::newRow("reads beyond 64 bits")
            << QList<QByteArray>{"demo-data", "--reads", "99999999999999999999999"} << 1 << "reads";
        QTest::newRow("tolerance 7") << search({"--tolerance", "7"}) << 1 << "tolerance";
        QTest::newRow("retention below the floor")
            << QList<QByteArray>{"retention", "set", "--reads-days", "10"} << 1 << "365";
        QTest::newRow("lockout of zero failures")
            << QList<QByteArray>{"user", "lockout", "--failures", "0"} << 1 << "1 to";
        QTest::newRow("lockout window words")
            << QList<QByteArray>{"user", "lockout", "--window", "ten"} << 1 << "whole number";
        QTest::newRow("read ids backwards")
            << QList<QByteArray>{"case", "attach", caseNo, "--reads", "20-10"} << 1 << "20-10";

        // Images: the size is read from the header before anything is decoded.
        QTest::newRow("decompression bomb recognize") << QList<QByteArray>{"recognize", bomb} << 4 << "100000";
        QTest::newRow("decompression bomb import")
            << QList<QByteArray>{"import", bomb, "--unit", "CAR-1"} << 4 << "100000";
        QTest::newRow("empty image import")
            << QList<QByteArray>{"import", empty, "--unit", "CAR-1"} << 4 << "empty.jpg";
    }

    void refusedWithAClearMessage()
    {
        QFETCH(QList<QByteArray>, words);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const qint64 before = auditCount();
        const CliRun r = run(words);
        QVERIFY2(
            r.exitCode == exitCode,
            qPrintable(QStringLiteral("exit %1, expected %2: %3").arg(r.exitCode).arg(exitCode).arg(r.err.left(400))));
        QVERIFY2(r.err.contains(message, Qt::CaseInsensitive), qPrintable(r.err.left(400)));
        // Short, printable, and nothing of SQLite or a stack.
        QVERIFY2(r.err.size() < 4000, qPrintable(QString::number(r.err.size())));
        for (const QChar c : r.err)
            QVERIFY2(c == QLatin1Char('\n') || c == QLatin1Char('\r') || c.category() != QChar::Other_Control,
                     "a control character reached the terminal");
        QVERIFY(!r.err.contains(QLatin1String("sqlite"), Qt::CaseInsensitive));
        QVERIFY(!r.err.contains(QLatin1String("SQL logic error")));
        // Nothing was changed: no record beyond logins and refusals.
        const qint64 after = auditCount();
        QVERIFY2(after - before <= 1, qPrintable(QStringLiteral("%1 new records").arg(after - before)));
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "TestBadInput.moc"
