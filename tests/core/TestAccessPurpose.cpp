#include "TestStore.h"
#include "audit/AccessPurpose.h"

#include <QTest>

using namespace alpr;

class TestAccessPurpose : public QObject {
    Q_OBJECT
private slots:
    void validation_data()
    {
        QTest::addColumn<QString>("purpose");
        QTest::addColumn<QString>("caseNumber");
        QTest::addColumn<int>("expected"); // -1 ok, else ErrorCode
        QTest::newRow("ok") << "Criminal investigation" << "24-001234" << -1;
        QTest::newRow("ok lower case") << "Homicide" << "sb24-0012" << -1;
        QTest::newRow("no purpose") << "" << "24-001234" << int(ErrorCode::PurposeRequired);
        QTest::newRow("blank purpose") << "   " << "24-001234" << int(ErrorCode::PurposeRequired);
        QTest::newRow("no case") << "Homicide" << "" << int(ErrorCode::PurposeRequired);
        QTest::newRow("sql in case") << "Homicide" << "1'; DROP TABLE reads;--" << int(ErrorCode::InvalidInput);
        QTest::newRow("control char") << "Homi\x01cide" << "24-1" << int(ErrorCode::InvalidInput);
        QTest::newRow("too long") << QString(300, QLatin1Char('a')) << "24-1" << int(ErrorCode::InvalidInput);
    }

    void validation()
    {
        QFETCH(QString, purpose);
        QFETCH(QString, caseNumber);
        QFETCH(int, expected);
        test::TestStore ts;
        QVERIFY(ts.isValid());
        const auto result = ts.session().purposePolicy().validate({purpose, caseNumber});
        if (expected < 0)
            QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().message));
        else
            QCOMPARE(int(result.error().code), expected);
    }

    void caseFormatIsConfigurable()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        auto& db = ts.session().database();
        QVERIFY(AccessPurposePolicy::save(db, {QStringLiteral("Only this")}, QStringLiteral("^SB-\\d{6}$")));
        const auto policy = ts.session().purposePolicy();
        QCOMPARE(policy.purposes(), QStringList{QStringLiteral("Only this")});
        QVERIFY(policy.validate({QStringLiteral("Only this"), QStringLiteral("SB-123456")}));
        QVERIFY(!policy.validate({QStringLiteral("Only this"), QStringLiteral("24-001234")}));
        QVERIFY(!AccessPurposePolicy::save(db, {}, QStringLiteral("([unclosed")));
    }
};

QTEST_GUILESS_MAIN(TestAccessPurpose)
#include "TestAccessPurpose.moc"
