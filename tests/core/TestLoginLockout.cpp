#include "TestStore.h"
#include "audit/AuditLog.h"
#include "store/KeySlotFile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace alpr;
using namespace std::chrono_literals;

/// Failed-login throttling and lockout: the sliding window, growing delays, locks that run out or wait for a
/// Commander, and the audit records of each step.
class TestLoginLockout : public QObject {
    Q_OBJECT
private:
    static QList<AuditRecord> records(Session& s, const QString& action)
    {
        auto list = AuditLog::list(s.database(), AuditFilter{{}, action, {}, {}, 0});
        return list ? *list : QList<AuditRecord>();
    }
    static Result<std::unique_ptr<Session>> tryLogin(test::TestStore& ts, const QString& user, const QString& password)
    {
        return Session::login(ts.directory(), user, password, ts.options());
    }

private slots:
    void failuresOutsideTheWindowAreForgotten()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        ts.addUser(QStringLiteral("dana"), Role::Investigator);
        // Four failures, a quarter of an hour and a minute of quiet, four more: never five within 15 minutes.
        for (int round = 0; round < 2; ++round) {
            for (int i = 0; i < 4; ++i)
                QCOMPARE(tryLogin(ts, QStringLiteral("dana"), QStringLiteral("wrong %1").arg(i)).error().code,
                         ErrorCode::AuthenticationFailed);
            ts.clock().advanceSecs(16 * 60);
        }
        QVERIFY(ts.login(QStringLiteral("dana")));
    }

    void delaysGrowWithEachFailureAndResetOnSuccess()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        ts.addUser(QStringLiteral("erin"), Role::Investigator);
        for (int i = 0; i < 4; ++i)
            (void)tryLogin(ts, QStringLiteral("erin"), QStringLiteral("nope nope %1").arg(i));
        QCOMPARE(ts.failureDelays(), (QList<std::chrono::milliseconds>{1000ms, 2000ms, 4000ms, 8000ms}));
        QVERIFY(ts.login(QStringLiteral("erin")));
        (void)tryLogin(ts, QStringLiteral("erin"), QStringLiteral("typo again"));
        QCOMPARE(ts.failureDelays().last(), 1000ms);
        // The delay is capped.
        const store::LoginLockoutPolicy policy;
        QCOMPARE(policy.delayAfterFailure(30), std::chrono::milliseconds(policy.maxDelayMs));
    }

    void unknownUsersAreThrottledAlike()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        for (int i = 0; i < 5; ++i)
            (void)tryLogin(ts, QStringLiteral("ghost"), QStringLiteral("guess %1").arg(i));
        // Same answer and delays as for a real account, so a guesser cannot tell which names exist.
        QCOMPARE(ts.failureDelays().size(), 5);
        QCOMPARE(tryLogin(ts, QStringLiteral("ghost"), QStringLiteral("guess 6")).error().code,
                 ErrorCode::AccountLocked);
    }

    void commanderUnlocksAnIndefiniteLock()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        ts.addUser(QStringLiteral("fred"), Role::Investigator);
        store::LoginLockoutPolicy policy;
        policy.failures = 3;
        policy.windowMinutes = 10;
        policy.lockMinutes = 0; // until a Commander unlocks it
        AccountService admin(ts.session());
        QVERIFY(admin.setLockoutPolicy(policy));
        QCOMPARE(*admin.lockoutPolicy(), policy);

        QCOMPARE(admin.unlock(QStringLiteral("fred")).error().code, ErrorCode::InvalidInput); // not locked
        QCOMPARE(admin.unlock(QStringLiteral("nobody")).error().code, ErrorCode::NotFound);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(tryLogin(ts, QStringLiteral("fred"), QStringLiteral("bad %1").arg(i)).error().code,
                     ErrorCode::AuthenticationFailed);
        auto locking = tryLogin(ts, QStringLiteral("fred"), QStringLiteral("bad 3"));
        QCOMPARE(locking.error().code, ErrorCode::AccountLocked);
        QVERIFY(locking.error().message.contains(QLatin1String("until a Commander unlocks it")));

        ts.clock().advanceDays(3);
        auto stillLocked = ts.login(QStringLiteral("fred"));
        QVERIFY(!stillLocked);
        auto states = admin.lockStates();
        QVERIFY(states);
        QVERIFY(states->value(QStringLiteral("fred")).locked);
        QVERIFY(!states->value(QStringLiteral("fred")).lockedUntil.isValid());

        // Only user administrators may unlock.
        auto investigator = ts.addAndLogin(QStringLiteral("gwen"), Role::Investigator);
        QVERIFY(investigator);
        QCOMPARE(AccountService(*investigator).unlock(QStringLiteral("fred")).error().code,
                 ErrorCode::PermissionDenied);

        QVERIFY(admin.unlock(QStringLiteral("fred")));
        auto fred = ts.login(QStringLiteral("fred"));
        QVERIFY(fred);
        QCOMPARE(records(*fred, QStringLiteral("login.failed")).size(), 3);
        const auto locks = records(*fred, QStringLiteral("account.lock"));
        QCOMPARE(locks.size(), 1);
        QCOMPARE(locks[0].user, QStringLiteral("fred"));
        QVERIFY(locks[0].outcome.contains(QLatin1String("3 failed logins within 10 minutes")));
        QCOMPARE(records(*fred, QStringLiteral("login.locked")).size(), 1);
        const auto unlocks = records(*fred, QStringLiteral("account.unlock"));
        QCOMPARE(unlocks.size(), 1);
        QCOMPARE(unlocks[0].user, test::TestStore::kAdmin);
        QCOMPARE(unlocks[0].object, QStringLiteral("account:fred"));
        QCOMPARE(records(*fred, QStringLiteral("account.policy")).size(), 1);
        auto verified = AuditLog::verify(fred->database());
        QVERIFY(verified && verified->intact);
    }

    void policyOutOfRangeIsRefusedAndADamagedOneFallsBackToTheDefault()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        AccountService admin(ts.session());
        for (auto change : {+[](store::LoginLockoutPolicy& p) { p.failures = 0; },
                            +[](store::LoginLockoutPolicy& p) { p.windowMinutes = -5; },
                            +[](store::LoginLockoutPolicy& p) { p.lockMinutes = 999999; },
                            +[](store::LoginLockoutPolicy& p) { p.maxDelayMs = 10; }}) {
            store::LoginLockoutPolicy p;
            change(p);
            auto refused = admin.setLockoutPolicy(p);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
        }
        QCOMPARE(*admin.lockoutPolicy(), store::LoginLockoutPolicy{});
        // Someone edits the file to switch the lockout off: the defaults apply instead.
        const QString path = ts.session().keySlotPath();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        root.insert(QStringLiteral("lockoutPolicy"), QJsonObject{{QStringLiteral("failures"), 0}});
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(root).toJson());
        file.close();
        auto loaded = store::KeySlotFile::load(path);
        QVERIFY(loaded);
        QCOMPARE(loaded->lockoutPolicy(), store::LoginLockoutPolicy{});
    }
};

QTEST_GUILESS_MAIN(TestLoginLockout)
#include "TestLoginLockout.moc"
