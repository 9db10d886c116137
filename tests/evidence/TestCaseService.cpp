// Cases: numbers in the agency's format, attachments of any kind, and the audit trail of every change.
#include "EvidenceFixture.h"
#include "TestStore.h"

#include "audit/AuditLog.h"
#include "evidence/CaseService.h"

#include <QTest>

using namespace alpr;
using alpr::test::EvidenceFixture;
using alpr::test::TestStore;

class TestCaseService : public QObject {
    Q_OBJECT

private slots:
    void addListAndFind()
    {
        TestStore store;
        CaseService cases(store.session());
        auto added =
            cases.add({QStringLiteral(" 26-0001 "), QStringLiteral("Hit and run"), QStringLiteral("Det. Lee")});
        QVERIFY2(added.has_value(), qPrintable(alpr::test::errorText(added)));
        QCOMPARE(added->number, QStringLiteral("26-0001"));
        QCOMPARE(added->status, CaseStatus::Open);
        QCOMPARE(added->createdBy, TestStore::kAdmin);
        QCOMPARE(added->createdUtc, store.clock().nowUtc());
        QCOMPARE(cases.find(QStringLiteral("26-0001"))->title, QStringLiteral("Hit and run"));
        QCOMPARE(cases.add({QStringLiteral("26-0001"), QStringLiteral("Again"), {}}).error().code,
                 ErrorCode::InvalidInput);
        QCOMPARE(cases.add({QStringLiteral("not a number!"), QStringLiteral("x"), {}}).error().code,
                 ErrorCode::InvalidInput);
        QCOMPARE(cases.add({QStringLiteral("26-0002"), QString(), {}}).error().code, ErrorCode::InvalidInput);
        QCOMPARE(cases.find(QStringLiteral("26-0404")).error().code, ErrorCode::NotFound);

        QVERIFY(cases.add({QStringLiteral("26-0002"), QStringLiteral("Second"), {}}).has_value());
        QVERIFY(cases.setStatus(QStringLiteral("26-0001"), CaseStatus::Closed).has_value());
        QCOMPARE(cases.list(true)->size(), 2);
        QCOMPARE(cases.list(false)->size(), 1);
        QCOMPARE(cases.list(false)->first().number, QStringLiteral("26-0002"));
        const auto records = AuditLog::list(store.session().database(), {{}, QStringLiteral("case*")});
        QCOMPARE(records->size(), 3); // two adds and the status change, nothing for the refusals
        QCOMPARE(records->first().caseNumber, QStringLiteral("26-0001"));
    }

    void attachReadsAndOtherKinds()
    {
        TestStore store;
        const auto reads = EvidenceFixture::insert(
            store.session(),
            {EvidenceFixture::read(QStringLiteral("AAA111"), store.clock().nowUtc().addDays(-2), false),
             EvidenceFixture::read(QStringLiteral("BBB222"), store.clock().nowUtc().addDays(-3), false)});
        CaseService cases(store.session());
        QVERIFY(cases.add({QStringLiteral("26-0003"), QStringLiteral("Burglary"), {}}).has_value());
        QCOMPARE(*cases.attach(QStringLiteral("26-0003"), QStringLiteral("read"), {reads[0].id, reads[1].id}), 2);
        QCOMPARE(*cases.attach(QStringLiteral("26-0003"), QStringLiteral("read"), {reads[0].id}), 0); // already there
        QCOMPARE(*cases.attach(QStringLiteral("26-0003"), QStringLiteral("canvass"), {5}), 1);
        auto missing = cases.attach(QStringLiteral("26-0003"), QStringLiteral("read"), {reads[0].id, 999});
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QVERIFY(missing.error().message.contains(QStringLiteral("999")));
        QCOMPARE(cases.attach(QStringLiteral("26-0003"), QStringLiteral("Bad Kind!"), {1}).error().code,
                 ErrorCode::InvalidInput);
        QCOMPARE(cases.items(QStringLiteral("26-0003"))->size(), 3);
        // Oldest first: the case's reads in the order they happened.
        QCOMPARE(*cases.readIds(QStringLiteral("26-0003")), (QList<qint64>{reads[1].id, reads[0].id}));
    }

    void investigatorsManageCasesAuditorsDoNot()
    {
        TestStore store;
        auto investigator = store.addAndLogin(QStringLiteral("inv1"), Role::Investigator);
        QVERIFY(CaseService(*investigator).add({QStringLiteral("26-0004"), QStringLiteral("x"), {}}).has_value());
        auto auditor = store.addAndLogin(QStringLiteral("aud1"), Role::Auditor);
        QCOMPARE(CaseService(*auditor).add({QStringLiteral("26-0005"), QStringLiteral("x"), {}}).error().code,
                 ErrorCode::PermissionDenied);
        QCOMPARE(CaseService(*auditor).attach(QStringLiteral("26-0004"), QStringLiteral("read"), {1}).error().code,
                 ErrorCode::PermissionDenied);
    }
};

QTEST_GUILESS_MAIN(TestCaseService)
#include "TestCaseService.moc"
