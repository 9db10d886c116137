#include "common/ValueParser.h"

#include <QtTest>

#include <optional>

using namespace alpr;

class TestValueParser : public QObject {
    Q_OBJECT

    static void row(const char* name, const char* kind, const QString& text)
    {
        QTest::newRow(name) << QString::fromLatin1(kind) << text;
    }

private slots:
    void acceptsWhatPeopleType()
    {
        QCOMPARE(*ValueParser::date(QStringLiteral("2026-05-30")), QDate(2026, 5, 30));
        QCOMPARE(*ValueParser::utcTime(QStringLiteral("2026-05-30T18:00:00Z")),
                 QDateTime(QDate(2026, 5, 30), QTime(18, 0), Qt::UTC));
        // No zone: UTC, as every time in the store; an offset is converted.
        QCOMPARE(*ValueParser::utcTime(QStringLiteral("2026-05-30T18:00:00")),
                 QDateTime(QDate(2026, 5, 30), QTime(18, 0), Qt::UTC));
        QCOMPARE(*ValueParser::utcTime(QStringLiteral("2026-05-30T18:00:00.250+02:00")),
                 QDateTime(QDate(2026, 5, 30), QTime(16, 0, 0, 250), Qt::UTC));
        QCOMPARE(*ValueParser::utcTime(QStringLiteral("2026-05-30"), ValueParser::DayEdge::End),
                 QDateTime(QDate(2026, 5, 30), QTime(23, 59, 59, 999), Qt::UTC));
        const auto p = ValueParser::position(QStringLiteral(" 39.29045 , -76.6122 "));
        QVERIFY(p);
        QCOMPARE(p->latitude, 39.29045);
        QCOMPARE(p->longitude, -76.6122);
        const auto polygon = ValueParser::positions(QStringLiteral("39.29,-76.62;39.30,-76.62;;39.30,-76.60;"));
        QVERIFY(polygon);
        QCOMPARE(polygon->size(), 3);
        QCOMPARE(*ValueParser::number(QStringLiteral("500.5"), QStringLiteral("--radius")), 500.5);
    }

    void refusesBadInput_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("text");
        const QString huge(100000, QLatin1Char('9'));
        const QString control = QStringLiteral("2026-05-30") + QChar(0x1b) + QStringLiteral("[2J");
        for (const char* kind : {"date", "time", "position", "positions", "number"}) {
            QTest::addRow("%s empty", kind) << QString::fromLatin1(kind) << QString();
            QTest::addRow("%s blank", kind) << QString::fromLatin1(kind) << QStringLiteral("   ");
            QTest::addRow("%s 100k characters", kind) << QString::fromLatin1(kind) << huge;
            QTest::addRow("%s control characters", kind) << QString::fromLatin1(kind) << control;
            QTest::addRow("%s invalid UTF-8", kind)
                << QString::fromLatin1(kind) << QString::fromUtf8("\xff\xfe\xc3\x28 1,2");
        }
        row("date 2026-02-30", "date", QStringLiteral("2026-02-30"));
        row("time 25 o'clock", "time", QStringLiteral("2026-05-30T25:00:00Z"));
        row("date with trailing text", "date", QStringLiteral("2026-05-30xyz"));
        row("date with another separator", "date", QStringLiteral("2026-05.05"));
        row("time with trailing text", "time", QStringLiteral("2026-05-30 junk"));
        row("position nan", "position", QStringLiteral("nan,-76.6"));
        row("position inf", "position", QStringLiteral("39.2,inf"));
        row("position latitude 91", "position", QStringLiteral("91,0"));
        row("position longitude -180.5", "position", QStringLiteral("0,-180.5"));
        row("position three numbers", "position", QStringLiteral("1,2,3"));
        row("positions one bad", "positions", QStringLiteral("1,2;3,4;x,5"));
        row("positions 1001", "positions", QStringLiteral("1,2;").repeated(1001));
        row("number nan", "number", QStringLiteral("nan"));
        row("number overflow", "number", QStringLiteral("1e999"));
    }

    void refusesBadInput()
    {
        QFETCH(QString, kind);
        QFETCH(QString, text);
        // Only the error of a refused value is read: error() of an accepted one is undefined behaviour (UBSan).
        std::optional<Error> refusal;
        const auto refused = [&](const auto& result) {
            if (!result)
                refusal = result.error();
        };
        if (kind == QLatin1String("date"))
            refused(ValueParser::date(text));
        else if (kind == QLatin1String("time"))
            refused(ValueParser::utcTime(text));
        else if (kind == QLatin1String("position"))
            refused(ValueParser::position(text));
        else if (kind == QLatin1String("positions"))
            refused(ValueParser::positions(text));
        else
            refused(ValueParser::number(text, QStringLiteral("--radius")));
        QVERIFY2(refusal.has_value(), "accepted");
        const Error& error = *refusal;
        QCOMPARE(error.code, ErrorCode::InvalidInput);
        // The message quotes little of the input and never a control character.
        QVERIFY2(error.message.size() < 200, qPrintable(error.message));
        for (const QChar c : error.message)
            QVERIFY(c.category() != QChar::Other_Control);
    }
};

QTEST_GUILESS_MAIN(TestValueParser)
#include "TestValueParser.moc"
