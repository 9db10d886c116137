// Retention's settings: the one-year minimum the policy sets, an agency's maximum, and who may change them or purge.
#include "TestStore.h"

#include "audit/AuditLog.h"
#include "common/JobContext.h"
#include "evidence/PurgeJob.h"
#include "evidence/RetentionPolicy.h"
#include "store/Database.h"

#include <QTest>

using namespace alpr;
using alpr::test::TestStore;

class TestRetentionPolicy : public QObject {
    Q_OBJECT

private slots:
    void defaultsAreOneYear()
    {
        TestStore store;
        QVERIFY(store.isValid());
        auto settings = RetentionPolicy(store.session()).settings();
        QVERIFY(settings.has_value());
        QCOMPARE(settings->size(), 3);
        for (const RetentionSetting& s : *settings) {
            QCOMPARE(s.days, 365);
            QVERIFY(!s.maxDays.has_value());
        }
    }

    void belowTheMinimumIsRefused()
    {
        TestStore store;
        RetentionPolicy policy(store.session());
        for (RetentionClass c : {RetentionClass::Reads, RetentionClass::CaseReads, RetentionClass::Images}) {
            auto refused = policy.setDays(c, 364);
            QVERIFY(!refused.has_value());
            QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
            QVERIFY(refused.error().message.contains(QStringLiteral("365")));
        }
        QVERIFY(policy.setDays(RetentionClass::Reads, 365).has_value());
        QVERIFY(policy.setDays(RetentionClass::Reads, 400).has_value());
        QCOMPARE(policy.setting(RetentionClass::Reads)->days, 400);
        // The schema refuses it too, whatever code path writes the table.
        auto direct = guarded([&] {
            store.session().database().exec(
                QStringLiteral("UPDATE retention_policy SET days = 30 WHERE data_class = 'reads'"));
        });
        QVERIFY(!direct.has_value());
        QCOMPARE(policy.setting(RetentionClass::Reads)->days, 400);
        auto records = AuditLog::list(store.session().database(), {{}, QStringLiteral("retention.set")});
        QCOMPARE(records->size(), 2); // the two accepted changes, nothing for the refusals
    }

    void maximumCapsTheSetting()
    {
        TestStore store;
        RetentionPolicy policy(store.session());
        QVERIFY(policy.setMaximum(RetentionClass::Reads, 730).has_value());
        QVERIFY(policy.setDays(RetentionClass::Reads, 700).has_value());
        QCOMPARE(policy.setDays(RetentionClass::Reads, 731).error().code, ErrorCode::InvalidInput);
        QCOMPARE(policy.setMaximum(RetentionClass::Reads, 600).error().code, ErrorCode::InvalidInput);
        QCOMPARE(policy.setMaximum(RetentionClass::Reads, 300).error().code, ErrorCode::InvalidInput);
        QVERIFY(policy.setMaximum(RetentionClass::Reads, std::nullopt).has_value());
        QVERIFY(policy.setDays(RetentionClass::Reads, 2000).has_value());
    }

    void onlyAuthorizedRolesConfigureOrPurge()
    {
        TestStore store;
        auto investigator = store.addAndLogin(QStringLiteral("inv1"), Role::Investigator);
        QVERIFY(investigator);
        QCOMPARE(RetentionPolicy(*investigator).setDays(RetentionClass::Reads, 500).error().code,
                 ErrorCode::PermissionDenied);
        JobContext job;
        QCOMPARE(PurgeJob(*investigator, investigator->database()).run(job).error().code, ErrorCode::PermissionDenied);
        QCOMPARE(PurgeJob(*investigator, investigator->database()).dryRun().error().code, ErrorCode::PermissionDenied);
        auto manager = store.addAndLogin(QStringLiteral("mgr1"), Role::AgencyManager);
        QVERIFY(PurgeJob(*manager, manager->database()).dryRun().has_value());
    }
};

QTEST_GUILESS_MAIN(TestRetentionPolicy)
#include "TestRetentionPolicy.moc"
