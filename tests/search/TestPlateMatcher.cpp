#include "search/LookAlikeTable.h"
#include "search/PlateMatcher.h"

#include <QTest>

#include <bit>

using namespace alpr;

class TestPlateMatcher : public QObject {
    Q_OBJECT

private slots:
    void matches_data();
    void matches();
    void lookAlikesOfAPlateMatchAlikeFromTolerance1();
};

void TestPlateMatcher::matches_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<int>("tolerance");
    QTest::addColumn<QString>("plate");
    QTest::addColumn<bool>("matches");
    QTest::addColumn<int>("score");
    QTest::addColumn<QString>("explanation");

    QTest::newRow("exact") << "7AB8123" << 0 << "7AB8123" << true << 0 << "exact";
    QTest::newRow("exact refuses look-alike") << "7AB8123" << 0 << "7A88123" << false << 0 << "";
    QTest::newRow("look-alike B for 8") << "7AB8123" << 1 << "7A88123" << true << 1 << "look-alike 8 for B at 3";
    QTest::newRow("two look-alikes") << "7AB8123" << 1 << "TA8B123" << true << 3 << "look-alike T for 7 at 1";
    QTest::newRow("O for 0") << "ABC1004" << 1 << "ABC1O04" << true << 1 << "look-alike O for 0 at 5";
    QTest::newRow("S for 5") << "5XY" << 1 << "SXY" << true << 1 << "look-alike S for 5 at 1";
    QTest::newRow("no arbitrary change at 1") << "7AB8123" << 1 << "7AB9123" << false << 0 << "";
    QTest::newRow("star witness") << "7*B*12" << 0 << "7XB9912" << true << 0 << "exact";
    QTest::newRow("star needs order") << "7*B*12" << 0 << "7X9B921" << false << 0 << "";
    QTest::newRow("star and look-alike") << "7*B*12" << 1 << "7X89912" << true << 1 << "look-alike 8 for B at 3";
    QTest::newRow("question mark") << "7AB?123" << 0 << "7ABX123" << true << 0 << "exact";
    QTest::newRow("question mark counts") << "7AB?123" << 0 << "7AB123" << false << 0 << "";
    QTest::newRow("missing character") << "7AB?123" << 2 << "7AB123" << true << 10 << "missing";
    QTest::newRow("extra character") << "7AB8123" << 2 << "7AB8X123" << true << 10 << "extra X at 5";
    QTest::newRow("substitution") << "7AB8123" << 2 << "7AB9123" << true << 10 << "9 instead of 8 at 4";
    QTest::newRow("two edits too many") << "7AB8123" << 2 << "7AC9123" << false << 0 << "";
    QTest::newRow("edit plus look-alike") << "7AB8123" << 2 << "7A89123" << true << 11 << "look-alike 8 for B at 3";
    QTest::newRow("set") << "[8B]12" << 0 << "B12" << true << 0 << "exact";
    QTest::newRow("set refuses look-alike at 0") << "[8B]12" << 0 << "312" << false << 0 << "";
    QTest::newRow("set look-alike") << "[8B]12" << 1 << "312" << true << 1 << "look-alike 3 for [8B] at 1";
    QTest::newRow("infix") << "*X12*" << 0 << "ABX123" << true << 0 << "exact";
    QTest::newRow("infix refuses") << "*X12*" << 0 << "ABX13" << false << 0 << "";
    QTest::newRow("infix look-alike") << "*X12*" << 1 << "ABK12" << true << 1 << "look-alike K for X at 3";
    QTest::newRow("prefix, empty rest") << "7AB*" << 0 << "7AB" << true << 0 << "exact";
    QTest::newRow("prefix refuses") << "7AB*" << 0 << "8AB99" << false << 0 << "";
    QTest::newRow("prefix look-alike") << "7AB*" << 1 << "TAB1" << true << 1 << "look-alike T for 7 at 1";
    QTest::newRow("too long a plate") << "*"
                                         "A"
                                      << 2 << QString(17, QLatin1Char('A')) << false << 0 << "";
    QTest::newRow("foreign character never exact") << "7AB" << 0 << "7A%" << false << 0 << "";
    QTest::newRow("foreign character as an edit") << "7AB" << 2 << "7A%" << true << 10 << "% instead of B at 3";
}

void TestPlateMatcher::matches()
{
    QFETCH(QString, pattern);
    QFETCH(int, tolerance);
    QFETCH(QString, plate);
    QFETCH(bool, matches);
    QFETCH(int, score);
    QFETCH(QString, explanation);
    const auto parsed = PlatePattern::parse(pattern);
    QVERIFY(parsed);
    const PlateMatcher matcher(*parsed, tolerance);
    const auto m = matcher.match(plate);
    QCOMPARE(m.has_value(), matches);
    QCOMPARE(matcher.matches(plate), matches);
    if (!m)
        return;
    QCOMPARE(m->score, score);
    QVERIFY2(m->explanation().contains(explanation), qPrintable(m->explanation()));
}

// The index lets one plate of a look-alike form decide for all of the form's plates at tolerance 1 and 2: for random
// plates and patterns, a plate and any look-alike of it (each character swapped within its group) must match alike,
// or the index would lose results or report wrong ones.
void TestPlateMatcher::lookAlikesOfAPlateMatchAlikeFromTolerance1()
{
    const LookAlikeTable& table = LookAlikeTable::standard();
    const QString alphabet = QStringLiteral("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    quint32 state = 12345;
    auto next = [&] { return state = state * 1664525u + 1013904223u; };
    int checked = 0;
    for (int round = 0; round < 3000; ++round) {
        QString plate;
        for (int k = 0; k < 5 + int(next() % 4); ++k)
            plate += alphabet[int(next() >> 8) % 36];
        // A pattern made from the plate: some characters replaced by look-alikes, wildcards or edits.
        QString pattern;
        for (QChar c : plate) {
            const quint32 r = (next() >> 8) % 10;
            if (r == 0)
                pattern += QLatin1Char('?');
            else if (r == 1)
                pattern += QLatin1Char('*');
            else if (r == 2)
                pattern += LookAlikeTable::charOf(table.canonical(LookAlikeTable::symbolOf(c)));
            else if (r == 3)
                continue;
            else
                pattern += c;
        }
        const auto parsed = PlatePattern::parse(pattern);
        if (!parsed)
            continue;
        QString lookAlike;
        for (QChar c : plate) {
            const std::uint64_t group = table.groupMask(LookAlikeTable::symbolOf(c));
            int pick = int(next() >> 8) % std::popcount(group);
            for (int s = 0; s < LookAlikeTable::kSymbolCount; ++s)
                if ((group & (std::uint64_t(1) << s)) && pick-- == 0)
                    lookAlike += LookAlikeTable::charOf(s);
        }
        for (int tolerance = 1; tolerance <= 2; ++tolerance) {
            const PlateMatcher matcher(*parsed, tolerance);
            const bool matches = matcher.matches(plate);
            QVERIFY2(matcher.matches(lookAlike) == matches,
                     qPrintable(pattern + QLatin1Char(' ') + plate + QLatin1Char(' ') + lookAlike));
            checked += matches && lookAlike != plate ? 1 : 0;
        }
    }
    QVERIFY(checked > 1000);
}

QTEST_GUILESS_MAIN(TestPlateMatcher)
#include "TestPlateMatcher.moc"
