#include "search/PlatePattern.h"

#include <QTest>

using namespace alpr;

class TestPlatePattern : public QObject {
    Q_OBJECT

private slots:
    void parsesGrammar_data();
    void parsesGrammar();
    void rejectsHostileInput_data();
    void rejectsHostileInput();
    void reportsShape();
};

void TestPlatePattern::parsesGrammar_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized");
    QTest::addColumn<int>("singles");
    QTest::newRow("literal") << "7AB8123"
                             << "7AB8123" << 7;
    QTest::newRow("lower case") << "7ab8123"
                                << "7AB8123" << 7;
    QTest::newRow("spaces and dashes") << " 7AB - 8123 "
                                       << "7AB8123" << 7;
    QTest::newRow("question marks") << "7?B?12"
                                    << "7?B?12" << 6;
    QTest::newRow("prefix") << "7AB*"
                            << "7AB*" << 3;
    QTest::newRow("infix") << "*X12*"
                           << "*X12*" << 3;
    QTest::newRow("stars collapse") << "7**12"
                                    << "7*12" << 3;
    QTest::newRow("set") << "7[8b]12"
                         << "7[8B]12" << 4;
    QTest::newRow("set sorted, digits first") << "[B8]"
                                              << "[8B]" << 1;
    QTest::newRow("set of one is a literal") << "[b]12"
                                             << "B12" << 3;
    QTest::newRow("witness example") << "7*B*12"
                                     << "7*B*12" << 4;
    QTest::newRow("only wildcard") << "?"
                                   << "?" << 1;
}

void TestPlatePattern::parsesGrammar()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);
    QFETCH(int, singles);
    const auto pattern = PlatePattern::parse(input);
    QVERIFY2(pattern.has_value(), qPrintable(pattern ? QString() : pattern.error().message));
    QCOMPARE(pattern->text(), normalized);
    QCOMPARE(pattern->singleTokenCount(), singles);
}

void TestPlatePattern::rejectsHostileInput_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("sql quote") << "7AB' OR 1=1 --"
                               << "'''";
    QTest::newRow("sql like wildcard") << "7AB%"
                                       << "'%'";
    QTest::newRow("underscore") << "7_B"
                                << "'_'";
    QTest::newRow("semicolon") << "7AB;DROP TABLE reads"
                               << "';'";
    QTest::newRow("glob class negation") << "[^A]12"
                                         << "'^'";
    QTest::newRow("newline") << QStringLiteral("7AB\n12") << "control";
    QTest::newRow("nul") << QString(QChar(0)) + QStringLiteral("7AB") << "control";
    QTest::newRow("escape") << QStringLiteral("\x1b[2J7AB") << "control";
    QTest::newRow("non-ascii letter") << QStringLiteral("7AÉ12") << "U+00C9";
    QTest::newRow("fullwidth digit") << QStringLiteral("７AB") << "U+FF17";
    QTest::newRow("very long") << QString(500, QLatin1Char('A')) << "longer than 64";
    QTest::newRow("too many characters") << QString(13, QLatin1Char('?')) << "more than 12";
    QTest::newRow("only stars") << "***"
                                << "names no character";
    QTest::newRow("empty") << ""
                           << "names no character";
    QTest::newRow("unclosed set") << "7[8B12"
                                  << "closing";
    QTest::newRow("stray close") << "7]8"
                                 << "opening";
    QTest::newRow("empty set") << "7[]8"
                               << "empty set";
    QTest::newRow("wildcard in set") << "7[8?]"
                                     << "'?' inside";
}

void TestPlatePattern::rejectsHostileInput()
{
    QFETCH(QString, input);
    QFETCH(QString, messagePart);
    const auto pattern = PlatePattern::parse(input);
    QVERIFY(!pattern.has_value());
    QCOMPARE(pattern.error().code, ErrorCode::InvalidInput);
    QVERIFY2(pattern.error().message.contains(messagePart), qPrintable(pattern.error().message));
    for (const QChar c : pattern.error().message)
        QVERIFY2(c.unicode() >= 0x20 && c.unicode() < 0x7f, "the message carries no control or foreign characters");
}

void TestPlatePattern::reportsShape()
{
    QVERIFY(PlatePattern::parse(QStringLiteral("7AB8123"))->isLiteral());
    QVERIFY(!PlatePattern::parse(QStringLiteral("7AB812?"))->isLiteral());
    QVERIFY(!PlatePattern::parse(QStringLiteral("7A[8B]"))->isLiteral());
    QVERIFY(PlatePattern::parse(QStringLiteral("7*"))->hasStar());
    QVERIFY(!PlatePattern::parse(QStringLiteral("7?"))->hasStar());
}

QTEST_GUILESS_MAIN(TestPlatePattern)
#include "TestPlatePattern.moc"
