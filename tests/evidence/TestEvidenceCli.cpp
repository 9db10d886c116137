// The evidence, retention, hold and case commands end to end: arguments, refusals, exit codes, and a package
// verified (and broken) from the command line without a store.
#include "EvidenceFixture.h"
#include "TestStore.h"

#include "accounts/AccountService.h"

#include <QDir>
#include <QProcess>
#include <QTest>

using namespace alpr;
using alpr::test::EvidenceFixture;
using alpr::test::TestStore;

namespace {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestEvidenceCli : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestStore> m_store;
    QTemporaryDir m_target;
    QList<PlateRead> m_reads;

    CliRun run(const QStringList& arguments, bool login = true)
    {
        QProcess process;
        const QString driver =
            QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("alpr_evidence_cli_driver"));
        QStringList all;
        if (login)
            all << QStringLiteral("--store") << m_store->directory() << QStringLiteral("--user") << TestStore::kAdmin
                << QStringLiteral("--password-stdin");
        process.start(driver, all + arguments);
        if (!process.waitForStarted(10000))
            return {};
        process.write((TestStore::kPassword + QLatin1Char('\n')).toUtf8());
        process.closeWriteChannel();
        process.waitForFinished(60000);
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

private slots:
    void initTestCase()
    {
        m_store = std::make_unique<TestStore>();
        QVERIFY(m_store->isValid());
        // The commands run on the system clock: keep the account's training valid on it.
        QVERIFY(AccountService(m_store->session())
                    .setTraining(TestStore::kAdmin, QDate::currentDate().addYears(1))
                    .has_value());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_reads = EvidenceFixture::insert(m_store->session(),
                                          {EvidenceFixture::read(QStringLiteral("8CLI123"), now.addDays(-800), true),
                                           EvidenceFixture::read(QStringLiteral("9CLI456"), now.addDays(-2), true)});
    }

    void caseAndHoldCommands()
    {
        CliRun added =
            run({QStringLiteral("case"), QStringLiteral("add"), QStringLiteral("26-0500"), QStringLiteral("--title"),
                 QStringLiteral("Carjacking"), QStringLiteral("--lead"), QStringLiteral("Det. Park")});
        QCOMPARE(added.exitCode, 0);
        CliRun attached =
            run({QStringLiteral("case"), QStringLiteral("attach"), QStringLiteral("26-0500"), QStringLiteral("--reads"),
                 QStringLiteral("%1-%2").arg(m_reads[0].id).arg(m_reads[1].id)});
        QVERIFY2(attached.exitCode == 0, qPrintable(attached.err));
        QVERIFY(attached.err.contains(QStringLiteral("Attached 2 new read")));
        CliRun shown = run({QStringLiteral("case"), QStringLiteral("show"), QStringLiteral("26-0500")});
        QCOMPARE(shown.exitCode, 0);
        QVERIFY(shown.out.contains(QStringLiteral("Carjacking")));
        QCOMPARE(shown.out.count(QStringLiteral("  read\t")), 2);

        CliRun hold = run({QStringLiteral("hold"), QStringLiteral("add"), QStringLiteral("evidence"),
                           QStringLiteral("--case"), QStringLiteral("26-0500")});
        QVERIFY2(hold.exitCode == 0, qPrintable(hold.err));
        QVERIFY(hold.err.contains(QStringLiteral("covering 2 read(s)")));
        CliRun listed = run({QStringLiteral("hold"), QStringLiteral("list")});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(listed.out.contains(QStringLiteral("\tevidence\t26-0500\t2\tindefinite\t")));
        CliRun badLegal = run({QStringLiteral("hold"), QStringLiteral("add"), QStringLiteral("legal"),
                               QStringLiteral("--case"), QStringLiteral("26-0500")});
        QCOMPARE(badLegal.exitCode, 1); // no requester or reference
        QVERIFY(badLegal.err.contains(QStringLiteral("requester")));
        CliRun wrongPassword = run({QStringLiteral("case"), QStringLiteral("list")}, false);
        QCOMPARE(wrongPassword.exitCode, 1); // no --user
    }

