#include "TestStore.h"
#include "audit/AuditLog.h"
#include "store/KeySlotFile.h"

#include <QFile>
#include <QTest>

using namespace alpr;

class TestSession : public QObject {
    Q_OBJECT
private:
    static QList<AuditRecord> records(Session& s, const QString& action)
    {
        auto list = AuditLog::list(s.database(), AuditFilter{{}, action, {}, {}, 0});
        return list ? *list : QList<AuditRecord>();
    }

private slots:
    void twoUsersOpenTheStoreWithTheirOwnPasswords()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        ts.addUser(QStringLiteral("alice"), Role::Investigator);
        ts.addUser(QStringLiteral("bob"), Role::Auditor);
        auto alice = ts.login(QStringLiteral("alice"));
        auto bob = ts.login(QStringLiteral("bob"));
        QVERIFY(alice && bob);
        QCOMPARE(alice->account().role, Role::Investigator);
        QCOMPARE(bob->account().role, Role::Auditor);
        // The key slot file holds no copy of the key in clear.
        QFile keySlots(ts.session().keySlotPath());
        QVERIFY(keySlots.open(QIODevice::ReadOnly));
        QVERIFY(!keySlots.readAll().contains(ts.session().databaseKey().toHex()));
    }

    void wrongPasswordIsRefusedAndAudited()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        auto refused = Session::login(ts.directory(), test::TestStore::kAdmin, QStringLiteral("not the password"), ts.options());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::AuthenticationFailed);
        auto unknown = Session::login(ts.directory(), QStringLiteral("mallory"), QStringLiteral("whatever-password"), ts.options());
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::AuthenticationFailed);
        // Failures wait outside the encrypted store and enter the chain at the next login.
        auto again = ts.login(test::TestStore::kAdmin);
        QVERIFY(again);
        const auto failed = records(*again, QStringLiteral("login.failed"));
        QCOMPARE(failed.size(), 2);
        QCOMPARE(failed[0].user, test::TestStore::kAdmin);
        QCOMPARE(failed[1].user, QStringLiteral("mallory"));
        QVERIFY(failed[0].outcome.startsWith(QLatin1String("refused")));
        auto verified = AuditLog::verify(again->database());
        QVERIFY(verified && verified->intact);
    }

    void repeatedFailuresLockTheAccount()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        ts.addUser(QStringLiteral("carol"), Role::Investigator);
        const store::LoginLockoutPolicy policy;
        for (int i = 0; i < policy.failures - 1; ++i) {
            auto r = Session::login(ts.directory(), QStringLiteral("carol"), QStringLiteral("bad password %1").arg(i), ts.options());
            QCOMPARE(r.error().code, ErrorCode::AuthenticationFailed);
            ts.clock().advanceSecs(60);
        }
        auto locking = Session::login(ts.directory(), QStringLiteral("carol"), QStringLiteral("bad again!!!"), ts.options());
        QCOMPARE(locking.error().code, ErrorCode::AccountLocked);
        // Even the right password is refused while locked.
        auto locked = Session::login(ts.directory(), QStringLiteral("carol"), test::TestStore::kPassword, ts.options());
        QVERIFY(!locked);
        QCOMPARE(locked.error().code, ErrorCode::AccountLocked);
        ts.clock().advanceSecs(qint64(policy.lockMinutes) * 60 + 1);
        auto after = ts.login(QStringLiteral("carol"));
        QVERIFY(after);
        QCOMPARE(records(*after, QStringLiteral("login.failed")).size(), policy.failures);
        QCOMPARE(records(*after, QStringLiteral("account.lock")).size(), 1);
        QCOMPARE(records(*after, QStringLiteral("login.locked")).size(), 1);
    }

    void expiredOrMissingTrainingIsRefused()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        const QDate today = ts.clock().nowUtc().date();
        ts.addUser(QStringLiteral("dave"), Role::Investigator, false, today.addDays(10));
        QVERIFY(ts.login(QStringLiteral("dave")));
        ts.clock().advanceDays(11);
        auto expired = Session::login(ts.directory(), QStringLiteral("dave"), test::TestStore::kPassword, ts.options());
        QVERIFY(!expired);
        QCOMPARE(expired.error().code, ErrorCode::TrainingMissing);
        QVERIFY(expired.error().message.contains(QLatin1String("expired")));
        QCOMPARE(records(ts.session(), QStringLiteral("login.refused")).size(), 1);
        QVERIFY(AccountService(ts.session()).setTraining(QStringLiteral("dave"), today.addYears(2)));
        QVERIFY(ts.login(QStringLiteral("dave")));
    }

    void disabledUserCanNoLongerOpenTheStore()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        ts.addUser(QStringLiteral("erin"), Role::Investigator);
        QVERIFY(ts.login(QStringLiteral("erin")));
        QVERIFY(AccountService(ts.session()).disable(QStringLiteral("erin")));
        auto refused = Session::login(ts.directory(), QStringLiteral("erin"), test::TestStore::kPassword, ts.options());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::AccountDisabled);
        // Her key slot is gone: the password no longer unwraps anything.
        auto keySlots = store::KeySlotFile::load(ts.session().keySlotPath());
        QVERIFY(keySlots && !keySlots->hasSlot(QStringLiteral("erin")));
        QCOMPARE(records(ts.session(), QStringLiteral("user.disable")).size(), 1);
    }

    void passwordRulesAndChange()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        NewAccount shortPassword{QStringLiteral("frank"), {}, Role::Investigator, QDate(2030, 1, 1), false,
                                 QStringLiteral("short")};
        auto refused = AccountService(ts.session()).add(shortPassword);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
        ts.addUser(QStringLiteral("frank"), Role::Investigator);
        auto frank = ts.login(QStringLiteral("frank"));
        QVERIFY(frank);
        QVERIFY(AccountService(*frank).changeOwnPassword(test::TestStore::kPassword, QStringLiteral("a brand new passphrase")));
        QVERIFY(!Session::login(ts.directory(), QStringLiteral("frank"), test::TestStore::kPassword, ts.options()));
        QVERIFY(ts.login(QStringLiteral("frank"), QStringLiteral("a brand new passphrase")));
    }

    void rolesLimitWhatAUserMayDo()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        auto auditor = ts.addAndLogin(QStringLiteral("gina"), Role::Auditor);
        QVERIFY(auditor);
        QVERIFY(auditor->can(Permission::VerifyAudit));
        QVERIFY(!auditor->can(Permission::SearchReads));
        auto list = AccountService(*auditor).list();
        QVERIFY(!list);
        QCOMPARE(list.error().code, ErrorCode::PermissionDenied);
        auto investigator = ts.addAndLogin(QStringLiteral("hank"), Role::Investigator);
        QVERIFY(investigator && investigator->can(Permission::SearchReads) && !investigator->can(Permission::ManageUsers));
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "TestSession.moc"
