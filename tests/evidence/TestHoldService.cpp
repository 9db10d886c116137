// Holds: who may place and release which kind, what they cover, expiry, and the audit trail.
#include "EvidenceFixture.h"
#include "TestStore.h"

#include "audit/AuditLog.h"
#include "evidence/CaseService.h"
#include "evidence/HoldService.h"

#include <QTest>

using namespace alpr;
using alpr::test::EvidenceFixture;
using alpr::test::TestStore;

namespace {

const QString kCase = QStringLiteral("26-0300");

QList<PlateRead> setUpCase(TestStore& store)
{
    const QDateTime now = store.clock().nowUtc();
    const auto reads = EvidenceFixture::insert(
        store.session(), {EvidenceFixture::read(QStringLiteral("HLD1"), now.addDays(-400), false),
                          EvidenceFixture::read(QStringLiteral("HLD2"), now.addDays(-300), false),
                          EvidenceFixture::read(QStringLiteral("HLD3"), now.addDays(-200), false)});
    CaseService cases(store.session());
    if (!cases.add({kCase, QStringLiteral("Homicide"), {}}) ||
        !cases.attach(kCase, QStringLiteral("read"), {reads[0].id, reads[1].id}))
        qWarning("setUpCase failed");
    return reads;
}

} // namespace

class TestHoldService : public QObject {
    Q_OBJECT

private slots:
    void evidenceHoldCoversTheCaseReads()
    {
        TestStore store;
        const auto reads = setUpCase(store);
        auto investigator = store.addAndLogin(QStringLiteral("inv1"), Role::Investigator);
        HoldService holds(*investigator);
        auto hold = holds.place({HoldKind::Evidence, kCase, {}, {}, {}, {}, QStringLiteral("charges filed")});
        QVERIFY2(hold.has_value(), qPrintable(alpr::test::errorText(hold)));
        QCOMPARE(hold->heldReads, qint64(2));
        QCOMPARE(hold->caseNumber, kCase);
        QVERIFY(hold->isActiveOn(store.clock().nowUtc().date()));
        // Reads attached later are covered too: the hold is on the case, not on a snapshot of it.
        QVERIFY(CaseService(store.session()).attach(kCase, QStringLiteral("read"), {reads[2].id}).has_value());
        QCOMPARE(holds.find(hold->id)->heldReads, qint64(3));
        // Investigators place evidence holds but neither release them nor place legal holds.
        QCOMPARE(holds.release(hold->id, QStringLiteral("x")).error().code, ErrorCode::PermissionDenied);
        HoldRequest legal{HoldKind::Legal, kCase, {}, QStringLiteral("Court"), QStringLiteral("SUBP-1")};
        QCOMPARE(holds.place(legal).error().code, ErrorCode::PermissionDenied);
        QCOMPARE(holds.place({HoldKind::Evidence, QStringLiteral("26-0404")}).error().code, ErrorCode::NotFound);
        QCOMPARE(holds.place({HoldKind::Evidence, {}}).error().code, ErrorCode::InvalidInput);
    }

    void legalHoldByRecordsSupervisorUntilADate()
    {
        TestStore store;
        const auto reads = setUpCase(store);
        auto records = store.addAndLogin(QStringLiteral("rec1"), Role::RecordsSupervisor);
        HoldService holds(*records);
        const QDate until = store.clock().nowUtc().date().addDays(30);
        HoldRequest legal{HoldKind::Legal,
                          {},
                          {reads[2].id},
                          QStringLiteral("Public Defender"),
                          QStringLiteral("PRA-2026-88"),
                          until};
        auto hold = holds.place(legal);
        QVERIFY2(hold.has_value(), qPrintable(alpr::test::errorText(hold)));
        QCOMPARE(hold->listedReads, qint64(1));
        QCOMPARE(hold->until, until);
        QCOMPARE(holds.list(false)->size(), 1);
        // Past its date the hold no longer protects anything and drops out of the active list.
        store.clock().advanceDays(31);
        QCOMPARE(holds.list(false)->size(), 0);
        QCOMPARE(holds.list(true)->size(), 1);
        // Refusals: missing requester or reference, nothing covered, a date already past, an unknown read.
        QCOMPARE(holds.place({HoldKind::Legal, kCase, {}, {}, QStringLiteral("R")}).error().code,
                 ErrorCode::InvalidInput);
        QCOMPARE(holds.place({HoldKind::Legal, {}, {}, QStringLiteral("A"), QStringLiteral("R")}).error().code,
                 ErrorCode::InvalidInput);
        HoldRequest past = legal;
        past.until = store.clock().nowUtc().date().addDays(-1);
        QCOMPARE(holds.place(past).error().code, ErrorCode::InvalidInput);
        HoldRequest unknown = legal;
        unknown.until = {};
        unknown.readIds = {4242};
        QCOMPARE(holds.place(unknown).error().code, ErrorCode::NotFound);
        // Records supervisors may not place evidence holds.
        QCOMPARE(holds.place({HoldKind::Evidence, kCase}).error().code, ErrorCode::PermissionDenied);
    }

    void releaseIsAuditedAndNeedsAReason()
    {
        TestStore store;
        setUpCase(store);
        HoldService holds(store.session());
        auto hold = holds.place({HoldKind::Evidence, kCase});
        QVERIFY(hold.has_value());
        QCOMPARE(holds.release(hold->id, QStringLiteral("  ")).error().code, ErrorCode::InvalidInput);
        store.clock().advanceSecs(60);
        QVERIFY(holds.release(hold->id, QStringLiteral("Case adjudicated")).has_value());
        const Hold released = *holds.find(hold->id);
        QCOMPARE(released.releasedBy, TestStore::kAdmin);
        QCOMPARE(released.releaseReason, QStringLiteral("Case adjudicated"));
        QVERIFY(!released.isActiveOn(store.clock().nowUtc().date()));
        QCOMPARE(holds.release(hold->id, QStringLiteral("again")).error().code, ErrorCode::InvalidInput);
        QCOMPARE(holds.release(9999, QStringLiteral("x")).error().code, ErrorCode::NotFound);
        const auto trail = AuditLog::list(store.session().database(), {{}, QStringLiteral("hold.*")});
        QCOMPARE(trail->size(), 2);
        QCOMPARE(trail->at(0).action, QStringLiteral("hold.place"));
        QCOMPARE(trail->at(1).action, QStringLiteral("hold.release"));
        QCOMPARE(trail->at(1).caseNumber, kCase);
        QVERIFY(trail->at(1).parameters.contains(QStringLiteral("Case adjudicated")));
        auto auditor = store.addAndLogin(QStringLiteral("aud1"), Role::Auditor);
        QCOMPARE(HoldService(*auditor).place({HoldKind::Evidence, kCase}).error().code, ErrorCode::PermissionDenied);
    }
};

QTEST_GUILESS_MAIN(TestHoldService)
#include "TestHoldService.moc"
