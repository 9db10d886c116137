#include "AlprctlRun.h"
#include "accounts/Session.h"
#include "reads/ReadRepository.h"
#include "store/Transaction.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = alpr::test::AlprctlRun;

const QString kAdmin = QStringLiteral("chief");
const QString kCleared = QStringLiteral("ruiz");
const QString kPlain = QStringLiteral("lee");
const QString kPassword = QStringLiteral("Commander-2026!");
const QByteArray kNcic = "V987654321LA057020020260101ABC1234   CA2009MC2009YAMACYLMCBLK\n"
                         "V98765432\n"
                         "A123456789NV000000020260102KID4321   NV\n";

QList<QJsonObject> jsonLines(const QString& text)
{
    QList<QJsonObject> out;
    for (const QString& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        out.append(QJsonDocument::fromJson(line.toUtf8()).object());
    return out;
}

} // namespace

/// Drives the real alprctl as a script would: a list loaded and matched by an import in another process, alerts
/// verified, and the CLETS fields kept from a user without the authorization in every output.
class TestHotlistCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString store() const { return m_dir.path() + QStringLiteral("/store"); }

    Run alprctl(const QString& user, const QStringList& args, const QStringList& moreLines = {})
    {
        QStringList all{QStringLiteral("--store"), store()};
        if (!user.isEmpty())
            all << QStringLiteral("--user") << user << QStringLiteral("--password-stdin");
        return alpr::test::runAlprctl(QStringLiteral(ALPRCTL_PATH), all + args, QStringList{kPassword} + moreLines);
    }

    QString writeFile(const QString& name, const QByteArray& content)
    {
        QFile f(m_dir.filePath(name));
        if (f.open(QIODevice::WriteOnly))
            f.write(content);
        return f.fileName();
    }

    qint64 firstAlertId()
    {
        const auto alerts = jsonLines(
            alprctl(kAdmin, {QStringLiteral("alerts"), QStringLiteral("list"), QStringLiteral("--json")}).out);
        for (const QJsonObject& a : alerts)
            if (a.value(QStringLiteral("entry_plate")).toString() == QLatin1String("ABC1234"))
                return a.value(QStringLiteral("id")).toInteger();
        return 0;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const Run init = alprctl({}, {QStringLiteral("init"), QStringLiteral("--admin"), kAdmin,
                                      QStringLiteral("--training-until"), QStringLiteral("2099-12-31")});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        for (const QString& user : {kCleared, kPlain}) {
            QStringList args{
                QStringLiteral("user"),      QStringLiteral("add"),          user,
                QStringLiteral("--role"),    QStringLiteral("investigator"), QStringLiteral("--training-until"),
                QStringLiteral("2099-01-01")};
            if (user == kCleared)
                args << QStringLiteral("--clets");
            const Run add = alprctl(kAdmin, args, {kPassword});
            QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        }
    }

    void importReportsLineErrorsAndLoads()
    {
        const QString file = writeFile(QStringLiteral("ncic.txt"), kNcic);
        const Run preview =
            alprctl(kAdmin, {QStringLiteral("hotlist"), QStringLiteral("import"), file, QStringLiteral("--format"),
                             QStringLiteral("ncic"), QStringLiteral("--name"), QStringLiteral("NCIC"),
                             QStringLiteral("--preview")});
        QCOMPARE(preview.exitCode, 0);
        QVERIFY(preview.err.contains(QStringLiteral("line 2: short line")));
        QVERIFY(preview.out.contains(QStringLiteral("nothing loaded")));
        QVERIFY(alprctl(kAdmin, {QStringLiteral("hotlist"), QStringLiteral("list")}).out.count(QLatin1Char('\n')) == 1);

        const Run load =
            alprctl(kAdmin, {QStringLiteral("hotlist"), QStringLiteral("import"), file, QStringLiteral("--format"),
                             QStringLiteral("ncic"), QStringLiteral("--name"), QStringLiteral("NCIC")});
        QVERIFY2(load.exitCode == 0, qPrintable(load.err));
        QVERIFY(load.out.contains(QStringLiteral("version 1: 2 entries loaded, 1 lines rejected")));
        const Run bad =
            alprctl(kAdmin, {QStringLiteral("hotlist"), QStringLiteral("import"), file, QStringLiteral("--format"),
                             QStringLiteral("tsv"), QStringLiteral("--name"), QStringLiteral("NCIC")});
        QCOMPARE(bad.exitCode, 1); // invalid input is a usage error
        const Run plainImport =
            alprctl(kPlain, {QStringLiteral("hotlist"), QStringLiteral("import"), file, QStringLiteral("--format"),
                             QStringLiteral("ncic"), QStringLiteral("--name"), QStringLiteral("Mine")});
        QCOMPARE(plainImport.exitCode, 2); // investigators do not manage lists
    }

    void readsIndexedByAlprctlAreMatched()
    {
        // Reads stored without indexing (as a crashed import would leave them): the next alprctl command that reads
        // the queue indexes them, and the hot-list listener registered in alprctl turns the hit into an alert.
        auto session = alpr::Session::login(store(), kAdmin, kPassword);
        QVERIFY(session);
        QList<alpr::PlateRead> reads(2);
        reads[0].plate = QStringLiteral("ABC1234");
        reads[1].plate = QStringLiteral("ZZZ0000");
        for (alpr::PlateRead& r : reads) {
            r.confidence = 0.9;
            r.timeUtc = QDateTime::currentDateTimeUtc().addSecs(-60);
            r.unitId = QStringLiteral("UNIT-07");
            r.latitude = 34.05;
            r.longitude = -118.25;
        }
        alpr::store::Transaction tx((*session)->database());
        alpr::ReadRepository((*session)->database()).insert(tx, reads);
        tx.commit();
        session->reset();

        const Run plain = alprctl(kPlain, {QStringLiteral("alerts"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
        const auto alerts = jsonLines(plain.out);
        QCOMPARE(alerts.size(), 1);
        const QJsonObject a = alerts.first();
        QCOMPARE(a.value(QStringLiteral("entry_plate")).toString(), QStringLiteral("ABC1234"));
        QCOMPARE(a.value(QStringLiteral("verification")).toString(),
                 QStringLiteral("UNVERIFIED: confirm through CLETS/dispatch before enforcement"));
        QVERIFY(a.value(QStringLiteral("clets")).toObject().value(QStringLiteral("redacted")).toBool());
        QVERIFY(!plain.out.contains(QStringLiteral("987654321")));
        QVERIFY(!plain.out.contains(QStringLiteral("YAMA")));

        const Run table = alprctl(kPlain, {QStringLiteral("alerts"), QStringLiteral("list")});
        QVERIFY(table.out.contains(QStringLiteral("UNVERIFIED: confirm through CLETS/dispatch before enforcement")));
        const Run cleared =
            alprctl(kCleared, {QStringLiteral("alerts"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY(cleared.out.contains(QStringLiteral("987654321")));
        QVERIFY(cleared.out.contains(QStringLiteral("2009 YAMA CYL MC BLK")));
    }

    void cletsFieldsStayHiddenInShowEntriesAndExport()
    {
        const QString id = QString::number(firstAlertId());
        const Run show = alprctl(kPlain, {QStringLiteral("alerts"), QStringLiteral("show"), id});
        QVERIFY2(show.exitCode == 0, qPrintable(show.err));
        QVERIFY(show.out.contains(QStringLiteral("[redacted: CLETS authorization required]")));
        QVERIFY(!show.out.contains(QStringLiteral("LA0570200")));
        const Run entries = alprctl(kPlain, {QStringLiteral("hotlist"), QStringLiteral("entries"),
                                             QStringLiteral("NCIC"), QStringLiteral("--json")});
        QCOMPARE(entries.exitCode, 0);
        QVERIFY(entries.out.contains(QStringLiteral("ABC1234")));
        QVERIFY(!entries.out.contains(QStringLiteral("987654321")));
        const QString csv = m_dir.filePath(QStringLiteral("alerts.csv"));
        const Run exported =
            alprctl(kPlain, {QStringLiteral("alerts"), QStringLiteral("export"), QStringLiteral("--to"), csv});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray content = f.readAll();
        QVERIFY(content.contains("UNVERIFIED: confirm through CLETS/dispatch before enforcement"));
        QVERIFY(!content.contains("987654321"));
        const Run full = alprctl(kCleared, {QStringLiteral("alerts"), QStringLiteral("show"), id});
        QVERIFY(full.out.contains(QStringLiteral("LA0570200")));
    }

    void verifyAndRejectThroughTheCli()
    {
        const QString id = QString::number(firstAlertId());
        const Run dispatch = alprctl(kPlain, {QStringLiteral("alerts"), QStringLiteral("dispatch"), id});
        QVERIFY(dispatch.out.startsWith(QStringLiteral("ALPR hit ABC1234 CA on NCIC")));
        QVERIFY(dispatch.out.contains(QStringLiteral("UNVERIFIED")));
        const Run early =
            alprctl(kPlain, {QStringLiteral("alerts"), QStringLiteral("verify"), id, QStringLiteral("--step"),
                             QStringLiteral("clets"), QStringLiteral("--outcome"), QStringLiteral("active"),
                             QStringLiteral("--ref"), QStringLiteral("D-1")});
        QCOMPARE(early.exitCode, 1);
        QVERIFY(early.err.contains(QStringLiteral("check the plate and state against the image first")));
        QCOMPARE(alprctl(kPlain, {QStringLiteral("alerts"), QStringLiteral("verify"), id, QStringLiteral("--step"),
                                  QStringLiteral("visual")})
                     .exitCode,
                 0);
        const Run confirmed =
            alprctl(kPlain, {QStringLiteral("alerts"), QStringLiteral("verify"), id, QStringLiteral("--step"),
                             QStringLiteral("clets"), QStringLiteral("--outcome"), QStringLiteral("active"),
                             QStringLiteral("--ref"), QStringLiteral("DISP-77"), QStringLiteral("--json")});
        QVERIFY2(confirmed.exitCode == 0, qPrintable(confirmed.err));
        QCOMPARE(jsonLines(confirmed.out).first().value(QStringLiteral("state")).toString(),
                 QStringLiteral("confirmed"));
        const Run badReason = alprctl(kPlain, {QStringLiteral("alerts"), QStringLiteral("reject"), id,
                                               QStringLiteral("--reason"), QStringLiteral("bored")});
        QCOMPARE(badReason.exitCode, 1);
        const Run reasons = alprctl(kPlain, {QStringLiteral("alerts"), QStringLiteral("reasons")});
        const QString reason = reasons.out.split(QLatin1Char('\n')).first();
        const Run rejected = alprctl(
            kPlain, {QStringLiteral("alerts"), QStringLiteral("reject"), id, QStringLiteral("--reason"), reason});
        QVERIFY2(rejected.exitCode == 0, qPrintable(rejected.err));
        QVERIFY(rejected.out.contains(QStringLiteral("rejected")));
    }

    void manualEntriesThroughTheCli()
    {
        const Run bolo =
            alprctl(kAdmin, {QStringLiteral("hotlist"), QStringLiteral("entry"), QStringLiteral("add"),
                             QStringLiteral("BOLO42"), QStringLiteral("--category"), QStringLiteral("bolo"),
                             QStringLiteral("--reason"), QStringLiteral("Seen at robbery"), QStringLiteral("--days"),
                             QStringLiteral("3")});
        QVERIFY2(bolo.exitCode == 0, qPrintable(bolo.err));
        QVERIFY(!bolo.out.contains(QStringLiteral("searched at once")));
        const Run amber =
            alprctl(kAdmin, {QStringLiteral("hotlist"), QStringLiteral("entry"), QStringLiteral("add"),
                             QStringLiteral("ZZZ0000"), QStringLiteral("--category"), QStringLiteral("amber-alert"),
                             QStringLiteral("--reason"), QStringLiteral("Amber 26-3")});
        QVERIFY2(amber.exitCode == 0, qPrintable(amber.err));
        QVERIFY(amber.out.contains(QStringLiteral("reads of the last 30 days searched at once: 1 alerts")));
        const Run lists = alprctl(kAdmin, {QStringLiteral("hotlist"), QStringLiteral("list")});
        QVERIFY(lists.out.contains(QStringLiteral("Manual entries")));
        QVERIFY(lists.out.contains(QStringLiteral("current")));
    }
};

QTEST_GUILESS_MAIN(TestHotlistCli)
#include "TestHotlistCli.moc"