    void retentionCommands()
    {
        CliRun refused = run({QStringLiteral("retention"), QStringLiteral("set"), QStringLiteral("--reads-days"),
                              QStringLiteral("300")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.err.contains(QStringLiteral("cannot be below 365 days")));
        CliRun set = run({QStringLiteral("retention"), QStringLiteral("set"), QStringLiteral("--reads-days"),
                          QStringLiteral("400"), QStringLiteral("--max-reads-days"), QStringLiteral("1000")});
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        QVERIFY(set.out.contains(QStringLiteral("reads\t400\t1000\t")));
        CliRun plan = run({QStringLiteral("retention"), QStringLiteral("dry-run")});
        QCOMPARE(plan.exitCode, 0);
        QVERIFY(plan.out.contains(QStringLiteral("total\t\t0\t0"))); // the old read is held by the case
        QVERIFY(plan.err.contains(QStringLiteral("1 read(s) past retention are kept because a hold")));
        CliRun unconfirmed = run({QStringLiteral("retention"), QStringLiteral("purge")});
        QCOMPARE(unconfirmed.exitCode, 1);
        QVERIFY(unconfirmed.err.contains(QStringLiteral("--yes")));
        CliRun purged = run({QStringLiteral("retention"), QStringLiteral("purge"), QStringLiteral("--yes")});
        QVERIFY2(purged.exitCode == 0, qPrintable(purged.err));
        QVERIFY(purged.out.contains(QStringLiteral("reads_removed\t0")));
    }

    void exportAndVerifyFromTheCommandLine()
    {
        CliRun exported =
            run({QStringLiteral("evidence"), QStringLiteral("export"), QStringLiteral("--case"),
                 QStringLiteral("26-0500"), QStringLiteral("--to"), m_target.path(), QStringLiteral("--all-case-items"),
                 QStringLiteral("--purpose"), QStringLiteral("Booking into evidence")});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        const QString package = exported.out.section(QLatin1Char('\n'), 0, 0).section(QLatin1Char('\t'), 1);
        QVERIFY2(QFileInfo(package).isDir(), qPrintable(exported.out));
        QVERIFY(QFileInfo(QDir(package).filePath(QStringLiteral("report.pdf"))).size() > 1000);

        // Without a store or login.
        CliRun verified = run({QStringLiteral("evidence"), QStringLiteral("verify"), package}, false);
        QCOMPARE(verified.exitCode, 0);
        QVERIFY(verified.err.contains(QStringLiteral("signature not checked")));
        CliRun signedCheck =
            run({QStringLiteral("evidence"), QStringLiteral("verify"), package, QStringLiteral("--check-signature")});
        QCOMPARE(signedCheck.exitCode, 0);
        QVERIFY(signedCheck.err.contains(QStringLiteral("signature valid")));

        QFile extra(QDir(package).filePath(QStringLiteral("images/planted.jpg")));
        QVERIFY(extra.open(QIODevice::WriteOnly));
        extra.write("x");
        extra.close();
        QVERIFY(QFile::remove(QDir(package).filePath(QStringLiteral("reads.json"))));
        CliRun broken = run({QStringLiteral("evidence"), QStringLiteral("verify"), package}, false);
        QCOMPARE(broken.exitCode, 3);
        QCOMPARE(broken.out, QStringLiteral("EXTRA\timages/planted.jpg\nMISSING\treads.json\n"));
        QVERIFY2(broken.err.contains(QStringLiteral("FAILED: ")), qPrintable(broken.err));

        CliRun notAPackage = run({QStringLiteral("evidence"), QStringLiteral("verify"), m_target.path()}, false);
        QCOMPARE(notAPackage.exitCode, 3);
        CliRun noFolder = run(
            {QStringLiteral("evidence"), QStringLiteral("verify"), m_target.filePath(QStringLiteral("gone"))}, false);
        QCOMPARE(noFolder.exitCode, 3);
        QVERIFY(noFolder.err.contains(QStringLiteral("There is no folder")));
        CliRun history = run(
            {QStringLiteral("evidence"), QStringLiteral("list"), QStringLiteral("--case"), QStringLiteral("26-0500")});
        QCOMPARE(history.exitCode, 0);
        QCOMPARE(history.out.count(QLatin1Char('\n')), 2); // header and the one export
        CliRun usage = run({QStringLiteral("evidence"), QStringLiteral("export"), QStringLiteral("--case"),
                            QStringLiteral("26-0500")});
        QCOMPARE(usage.exitCode, 1);
        QVERIFY(usage.err.contains(QStringLiteral("alprctl evidence verify DIR")));
    }
};

QTEST_GUILESS_MAIN(TestEvidenceCli)
#include "TestEvidenceCli.moc"
