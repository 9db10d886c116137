#include "TestStore.h"

#include "audit/AuditLog.h"
#include "fleet/UnitService.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace alpr;
using namespace alpr::test;

class TestUnitService : public QObject {
    Q_OBJECT

private slots:
    void init() { m_store = std::make_unique<TestStore>(); QVERIFY(m_store->isValid()); }
    void cleanup() { m_store.reset(); }

    void addListAndUpdateAreAudited()
    {
        UnitService units(m_store->session());
        Unit car;
        car.id = QStringLiteral("CAR-12");
        car.name = QStringLiteral("Patrol 12");
        car.assignment = QStringLiteral("Car 4412, Ofc. Ruiz");
        car.cameraSerials = {QStringLiteral("NDI-1001"), QStringLiteral("NDI-1002")};
        auto added = units.add(car);
        QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
        QCOMPARE(added->cameraSerials.size(), 2);
        QCOMPARE(added->status, UnitStatus::InService);
        QCOMPARE(added->createdUtc, m_store->clock().nowUtc());

        UnitUpdate change;
        change.assignment = QStringLiteral("Car 4412, Ofc. Chen");
        change.status = UnitStatus::OutOfService;
        auto updated = units.update(QStringLiteral("CAR-12"), change);
        QVERIFY2(updated, qPrintable(updated ? QString() : updated.error().message));
        QCOMPARE(updated->assignment, QStringLiteral("Car 4412, Ofc. Chen"));
        QCOMPARE(updated->status, UnitStatus::OutOfService);
        QCOMPARE(updated->name, QStringLiteral("Patrol 12"));

        AuditFilter f;
        f.action = QStringLiteral("unit.*");
        auto records = AuditLog::list(m_store->session().database(), f);
        QVERIFY(records);
        QCOMPARE(records->size(), 2);
        const AuditRecord& update = records->at(0).action == QLatin1String("unit.update") ? records->at(0) : records->at(1);
        QCOMPARE(update.object, QStringLiteral("unit:CAR-12"));
        const QJsonObject changed = QJsonDocument::fromJson(update.parameters.toUtf8()).object();
        QCOMPARE(changed.keys(), (QStringList{QStringLiteral("assignment"), QStringLiteral("status")}));
        QVERIFY(AuditLog::verify(m_store->session().database())->intact);

        // An update that changes nothing writes nothing.
        QVERIFY(units.update(QStringLiteral("CAR-12"), change));
        QCOMPARE(AuditLog::list(m_store->session().database(), f)->size(), 2);
        QCOMPARE(units.list()->size(), 1);
    }

    void badInputIsRefusedAndChangesNothing()
    {
        UnitService units(m_store->session());
        Unit u;
        u.id = QStringLiteral("CAR 12; DROP TABLE units");
        QCOMPARE(units.add(u).error().code, ErrorCode::InvalidInput);
        u.id = QStringLiteral("CAR-1");
        u.name = QStringLiteral("two\nlines");
        QCOMPARE(units.add(u).error().code, ErrorCode::InvalidInput);
        u.name.clear();
        u.cameraSerials = {QStringLiteral("bad serial!")};
        QCOMPARE(units.add(u).error().code, ErrorCode::InvalidInput);
        u.cameraSerials.clear();
        QVERIFY(units.add(u));
        QCOMPARE(units.add(u).error().code, ErrorCode::InvalidInput); // exists
        QCOMPARE(units.update(QStringLiteral("CAR-404"), {}).error().code, ErrorCode::NotFound);
        QCOMPARE(units.list()->size(), 1);
    }

    void undockedOnlyThroughTheCommandersApproval()
    {
        UnitService units(m_store->session());
        Unit u;
        u.id = QStringLiteral("CAR-7");
        QVERIFY(units.add(u));
        UnitUpdate undock;
        undock.status = UnitStatus::Undocked;
        auto refused = units.update(QStringLiteral("CAR-7"), undock);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QStringLiteral("Commander")));
        QCOMPARE(units.find(QStringLiteral("CAR-7"))->status, UnitStatus::InService);
        u.id = QStringLiteral("CAR-8");
        u.status = UnitStatus::Undocked;
        QCOMPARE(units.add(u).error().code, ErrorCode::InvalidInput);
    }

    void onlyManagersChangeUnits()
    {
        UnitService(m_store->session()).add(Unit{QStringLiteral("CAM-MAIN-ST"), {}, UnitKind::Fixed, {}, {}, {}, {}, {}})
            .value();
        auto detective = m_store->addAndLogin(QStringLiteral("det1"), Role::Investigator);
        QVERIFY(detective);
        UnitService asDetective(*detective);
        Unit u;
        u.id = QStringLiteral("CAR-99");
        QCOMPARE(asDetective.add(u).error().code, ErrorCode::PermissionDenied);
        UnitUpdate rename;
        rename.name = QStringLiteral("Mine now");
        QCOMPARE(asDetective.update(QStringLiteral("CAM-MAIN-ST"), rename).error().code, ErrorCode::PermissionDenied);
        QCOMPARE(asDetective.list()->size(), 1); // listing is open: investigators name units on import

        auto manager = m_store->addAndLogin(QStringLiteral("mgr1"), Role::AgencyManager);
        QVERIFY(manager);
        QVERIFY(UnitService(*manager).add(u));
        QCOMPARE(UnitService(*manager).find(QStringLiteral("CAM-MAIN-ST"))->kind, UnitKind::Fixed);
    }

private:
    std::unique_ptr<TestStore> m_store;
};

QTEST_GUILESS_MAIN(TestUnitService)
#include "TestUnitService.moc"
