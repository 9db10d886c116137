// alprctl request, release and the audit program commands, driven as a script would: exit codes, output, files.
#include "AlprctlRun.h"
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = alpr::test::AlprctlRun;

const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Commander-2026!");
const QString kRecords = QStringLiteral("records1");
const QString kDetective = QStringLiteral("jdoe");
const QString kPassword = QStringLiteral("Someone-2026-pass");

} // namespace

class TestRequestCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    Run alprctl(const QStringList& args, const QStringList& stdinLines = {})
    {
        return alpr::test::runAlprctl(QStringLiteral(ALPRCTL_PATH),
                                      QStringList{QStringLiteral("--store"), m_dir.filePath(QStringLiteral("store"))} +
                                          args,
                                      stdinLines);
    }

    Run as(const QString& user, const QStringList& args)
    {
        return alprctl(QStringList{QStringLiteral("--user"), user, QStringLiteral("--password-stdin")} + args,
                       {user == kAdmin ? kAdminPassword : kPassword});
    }

    QString value(const QString& output, const QString& key)
    {
        for (const QString& line : output.split(QLatin1Char('\n')))
            if (line.startsWith(key + QLatin1Char('\t')))
                return line.section(QLatin1Char('\t'), 1);
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const Run init = alprctl({QStringLiteral("init"), QStringLiteral("--admin"), kAdmin,
                                  QStringLiteral("--training-until"), QStringLiteral("2099-12-31")},
                                 {kAdminPassword});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        for (const auto& [name, role] : {std::pair{kRecords, QStringLiteral("records-supervisor")},
                                         std::pair{kDetective, QStringLiteral("investigator")}}) {
            const Run add = alprctl({QStringLiteral("--user"), kAdmin, QStringLiteral("--password-stdin"),
                                     QStringLiteral("user"), QStringLiteral("add"), name, QStringLiteral("--role"),
                                     role, QStringLiteral("--training-until"), QStringLiteral("2099-01-01")},
                                    {kAdminPassword, kPassword});
            QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        }
    }

    void requestsAreRegisteredByAnyoneAndWorkedByRecords()
    {
        const Run added =
            as(kDetective, {QStringLiteral("request"), QStringLiteral("add"), QStringLiteral("--requester"),
                            QStringLiteral("Daily Press"), QStringLiteral("--kind"), QStringLiteral("press"),
                            QStringLiteral("--asks"), QStringLiteral("Reads per month")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const QString id = added.out.trimmed();
        QCOMPARE(as(kDetective, {QStringLiteral("request"), QStringLiteral("list")}).exitCode, 2);
        const Run deny = as(kRecords, {QStringLiteral("request"), QStringLiteral("update"), id,
                                       QStringLiteral("--status"), QStringLiteral("denied")});
        QCOMPARE(deny.exitCode, 1); // bad input: no reason
        QVERIFY(deny.err.contains(QLatin1String("reason")));
        const Run denied = as(kRecords, {QStringLiteral("request"), QStringLiteral("update"), id,
                                         QStringLiteral("--status"), QStringLiteral("denied"),
                                         QStringLiteral("--denial-reason"), QStringLiteral("Investigative records")});
        QVERIFY2(denied.exitCode == 0, qPrintable(denied.err));
        QCOMPARE(value(denied.out, QStringLiteral("status")), QStringLiteral("denied"));
        const Run list = as(kRecords, {QStringLiteral("request"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.contains(QStringLiteral("\tdenied\t")));
        QCOMPARE(as(kRecords, {QStringLiteral("request"), QStringLiteral("add"), QStringLiteral("--kind"),
                               QStringLiteral("gossip")})
                     .exitCode,
                 1);
    }

    void aReleaseIsInTheSharingReport()
    {
        const Run added =
            as(kRecords,
               {QStringLiteral("release"), QStringLiteral("add"), QStringLiteral("--agency"),
                QStringLiteral("Long Beach PD"), QStringLiteral("--officer"), QStringLiteral("Det. Nguyen"),
                QStringLiteral("--contact"), QStringLiteral("562-555-0142"), QStringLiteral("--verified"),
                QStringLiteral("call-back"), QStringLiteral("--basis"), QStringLiteral("PC 11105"),
                QStringLiteral("--case"), QStringLiteral("26-004411"), QStringLiteral("--what"),
                QStringLiteral("Reads of 7ABC123"), QStringLiteral("--approved-by"), QStringLiteral("Lt. Ortega")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const Run report =
            as(kAdmin, {QStringLiteral("release"), QStringLiteral("report"), QStringLiteral("--from"),
                        QStringLiteral("2000-01-01"), QStringLiteral("--to"), QStringLiteral("2099-12-31")});
        QCOMPARE(report.exitCode, 0);
        QVERIFY2(report.out.contains(QStringLiteral("Long Beach PD (1)")), qPrintable(report.out));
        QCOMPARE(as(kDetective, {QStringLiteral("release"), QStringLiteral("list")}).exitCode, 2);
    }

    void theReportIsWrittenAsPdfAndCsv()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("audit.pdf"));
        const QString csv = m_dir.filePath(QStringLiteral("audit.csv"));
        const Run report =
            as(kAdmin, {QStringLiteral("audit"), QStringLiteral("report"), QStringLiteral("--from"),
                        QStringLiteral("2000-01-01"), QStringLiteral("--to"), QStringLiteral("2099-12-31"),
                        QStringLiteral("--out"), pdf, QStringLiteral("--csv"), csv});
        QVERIFY2(report.exitCode == 0, qPrintable(report.err));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QCOMPARE(pdfFile.read(5), QByteArray("%PDF-"));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QByteArray figures = csvFile.readAll();
        QVERIFY(figures.startsWith("section,subject,metric,value,detail"));
        QVERIFY(figures.contains("sharing,,releases,1,"));
        QVERIFY(figures.contains("requests,,received,1,"));
        QVERIFY(!value(report.out, QStringLiteral("anchor")).isEmpty());
        // An unwritable target is an error, not a silent success.
        QCOMPARE(as(kAdmin, {QStringLiteral("audit"), QStringLiteral("report"), QStringLiteral("--csv"),
                             m_dir.filePath(QStringLiteral("missing/dir/x.csv"))})
                     .exitCode,
                 4);
    }

    void theSampleIsReproducibleFromTheCommandLine()
    {
        for (int i = 0; i < 3; ++i)
            QCOMPARE(as(kDetective, {QStringLiteral("search"), QStringLiteral("7ABC1??"), QStringLiteral("--purpose"),
                                     QStringLiteral("Criminal investigation"), QStringLiteral("--case"),
                                     QStringLiteral("26-004411")})
                         .exitCode,
                     0);
        const QStringList args{QStringLiteral("audit"),      QStringLiteral("sample"), QStringLiteral("--from"),
                               QStringLiteral("2000-01-01"), QStringLiteral("--to"),   QStringLiteral("2099-12-31"),
                               QStringLiteral("--count"),    QStringLiteral("2"),      QStringLiteral("--seed"),
                               QStringLiteral("42")};
        const Run first = as(kAdmin, args);
        const Run second = as(kAdmin, args);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QCOMPARE(value(first.out, QStringLiteral("seed")), QStringLiteral("42"));
        QCOMPARE(first.out.section(QStringLiteral("record\t"), 1), second.out.section(QStringLiteral("record\t"), 1));
        QCOMPARE(as(kDetective, args).exitCode, 2);
    }

    void anAnchorExposesRemovedRecords()
    {
        const Run anchor = as(kAdmin, {QStringLiteral("audit"), QStringLiteral("anchor")});
        QCOMPARE(anchor.exitCode, 0);
        const QString head = anchor.out.trimmed();
        QVERIFY(head.contains(QLatin1Char(':')));
        QCOMPARE(
            as(kAdmin, {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--anchor"), head}).exitCode,
            0);
        // An anchor the trail never reached (as if its newest records had been cut off) fails verification.
        const QString ahead = QStringLiteral("%1:%2")
                                  .arg(head.section(QLatin1Char(':'), 0, 0).toLongLong() + 50)
                                  .arg(head.section(QLatin1Char(':'), 1));
        const Run missing =
            as(kAdmin, {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--anchor"), ahead});
        QCOMPARE(missing.exitCode, 3);
        QVERIFY(missing.err.contains(QLatin1String("were removed")));
        QCOMPARE(as(kAdmin, {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--anchor"),
                             QStringLiteral("12:nothex")})
                     .exitCode,
                 1);
    }
};

QTEST_GUILESS_MAIN(TestRequestCli)
#include "TestRequestCli.moc"
