#include "AlprctlRun.h"
#include "OffloadFixture.h"
#include "TestStore.h"

#include "audit/AuditLog.h"
#include "fleet/UnitService.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace alpr;
using namespace alpr::test;

namespace {

using Run = alpr::test::AlprctlRun;

} // namespace

/// The fleet commands through the real alprctl, as the agency's scripts and cron jobs call them: arguments, stdin
/// password, stdout data, stderr messages and exit codes.
class TestFleetCommands : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_store = std::make_unique<TestStore>();
        QVERIFY(m_store->isValid());
        m_store->addUser(QStringLiteral("manager1"), Role::AgencyManager);
        m_store->addUser(QStringLiteral("officer1"), Role::Investigator);
    }
    void cleanup() { m_store.reset(); }

    void unitsAddListSet()
    {
        const Run added = alprctl(QStringLiteral("manager1"),
                                  {QStringLiteral("units"), QStringLiteral("add"), QStringLiteral("CAR-12"), QStringLiteral("--name"),
                                   QStringLiteral("Patrol 12"), QStringLiteral("--assignment"), QStringLiteral("Car 4412"),
                                   QStringLiteral("--cameras"), QStringLiteral("NDI-1,NDI-2"), QStringLiteral("--json")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QCOMPARE(QJsonDocument::fromJson(added.out.toUtf8()).object().value(QStringLiteral("status")).toString(),
                 QStringLiteral("in-service"));
        const Run set = alprctl(QStringLiteral("manager1"), {QStringLiteral("units"), QStringLiteral("set"), QStringLiteral("CAR-12"),
                                                             QStringLiteral("--status"), QStringLiteral("retired")});
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        const Run list = alprctl(QStringLiteral("officer1"), {QStringLiteral("units"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.contains(QStringLiteral("CAR-12\tvehicle\tretired\tPatrol 12\tCar 4412\tNDI-1,NDI-2\tnever")));
        QCOMPARE(alprctl(QStringLiteral("officer1"), {QStringLiteral("units"), QStringLiteral("add"), QStringLiteral("CAR-13")}).exitCode,
                 2);
        QCOMPARE(alprctl(QStringLiteral("manager1"), {QStringLiteral("units"), QStringLiteral("set"), QStringLiteral("CAR-12"),
                                                      QStringLiteral("--status"), QStringLiteral("sideways")})
                     .exitCode,
                 1);
    }

    void transferImportListAndVerificationFailure()
    {
        addUnit(QStringLiteral("CAR-12"));
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-2);
        const QString good = m_dir.path() + QStringLiteral("/good");
        QVERIFY(writeOffload(good, QStringLiteral("CAR-12"), transferReads(start, 0, 5), true));
        const Run imported = alprctl(QStringLiteral("officer1"), {QStringLiteral("transfer"), QStringLiteral("import"), good,
                                                                  QStringLiteral("--unit"), QStringLiteral("CAR-12")});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.contains(QStringLiteral("5 new reads, 0 already stored")), qPrintable(imported.out));

        const QString bad = m_dir.path() + QStringLiteral("/bad");
        QVERIFY(writeOffload(bad, QStringLiteral("CAR-12"), transferReads(start, 5, 2), true));
        QVERIFY(rewrite(bad + QStringLiteral("/images/0.jpg"), QByteArray("\xff\xd8\xff swapped")));
        const Run rejected = alprctl(QStringLiteral("officer1"), {QStringLiteral("transfer"), QStringLiteral("import"), bad});
        QCOMPARE(rejected.exitCode, 3);
        QVERIFY2(rejected.err.contains(QStringLiteral("images/0.jpg")), qPrintable(rejected.err));
        QVERIFY(rejected.out.isEmpty());

        const Run wrongUnit = alprctl(QStringLiteral("officer1"), {QStringLiteral("transfer"), QStringLiteral("import"), good,
                                                                   QStringLiteral("--unit"), QStringLiteral("CAR-99")});
        QCOMPARE(wrongUnit.exitCode, 0); // imported before: skipped, whatever the operator thought it was
        QVERIFY(wrongUnit.out.contains(QStringLiteral("imported before")));

        const Run list = alprctl(QStringLiteral("manager1"), {QStringLiteral("transfer"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        const QStringList lines = list.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(QJsonDocument::fromJson(lines[0].toUtf8()).object().value(QStringLiteral("status")).toString(),
                 QStringLiteral("failed"));
        QCOMPARE(QJsonDocument::fromJson(lines[1].toUtf8()).object().value(QStringLiteral("stored_reads")).toInt(), 5);
        QCOMPARE(m_store->session().database().queryInt64(QStringLiteral("SELECT count(*) FROM reads")), 5);
    }

    void transferWatchOnceImportsTheFolder()
    {
        addUnit(QStringLiteral("CAR-12"));
        const QString watched = m_dir.path() + QStringLiteral("/dropbox");
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-1);
        QVERIFY(writeOffload(watched + QStringLiteral("/one"), QStringLiteral("CAR-12"), transferReads(start, 0, 3)));
        QVERIFY(writeOffload(watched + QStringLiteral("/two"), QStringLiteral("CAR-12"), transferReads(start, 2, 3)));
        const QStringList args{QStringLiteral("transfer"), QStringLiteral("watch"), watched, QStringLiteral("--once"),
                               QStringLiteral("--settle"), QStringLiteral("0"), QStringLiteral("--json")};
        const Run first = alprctl(QStringLiteral("manager1"), args);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QCOMPARE(first.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 2);
        QCOMPARE(m_store->session().database().queryInt64(QStringLiteral("SELECT count(*) FROM reads")), 5);
        const Run second = alprctl(QStringLiteral("manager1"), args);
        QCOMPARE(second.exitCode, 0);
        QVERIFY(second.out.isEmpty());
    }

    void onlyTheCommanderApprovesUndocking()
    {
        addUnit(QStringLiteral("CAR-12"));
        const Run request = alprctl(QStringLiteral("officer1"),
                                    {QStringLiteral("undock"), QStringLiteral("request"), QStringLiteral("CAR-12"),
                                     QStringLiteral("--reason"), QStringLiteral("Windshield"), QStringLiteral("--from"),
                                     QStringLiteral("2026-12-03T08:00:00Z"), QStringLiteral("--to"),
                                     QStringLiteral("2026-12-04T17:00:00Z"), QStringLiteral("--json")});
        QVERIFY2(request.exitCode == 0, qPrintable(request.err));
        const QString id = QString::number(QJsonDocument::fromJson(request.out.toUtf8()).object().value(QStringLiteral("id")).toInteger());
        const Run byManager = alprctl(QStringLiteral("manager1"), {QStringLiteral("undock"), QStringLiteral("approve"), id});
        QCOMPARE(byManager.exitCode, 2);
        QVERIFY2(byManager.err.contains(QStringLiteral("Commander")), qPrintable(byManager.err));
        const Run byOfficer = alprctl(QStringLiteral("officer1"), {QStringLiteral("undock"), QStringLiteral("approve"), id});
        QCOMPARE(byOfficer.exitCode, 2);
        QCOMPARE(UnitService(m_store->session()).find(QStringLiteral("CAR-12"))->status, UnitStatus::InService);
        const Run byCommander = alprctl(TestStore::kAdmin, {QStringLiteral("undock"), QStringLiteral("approve"), id,
                                                            QStringLiteral("--note"), QStringLiteral("ok")});
        QVERIFY2(byCommander.exitCode == 0, qPrintable(byCommander.err));
        QCOMPARE(UnitService(m_store->session()).find(QStringLiteral("CAR-12"))->status, UnitStatus::Undocked);
        const Run list = alprctl(QStringLiteral("manager1"), {QStringLiteral("undock"), QStringLiteral("list")});
        QVERIFY(list.out.contains(QStringLiteral("\tCAR-12\tapproved\t")));
        const Run back = alprctl(QStringLiteral("officer1"), {QStringLiteral("undock"), QStringLiteral("return"), id});
        QVERIFY2(back.exitCode == 0, qPrintable(back.err));
        AuditFilter f;
        f.action = QStringLiteral("undock.*");
        auto audit = AuditLog::list(m_store->session().database(), f);
        QCOMPARE(audit->size(), 5); // request, two refused approvals, approval, return
    }

    void fleetStatusExitsThreeWhenAUnitIsOverThirtyDays()
    {
        // Registered by the test's session at its mock time, months before the real clock alprctl runs on.
        addUnit(QStringLiteral("CAR-OLD"));
        const Run red = alprctl(QStringLiteral("manager1"), {QStringLiteral("fleet"), QStringLiteral("status"), QStringLiteral("--json")});
        QCOMPARE(red.exitCode, 3);
        const QJsonObject unit = QJsonDocument::fromJson(red.out.trimmed().toUtf8()).object();
        QCOMPARE(unit.value(QStringLiteral("health")).toString(), QStringLiteral("red"));
        QVERIFY(red.err.contains(QStringLiteral("1 red")));

        // A fresh transfer turns it green, and the cron job is happy.
        const QString dir = m_dir.path() + QStringLiteral("/fresh");
        QVERIFY(writeOffload(dir, QStringLiteral("CAR-OLD"), transferReads(QDateTime::currentDateTimeUtc().addDays(-1), 0, 2)));
        QCOMPARE(alprctl(QStringLiteral("manager1"), {QStringLiteral("transfer"), QStringLiteral("import"), dir}).exitCode, 0);
        const Run green = alprctl(QStringLiteral("manager1"), {QStringLiteral("fleet"), QStringLiteral("status")});
        QCOMPARE(green.exitCode, 0);
        QVERIFY(green.out.contains(QStringLiteral("CAR-OLD\tgreen\tin-service\t")));
        QCOMPARE(alprctl(QStringLiteral("officer1"), {QStringLiteral("fleet"), QStringLiteral("status")}).exitCode, 2);
    }

private:
    Run alprctl(const QString& user, const QStringList& args)
    {
        return alpr::test::runAlprctl(QStringLiteral(ALPRCTL_PATH),
                                      QStringList{QStringLiteral("--store"), m_store->directory(), QStringLiteral("--user"),
                                                  user, QStringLiteral("--password-stdin")} +
                                          args,
                                      {TestStore::kPassword});
    }
    void addUnit(const QString& id)
    {
        Unit u;
        u.id = id;
        QVERIFY(UnitService(m_store->session()).add(u));
    }

    std::unique_ptr<TestStore> m_store;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestFleetCommands)
#include "TestFleetCommands.moc"
