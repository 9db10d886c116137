#include "AlprctlRun.h"
#include "TestStore.h"
#include "audit/AuditLog.h"
#include "store/StoreProfile.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace alpr;

namespace {

using Run = alpr::test::AlprctlRun;

const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Commander-2026!");
const QString kDetective = QStringLiteral("jdoe");
const QString kDetectivePassword = QStringLiteral("Detective-2026!");

} // namespace

/// Drives the real alprctl binary as a script would: exit codes, stdout/stderr, and the audit trail it leaves.
class TestAlprctl : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_serverDatabase; ///< with ALPR_TEST_POSTGRES: the store is made on the server by `init --server`
    QString store() const { return m_dir.path() + QStringLiteral("/store"); }

    Run alprctl(const QStringList& args, const QStringList& stdinLines = {})
    {
        return test::runAlprctl(QStringLiteral(ALPRCTL_PATH), QStringList{QStringLiteral("--store"), store()} + args,
                                stdinLines);
    }

    Run asAdmin(const QStringList& args, const QStringList& moreLines = {})
    {
        return alprctl(QStringList{QStringLiteral("--user"), kAdmin, QStringLiteral("--password-stdin")} + args,
                       QStringList{kAdminPassword} + moreLines);
    }

    QList<QJsonObject> auditRecords(const QString& action)
    {
        const Run r = asAdmin({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json"),
                               QStringLiteral("--action"), action});
        QList<QJsonObject> out;
        for (const QString& line : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            out.append(QJsonDocument::fromJson(line.toUtf8()).object());
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStringList initArguments{QStringLiteral("init"), QStringLiteral("--admin"), kAdmin,
                                  QStringLiteral("--training-until"), QStringLiteral("2099-12-31")};
        if (const QString server = test::TestStore::postgresServer(); !server.isEmpty()) {
            m_serverDatabase = QStringLiteral("alpr_cli_%1").arg(QCoreApplication::applicationPid());
            QVERIFY(test::TestStore::createServerDatabase(m_serverDatabase));
            // A database that is not there: init fails and leaves no profile behind.
            const Run missing = alprctl(initArguments + QStringList{QStringLiteral("--server"),
                                                                    server + QStringLiteral(" dbname=alpr_cli_none")},
                                        {kAdminPassword});
            QVERIFY(missing.exitCode != 0);
            QVERIFY2(missing.err.contains(QLatin1String("alpr_cli_none")), qPrintable(missing.err));
            QVERIFY(!QFile::exists(store() + QStringLiteral("/store.json")));
            initArguments << QStringLiteral("--server") << server + QStringLiteral(" dbname=") + m_serverDatabase;
        }
        const Run init = alprctl(initArguments, {kAdminPassword});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        const Run add = asAdmin({QStringLiteral("user"), QStringLiteral("add"), kDetective, QStringLiteral("--role"),
                                 QStringLiteral("investigator"), QStringLiteral("--training-until"), QStringLiteral("2099-01-01"),
                                 QStringLiteral("--clets")},
                                {kDetectivePassword});
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
    }

    void cleanupTestCase()
    {
        if (m_serverDatabase.isEmpty())
            return;
        QVERIFY(test::TestStore::dropServerDatabase(m_serverDatabase));
    }

    void usageErrorsExitOne()
    {
        QCOMPARE(alprctl({}).exitCode, 1);
        QCOMPARE(alprctl({QStringLiteral("frobnicate")}).exitCode, 1);
        QCOMPARE(asAdmin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("x1"), QStringLiteral("--role"),
                          QStringLiteral("janitor"), QStringLiteral("--training-until"), QStringLiteral("2030-01-01")})
                     .exitCode,
                 1);
        QCOMPARE(alprctl({QStringLiteral("--help")}).exitCode, 0);
        // A command's own help is success too, and says how to use it.
        const Run help = alprctl({QStringLiteral("audit"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.err.contains(QLatin1String("usage: alprctl audit")));
    }

    void initTwiceIsRefused()
    {
        const Run again = alprctl({QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("other")}, {kAdminPassword});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains(QLatin1String("already exists")));
    }

    void wrongPasswordExitsTwoAndIsAudited()
    {
        const Run wrong = alprctl({QStringLiteral("--user"), kDetective, QStringLiteral("--password-stdin"),
                                   QStringLiteral("audit"), QStringLiteral("list")},
                                  {QStringLiteral("not-my-password")});
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY(wrong.err.contains(QLatin1String("Wrong user name or password")));
        QVERIFY(wrong.out.isEmpty());
        const auto failed = auditRecords(QStringLiteral("login.failed"));
        QVERIFY(!failed.isEmpty());
        QCOMPARE(failed.last().value(QStringLiteral("user")).toString(), kDetective);
    }

    void permissionRefusedExitsTwo()
    {
        const Run refused = alprctl({QStringLiteral("--user"), kDetective, QStringLiteral("--password-stdin"),
                                     QStringLiteral("user"), QStringLiteral("list")},
                                    {kDetectivePassword});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.err.contains(QLatin1String("Investigator")));
    }

    void everyCommandLeavesItsAuditRecord_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("moreStdin");
        QTest::addColumn<QString>("action");
        QTest::newRow("user list") << QStringList{"user", "list"} << QStringList{} << "user.list";
        QTest::newRow("user training") << QStringList{"user", "training", "jdoe", "--until", "2098-06-30"} << QStringList{}
                                       << "user.training";
        QTest::newRow("user clets") << QStringList{"user", "clets", "jdoe", "--no-clets"} << QStringList{} << "user.clets";
        QTest::newRow("user add") << QStringList{"user", "add", "auditor1", "--role", "auditor", "--training-until", "2099-01-01"}
                                  << QStringList{"Auditor-pass-2026"} << "user.add";
        QTest::newRow("user disable") << QStringList{"user", "disable", "auditor1"} << QStringList{} << "user.disable";
        QTest::newRow("audit list") << QStringList{"audit", "list"} << QStringList{} << "audit.list";
        QTest::newRow("audit verify") << QStringList{"audit", "verify"} << QStringList{} << "audit.verify";
        QTest::newRow("audit report") << QStringList{"audit", "report"} << QStringList{} << "audit.report";
    }

    void everyCommandLeavesItsAuditRecord()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, moreStdin);
        QFETCH(QString, action);
        const int before = int(auditRecords(action).size());
        const Run r = asAdmin(args, moreStdin);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto after = auditRecords(action);
        QCOMPARE(after.size(), before + (action == QLatin1String("audit.list") ? 2 : 1));
        QCOMPARE(after.last().value(QStringLiteral("user")).toString(), kAdmin);
    }

    void userPasswdChangesOnlyTheSlot()
    {
        const Run r = alprctl({QStringLiteral("--user"), kDetective, QStringLiteral("--password-stdin"), QStringLiteral("user"),
                               QStringLiteral("passwd")},
                              {kDetectivePassword, QStringLiteral("A-new-passphrase-1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(alprctl({QStringLiteral("--user"), kDetective, QStringLiteral("--password-stdin"), QStringLiteral("audit"),
                          QStringLiteral("verify")},
                         {kDetectivePassword})
                     .exitCode,
                 2);
    }

    void auditListCsvAndFilters()
    {
        const Run csv = asAdmin({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--user"), kAdmin,
                                 QStringLiteral("--from"), QStringLiteral("2000-01-01"), QStringLiteral("--to"),
                                 QStringLiteral("2099-12-31")});
        QCOMPARE(csv.exitCode, 0);
        QVERIFY(csv.out.startsWith(QLatin1String("seq,time,user")));
        QVERIFY(!csv.out.contains(QLatin1String(",jdoe,")));
        QCOMPARE(asAdmin({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--from"), QStringLiteral("yesterday")})
                     .exitCode,
                 1);
    }

    // Must run last: it breaks the chain.
    void tamperedRecordMakesVerifyExitThree()
    {
        QCOMPARE(asAdmin({QStringLiteral("audit"), QStringLiteral("verify")}).exitCode, 0);
        {
            auto session = Session::login(store(), kAdmin, kAdminPassword);
            QVERIFY(session);
            // The tamperer has the most power over the data there is: on a server, the store owner's.
            auto profile = store::StoreProfile::load(store());
            QVERIFY(profile);
            auto raw = profile->open((*session)->databaseKey());
            QVERIFY(raw);
            test::TestStore::dropTrigger(*raw, QStringLiteral("audit_no_update"), QStringLiteral("audit"));
            raw->exec(QStringLiteral("UPDATE audit SET outcome = 'ok.' WHERE seq = 7"));
        }
        const Run verify = asAdmin({QStringLiteral("audit"), QStringLiteral("verify")});
        QCOMPARE(verify.exitCode, 3);
        QVERIFY(verify.err.contains(QLatin1String("record 7")));
        QVERIFY(verify.out.contains(QLatin1String("bad-record\t7")));
    }
};

QTEST_GUILESS_MAIN(TestAlprctl)
#include "TestAlprctl.moc"
