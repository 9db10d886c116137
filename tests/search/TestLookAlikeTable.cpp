#include "search/LookAlikeTable.h"

#include <QTest>

using namespace alpr;

class TestLookAlikeTable : public QObject {
    Q_OBJECT

private slots:
    void standardGroupsFromTheIssue_data();
    void standardGroupsFromTheIssue();
    void canonicalTextFoldsLookAlikes();
    void rejectsBadTables();
};

void TestLookAlikeTable::standardGroupsFromTheIssue_data()
{
    QTest::addColumn<QChar>("a");
    QTest::addColumn<QChar>("b");
    QTest::addColumn<bool>("lookAlike");
    const QList<std::pair<char, char>> same{{'0', 'O'}, {'0', 'D'}, {'O', 'Q'}, {'1', 'I'}, {'1', 'L'}, {'1', 'T'},
                                            {'I', '7'}, {'2', 'Z'}, {'5', 'S'}, {'6', 'G'}, {'8', 'B'}};
    for (const auto& [a, b] : same)
        QTest::addRow("%c~%c", a, b) << QChar(QLatin1Char(a)) << QChar(QLatin1Char(b)) << true;
    const QList<std::pair<char, char>> different{{'0', '1'}, {'8', '5'}, {'A', 'B'}, {'Z', 'S'}, {'7', '2'}};
    for (const auto& [a, b] : different)
        QTest::addRow("%c!%c", a, b) << QChar(QLatin1Char(a)) << QChar(QLatin1Char(b)) << false;
}

void TestLookAlikeTable::standardGroupsFromTheIssue()
{
    QFETCH(QChar, a);
    QFETCH(QChar, b);
    QFETCH(bool, lookAlike);
    const LookAlikeTable& t = LookAlikeTable::standard();
    QCOMPARE(t.lookAlike(LookAlikeTable::symbolOf(a), LookAlikeTable::symbolOf(b)), lookAlike);
    QCOMPARE(t.lookAlike(LookAlikeTable::symbolOf(b), LookAlikeTable::symbolOf(a)), lookAlike);
}

void TestLookAlikeTable::canonicalTextFoldsLookAlikes()
{
    const LookAlikeTable& t = LookAlikeTable::standard();
    QCOMPARE(t.canonicalText(QStringLiteral("7AB8123")), t.canonicalText(QStringLiteral("TA88I2B")));
    QVERIFY(t.canonicalText(QStringLiteral("7AB8123")) != t.canonicalText(QStringLiteral("7AB8124")));
}

void TestLookAlikeTable::rejectsBadTables()
{
    QVERIFY(LookAlikeTable::fromText(QStringLiteral("0 O\n8 B # comment\n")).has_value());
    const auto twice = LookAlikeTable::fromText(QStringLiteral("0 O\nO Q\n"));
    QVERIFY(!twice);
    QVERIFY(twice.error().message.contains(QStringLiteral("already")));
    QVERIFY(!LookAlikeTable::fromText(QStringLiteral("0 %\n")));
    const auto custom = LookAlikeTable::fromText(QStringLiteral("A 4\n"));
    QVERIFY(custom->lookAlike(LookAlikeTable::symbolOf(QLatin1Char('4')), LookAlikeTable::symbolOf(QLatin1Char('A'))));
    QVERIFY(!custom->lookAlike(LookAlikeTable::symbolOf(QLatin1Char('0')), LookAlikeTable::symbolOf(QLatin1Char('O'))));
}

QTEST_GUILESS_MAIN(TestLookAlikeTable)
#include "TestLookAlikeTable.moc"
