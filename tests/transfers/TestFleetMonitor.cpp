#include "OffloadFixture.h"
#include "TestStore.h"

#include "audit/AuditLog.h"
#include "fleet/FleetMonitor.h"
#include "fleet/UnitService.h"
#include "transfers/TransferService.h"

#include <QTemporaryDir>
#include <QTest>

using namespace alpr;
using namespace alpr::test;

class TestFleetMonitor : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_store = std::make_unique<TestStore>();
        QVERIFY(m_store->isValid());
        for (const char* id : {"CAR-1", "CAR-2", "CAR-3", "CAR-OOS"}) {
            Unit u;
            u.id = QString::fromLatin1(id);
            QVERIFY(UnitService(m_store->session()).add(u));
        }
        UnitUpdate parked;
        parked.status = UnitStatus::OutOfService;
        QVERIFY(UnitService(m_store->session()).update(QStringLiteral("CAR-OOS"), parked));
    }
    void cleanup() { m_store.reset(); }

    void flagsUnitsOverThirtyDaysRedAndOverTheWarningAmber()
    {
        // Day 0: CAR-1 transfers. Day 6: CAR-3. Day 11: CAR-2. Day 31: CAR-1 is 31 days old, CAR-3 25, CAR-2 20.
        transfer(QStringLiteral("CAR-1"), 0);
        m_store->clock().advanceDays(6);
        transfer(QStringLiteral("CAR-3"), 6);
        m_store->clock().advanceDays(5);
        transfer(QStringLiteral("CAR-2"), 11);
        m_store->clock().advanceDays(20);

        auto status = FleetMonitor(m_store->session()).status();
        QVERIFY2(status, qPrintable(status ? QString() : status.error().message));
        QCOMPARE(health(*status, QStringLiteral("CAR-1")).health, TransferHealth::Red);
        QCOMPARE(health(*status, QStringLiteral("CAR-1")).ageDays, 31.0);
        QCOMPARE(health(*status, QStringLiteral("CAR-2")).health, TransferHealth::Green);
        QCOMPARE(health(*status, QStringLiteral("CAR-2")).ageDays, 20.0);
        QCOMPARE(health(*status, QStringLiteral("CAR-3")).health, TransferHealth::Amber);
        QCOMPARE(health(*status, QStringLiteral("CAR-OOS")).health, TransferHealth::NotMonitored);
        QCOMPARE(status->count(TransferHealth::Red), 1);

        // Exactly 30 days is within the policy; a second more is not.
        QCOMPARE(FleetMonitor::healthFor(30.0, 21), TransferHealth::Amber);
        QCOMPARE(FleetMonitor::healthFor(30.0 + 1.0 / 86400, 21), TransferHealth::Red);

        // The warning threshold is the agency's to set, audited.
        QVERIFY(FleetMonitor(m_store->session()).setWarningDays(15));
        status = FleetMonitor(m_store->session()).status();
        QCOMPARE(status->warningDays, 15);
        QCOMPARE(health(*status, QStringLiteral("CAR-2")).health, TransferHealth::Amber);
        QCOMPARE(FleetMonitor(m_store->session()).setWarningDays(30).error().code, ErrorCode::InvalidInput);
        AuditFilter f;
        f.action = QStringLiteral("fleet.settings");
        QCOMPARE(AuditLog::list(m_store->session().database(), f)->size(), 1);
    }

    void neverTransferredUnitsAgeFromRegistration()
    {
        m_store->clock().advanceDays(31);
        auto status = FleetMonitor(m_store->session()).status();
        QCOMPARE(health(*status, QStringLiteral("CAR-2")).health, TransferHealth::Red);
        QVERIFY(!health(*status, QStringLiteral("CAR-2")).lastGoodTransferUtc.isValid());
    }

    void reportsCoverageGapsAndFailures()
    {
        // Registered on day 0; on day 5 an offload with reads on days 1, 2 and 4: days 0 and 3 have none.
        const QDateTime day0 = m_store->clock().nowUtc();
        m_store->clock().advanceDays(5);
        QList<TransferRead> reads;
        for (int day : {1, 2, 4})
            reads.append(transferRead(QStringLiteral("GAP%1").arg(day), day0.addDays(day)));
        const QString dir = m_dir.path() + QStringLiteral("/gaps");
        QVERIFY(writeOffload(dir, QStringLiteral("CAR-1"), reads));
        JobContext job;
        QVERIFY(TransferService(m_store->session(), m_store->session().database()).importOffload(dir, job));
        const QString bad = m_dir.path() + QStringLiteral("/bad");
        QVERIFY(writeOffload(bad, QStringLiteral("CAR-1"), reads.mid(0, 1)));
        QVERIFY(rewrite(bad + QStringLiteral("/manifest.json"),
                        readAll(bad + QStringLiteral("/manifest.json")).replace("\"read_count\": 1", "\"read_count\": 2")));
        QVERIFY(!TransferService(m_store->session(), m_store->session().database()).importOffload(bad, job));

        auto status = FleetMonitor(m_store->session()).status();
        const UnitHealth h = health(*status, QStringLiteral("CAR-1"));
        QCOMPARE(h.gapDays, (QList<QDate>{day0.date(), day0.date().addDays(3)}));
        QCOMPARE(h.dataFromUtc, day0.addDays(1));
        QCOMPARE(h.dataToUtc, day0.addDays(4));
        QCOMPARE(h.failedTransfers, 1);
        QCOMPARE(h.health, TransferHealth::Green);
    }

    void onlyManagersCommandersAndAuditorsSeeIt()
    {
        auto detective = m_store->addAndLogin(QStringLiteral("det1"), Role::Investigator);
        QCOMPARE(FleetMonitor(*detective).status().error().code, ErrorCode::PermissionDenied);
        auto auditor = m_store->addAndLogin(QStringLiteral("aud1"), Role::Auditor);
        QVERIFY(FleetMonitor(*auditor).status());
        QCOMPARE(FleetMonitor(*auditor).setWarningDays(10).error().code, ErrorCode::PermissionDenied);
    }

private:
    void transfer(const QString& unit, int day)
    {
        const QString dir = m_dir.path() + QStringLiteral("/%1-%2").arg(unit).arg(day);
        QVERIFY(writeOffload(dir, unit, transferReads(m_store->clock().nowUtc().addDays(-1), day * 10, 3)));
        JobContext job;
        auto outcome = TransferService(m_store->session(), m_store->session().database()).importOffload(dir, job);
        QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().message));
    }
    static UnitHealth health(const FleetStatus& status, const QString& unit)
    {
        for (const UnitHealth& h : status.units)
            if (h.unit.id == unit)
                return h;
        return {};
    }

    std::unique_ptr<TestStore> m_store;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestFleetMonitor)
#include "TestFleetMonitor.moc"
