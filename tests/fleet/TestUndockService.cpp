#include "TestStore.h"

#include "audit/AuditLog.h"
#include "fleet/UndockService.h"
#include "fleet/UnitService.h"

#include <QTest>

using namespace alpr;
using namespace alpr::test;

class TestUndockService : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_store = std::make_unique<TestStore>();
        QVERIFY(m_store->isValid());
        Unit car;
        car.id = QStringLiteral("CAR-12");
        QVERIFY(UnitService(m_store->session()).add(car));
        m_officer = m_store->addAndLogin(QStringLiteral("officer1"), Role::Investigator);
        m_manager = m_store->addAndLogin(QStringLiteral("manager1"), Role::AgencyManager);
        QVERIFY(m_officer && m_manager);
    }
    void cleanup()
    {
        m_officer.reset();
        m_manager.reset();
        m_store.reset();
    }

    void onlyTheCommanderApproves()
    {
        const QDateTime now = m_store->clock().nowUtc();
        auto request = UndockService(*m_officer).request(QStringLiteral("CAR-12"), QStringLiteral("Windshield replacement"),
                                                         now.addSecs(3600), now.addDays(2));
        QVERIFY2(request, qPrintable(request ? QString() : request.error().message));
        QCOMPARE(request->status, UndockRequest::Status::Pending);
        QCOMPARE(request->requestedBy, QStringLiteral("officer1"));

        // Neither the person who asked nor the Agency Manager may grant it: the core refuses, not only the UI.
        for (Session* s : {m_officer.get(), m_manager.get()}) {
            auto approved = UndockService(*s).approve(request->id);
            QVERIFY(!approved);
            QCOMPARE(approved.error().code, ErrorCode::PermissionDenied);
            QCOMPARE(UndockService(*s).deny(request->id).error().code, ErrorCode::PermissionDenied);
        }
        QCOMPARE(UndockService(m_store->session()).find(request->id)->status, UndockRequest::Status::Pending);
        QCOMPARE(UnitService(m_store->session()).find(QStringLiteral("CAR-12"))->status, UnitStatus::InService);
        AuditFilter refusals;
        refusals.action = QStringLiteral("undock.approve");
        auto refused = AuditLog::list(m_store->session().database(), refusals);
        QCOMPARE(refused->size(), 2);
        QVERIFY(refused->first().outcome.startsWith(QStringLiteral("refused")));

        auto approved = UndockService(m_store->session()).approve(request->id, QStringLiteral("Granted"));
        QVERIFY2(approved, qPrintable(approved ? QString() : approved.error().message));
        QCOMPARE(approved->status, UndockRequest::Status::Approved);
        QCOMPARE(approved->decidedBy, TestStore::kAdmin);
        QCOMPARE(UnitService(m_store->session()).find(QStringLiteral("CAR-12"))->status, UnitStatus::Undocked);
        // A decided request is not decided again.
        QCOMPARE(UndockService(m_store->session()).deny(request->id).error().code, ErrorCode::InvalidInput);
        // Nor can a second undocking of the same unit be asked for while it is away.
        QCOMPARE(UndockService(*m_officer)
                     .request(QStringLiteral("CAR-12"), QStringLiteral("again"), now, now.addDays(1))
                     .error()
                     .code,
                 ErrorCode::InvalidInput);
    }

    void returnsAndOverdueReturnsAreRecorded()
    {
        const QDateTime now = m_store->clock().nowUtc();
        auto request = UndockService(*m_officer).request(QStringLiteral("CAR-12"), QStringLiteral("Court exhibit"),
                                                         now, now.addDays(1));
        QVERIFY(request);
        QVERIFY(UndockService(m_store->session()).approve(request->id));
        QVERIFY(!UndockService(m_store->session()).find(request->id)->isOverdue(m_store->clock().nowUtc()));
        m_store->clock().advanceDays(3);
        QVERIFY(UndockService(m_store->session()).find(request->id)->isOverdue(m_store->clock().nowUtc()));
        // The person who asked may record the return; the unit is back in service.
        auto returned = UndockService(*m_officer).recordReturn(request->id);
        QVERIFY2(returned, qPrintable(returned ? QString() : returned.error().message));
        QCOMPARE(returned->status, UndockRequest::Status::Returned);
        QVERIFY(returned->wasReturnedLate());
        QCOMPARE(UnitService(m_store->session()).find(QStringLiteral("CAR-12"))->status, UnitStatus::InService);
        AuditFilter f;
        f.action = QStringLiteral("undock.return");
        auto records = AuditLog::list(m_store->session().database(), f);
        QCOMPARE(records->size(), 1);
        QVERIFY(records->first().outcome.contains(QStringLiteral("late")));
        QCOMPARE(UndockService(m_store->session()).list(false)->size(), 0);
        QCOMPARE(UndockService(m_store->session()).list(true)->size(), 1);
    }

    void denialLeavesTheUnitDocked()
    {
        const QDateTime now = m_store->clock().nowUtc();
        auto request = UndockService(*m_manager).request(QStringLiteral("CAR-12"), QStringLiteral("Loan to county"),
                                                         now, now.addDays(10));
        QVERIFY(request);
        auto denied = UndockService(m_store->session()).deny(request->id, QStringLiteral("Not for loans"));
        QVERIFY(denied);
        QCOMPARE(denied->status, UndockRequest::Status::Denied);
        QCOMPARE(denied->decisionNote, QStringLiteral("Not for loans"));
        QCOMPARE(UnitService(m_store->session()).find(QStringLiteral("CAR-12"))->status, UnitStatus::InService);
        QCOMPARE(UndockService(*m_officer).recordReturn(request->id).error().code, ErrorCode::PermissionDenied);
    }

    void badRequestsAreRefused()
    {
        UndockService service(*m_officer);
        const QDateTime now = m_store->clock().nowUtc();
        QCOMPARE(service.request(QStringLiteral("CAR-12"), QString(), now, now.addDays(1)).error().code,
                 ErrorCode::InvalidInput);
        QCOMPARE(service.request(QStringLiteral("CAR-12"), QStringLiteral("x"), now, now).error().code,
                 ErrorCode::InvalidInput);
        QCOMPARE(service.request(QStringLiteral("CAR-12"), QStringLiteral("x"), now, now.addDays(400)).error().code,
                 ErrorCode::InvalidInput);
        QCOMPARE(service.request(QStringLiteral("CAR-404"), QStringLiteral("x"), now, now.addDays(1)).error().code,
                 ErrorCode::NotFound);
        auto auditor = m_store->addAndLogin(QStringLiteral("auditor1"), Role::Auditor);
        QCOMPARE(UndockService(*auditor).request(QStringLiteral("CAR-12"), QStringLiteral("x"), now, now.addDays(1))
                     .error()
                     .code,
                 ErrorCode::PermissionDenied);
        QCOMPARE(UndockService(m_store->session()).list(true)->size(), 0);
    }

private:
    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<Session> m_officer;
    std::unique_ptr<Session> m_manager;
};

QTEST_GUILESS_MAIN(TestUndockService)
#include "TestUndockService.moc"
