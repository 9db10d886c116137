#include "common/Paths.h"
#include "engine/PlateFormatBook.h"

#include <QFile>
#include <QtTest>

using namespace alpr;
using namespace alpr::engine;

class TestPlateFormatBook : public QObject {
    Q_OBJECT

private:
    static PlateFormatBook shipped()
    {
        QFile file(paths::sourceDirectory() + QStringLiteral("/resources/models/plate_formats.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("plate_formats.json missing");
        auto book = PlateFormatBook::fromJson(file.readAll());
        if (!book)
            qFatal("plate_formats.json does not parse");
        return *book;
    }

private slots:
    void layouts()
    {
        QCOMPARE(PlateFormatBook::layoutOf(QStringLiteral("7ABC123")), QStringLiteral("DLLLDDD"));
        QCOMPARE(PlateFormatBook::layoutOf(QString()), QString());
    }

    void shippedBookKnowsCommonFormats()
    {
        const PlateFormatBook book = shipped();
        QVERIFY(book.formatCount() >= 20);
        QVERIFY(book.matches(QStringLiteral("7ABC123"))); // California
        QVERIFY(book.matches(QStringLiteral("ABC1234"))); // Texas, New York, ...
        QVERIFY(book.statesFor(QStringLiteral("7ABC123")).contains(QStringLiteral("ca")));
        QVERIFY(!book.matches(QStringLiteral("1A2B3C4D")));
    }

    void lookalikesFitAFormat()
    {
        const auto book = PlateFormatBook::fromJson(R"({"formats":[{"pattern":"DLLLDDD","states":["ca"]}],
                                                       "lookalikes":[["8","B"],["0","D"]]})");
        QVERIFY(book.has_value());
        // "7A8C123" misreads the B as 8; the only layout-fitting alternative swaps it back.
        QCOMPARE(book->lookalikeAlternatives(QStringLiteral("7A8C123")), QStringList{QStringLiteral("7ABC123")});
        QVERIFY(book->lookalikeAlternatives(QStringLiteral("7ABC123")).isEmpty());
        // Two substitutions when allowed, none beyond the budget.
        QCOMPARE(book->lookalikeAlternatives(QStringLiteral("7A8C12D"), 2), QStringList{QStringLiteral("7ABC120")});
        QVERIFY(book->lookalikeAlternatives(QStringLiteral("7A8C12D"), 1).isEmpty());
    }

    void malformedDocuments()
    {
        QVERIFY(!PlateFormatBook::fromJson("not json"));
        QVERIFY(!PlateFormatBook::fromJson(R"({"formats":[]})"));
        QVERIFY(!PlateFormatBook::fromJson(R"({"formats":[{"pattern":"LLX"}]})"));
        QVERIFY(!PlateFormatBook::fromJson(R"({"formats":[{"pattern":"LL"}],"lookalikes":[["AB","C"]]})"));
    }
};

QTEST_GUILESS_MAIN(TestPlateFormatBook)
#include "TestPlateFormatBook.moc"
