#include "evidence/ReadIdList.h"

#include <QtTest>

using namespace alpr;

class TestReadIdList : public QObject {
    Q_OBJECT

private slots:
    void idsAndRangesInOrder()
    {
        const auto ids = ReadIdList::parse(QStringLiteral(" 12, 15 ,20-24,,13,14-16"));
        QVERIFY(ids);
        QCOMPARE(*ids, (QList<qint64>{12, 15, 20, 21, 22, 23, 24, 13, 14, 16}));
    }

    void refusesBadParts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("word") << QStringLiteral("12,abc");
        QTest::newRow("zero") << QStringLiteral("0");
        QTest::newRow("negative") << QStringLiteral("-3");
        QTest::newRow("backwards range") << QStringLiteral("9-5");
        QTest::newRow("double range") << QStringLiteral("1-2-3");
        QTest::newRow("range too long") << QStringLiteral("1-100001");
        QTest::newRow("overflow") << QStringLiteral("99999999999999999999");
        // Found by ReadIdListFuzzer: ranges that are each allowed made a 60-character list name 500 000 ids.
        QTest::newRow("too many ids in all")
            << QStringLiteral("1-100000,100001-200000,200001-300000,300001-400000,400001-500000");
    }

    void refusesBadParts()
    {
        QFETCH(QString, text);
        const auto ids = ReadIdList::parse(text);
        QVERIFY(!ids);
        QCOMPARE(ids.error().code, ErrorCode::InvalidInput);
    }

    void exactlyTheLimitIsFine()
    {
        const auto ids = ReadIdList::parse(QStringLiteral("1-50000,50001-100000,100000"));
        QVERIFY(ids);
        QCOMPARE(ids->size(), ReadIdList::kMaxIds);
    }
};

QTEST_GUILESS_MAIN(TestReadIdList)
#include "TestReadIdList.moc"
