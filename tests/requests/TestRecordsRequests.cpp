#include "EvidenceFixture.h"
#include "TestStore.h"

#include "audit/AuditLog.h"
#include "evidence/CaseService.h"
#include "evidence/HoldService.h"
#include "requests/RecordsRequestService.h"
#include "requests/ReleaseService.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace alpr;
using alpr::test::errorText;
using alpr::test::EvidenceFixture;
using alpr::test::TestStore;

class TestRecordsRequests : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void anyoneRegistersOnlyTheRecordsSupervisorWorks();
    void theDueDateFollowsTheConfiguredPeriod();
    void aDenialNeedsAReasonAndAClosedRequestStaysClosed();
    void assignmentGoesToRecordsSupervisorsOnly();
    void aLegalHoldIsPlacedFromARequest();
    void badRequestsAreRefusedAndStoreNothing_data();
    void badRequestsAreRefusedAndStoreNothing();
    void anExpiredTrainingMayNotRegister();
    void aReleaseAppearsInTheSharingReport();
    void releasesNeedEveryFieldAndTheRightRole();

private:
    NewAgencyRelease release(const QString& agency) const;

    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<Session> m_supervisor;
    std::unique_ptr<Session> m_investigator;
};

void TestRecordsRequests::init()
{
    m_store = std::make_unique<TestStore>();
    QVERIFY(m_store->isValid());
    m_supervisor = m_store->addAndLogin(QStringLiteral("rs1"), Role::RecordsSupervisor);
    m_investigator = m_store->addAndLogin(QStringLiteral("inv1"), Role::Investigator);
    QVERIFY(m_supervisor && m_investigator);
}

void TestRecordsRequests::cleanup()
{
    m_investigator.reset();
    m_supervisor.reset();
    m_store.reset();
}

NewAgencyRelease TestRecordsRequests::release(const QString& agency) const
{
    return {agency,
            QStringLiteral("Det. K. Nguyen"),
            QStringLiteral("562-555-0142"),
            QStringLiteral("Call-back to the agency's published number"),
            QStringLiteral("Penal Code 11105"),
            QStringLiteral("26-004411"),
            QStringLiteral("Reads of 7ABC123, May 2026"),
            QStringLiteral("Lt. M. Ortega"),
            {}};
}

void TestRecordsRequests::anyoneRegistersOnlyTheRecordsSupervisorWorks()
{
    // An investigator at the front desk takes the request ...
    auto added = RecordsRequestService(*m_investigator)
                     .add({QStringLiteral("Daily Press"),
                           RequestKind::Press,
                           {},
                           QStringLiteral("How many plates were read in May")});
    QVERIFY2(added, qPrintable(errorText(added)));
    QCOMPARE(added->status, RequestStatus::Received);
    QCOMPARE(added->createdBy, QStringLiteral("inv1"));
    // ... but may not read, work or close it.
    RecordsRequestService asInvestigator(*m_investigator);
    QCOMPARE(asInvestigator.list().error().code, ErrorCode::PermissionDenied);
    QCOMPARE(asInvestigator.find(added->id).error().code, ErrorCode::PermissionDenied);
    RecordsRequestUpdate review;
    review.status = RequestStatus::UnderReview;
    QCOMPARE(asInvestigator.update(added->id, review).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(asInvestigator.placeLegalHold(added->id, {}, {1}, {}).error().code, ErrorCode::PermissionDenied);

    // The Records Supervisor works it.
    RecordsRequestService asSupervisor(*m_supervisor);
    auto list = asSupervisor.list();
    QVERIFY(list && list->size() == 1);
    review.assignedTo = QStringLiteral("rs1");
    review.notes = QStringLiteral("Aggregate figures only");
    auto updated = asSupervisor.update(added->id, review);
    QVERIFY2(updated, qPrintable(errorText(updated)));
    QCOMPARE(updated->status, RequestStatus::UnderReview);
    QCOMPARE(updated->assignedTo, QStringLiteral("rs1"));
    QCOMPARE(updated->updatedBy, QStringLiteral("rs1"));
    RecordsRequestUpdate release;
    release.status = RequestStatus::ReleasedInPart;
    QVERIFY(asSupervisor.update(added->id, release));

    auto records = AuditLog::list(m_store->session().database(), {{}, QStringLiteral("request.*"), {}, {}, 0});
    QVERIFY(records);
    QStringList actions;
    for (const AuditRecord& r : *records)
        actions << r.user + QLatin1Char(':') + r.action;
    QCOMPARE(actions, (QStringList{QStringLiteral("inv1:request.add"), QStringLiteral("rs1:request.update"),
                                   QStringLiteral("rs1:request.update")}));
    const QJsonObject last = QJsonDocument::fromJson(records->last().parameters.toUtf8()).object();
    QCOMPARE(last.value(QStringLiteral("status")).toString(), QStringLiteral("released-in-part"));
    QCOMPARE(last.value(QStringLiteral("was")).toString(), QStringLiteral("under-review"));
    // The open list no longer shows it.
    QCOMPARE(asSupervisor.list(false)->size(), 0);
}

void TestRecordsRequests::theDueDateFollowsTheConfiguredPeriod()
{
    RecordsRequestService service(*m_supervisor);
    QCOMPARE(*service.dueDays(), RecordsRequestService::kDefaultDueDays);
    const QDate received(2026, 5, 28);
    auto first = service.add({QStringLiteral("Counsel for plaintiff"), RequestKind::CivilDiscovery, received,
                              QStringLiteral("Reads of 4KLM221")});
    QVERIFY(first);
    QCOMPARE(first->received, received);
    QCOMPARE(first->due, received.addDays(10));
    QVERIFY(first->isOverdueOn(QDate(2026, 6, 8)));
    QVERIFY(!first->isOverdueOn(QDate(2026, 6, 7)));
    QVERIFY(service.setDueDays(20));
    QCOMPARE(RecordsRequestService(*m_investigator).setDueDays(5).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(service.setDueDays(0).error().code, ErrorCode::InvalidInput);
    auto second = service.add({QStringLiteral("Superior Court"), RequestKind::Subpoena, received,
                               QStringLiteral("Subpoena duces tecum 24-CV-118")});
    QVERIFY(second);
    QCOMPARE(second->due, received.addDays(20));
    QCOMPARE(service.find(first->id)->due, received.addDays(10)); // fixed at registration
}

void TestRecordsRequests::aDenialNeedsAReasonAndAClosedRequestStaysClosed()
{
    RecordsRequestService service(*m_supervisor);
    auto added = service.add({QStringLiteral("J. Doe"), RequestKind::PublicRecords, {}, QStringLiteral("My reads")});
    QVERIFY(added);
    RecordsRequestUpdate deny;
    deny.status = RequestStatus::Denied;
    auto refused = service.update(added->id, deny);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
    QCOMPARE(service.find(added->id)->status, RequestStatus::Received);
    deny.denialReason = QStringLiteral("Gov. Code 7923.600: records of investigations");
    auto denied = service.update(added->id, deny);
    QVERIFY(denied);
    QCOMPARE(denied->denialReason, *deny.denialReason);
    RecordsRequestUpdate reopen;
    reopen.status = RequestStatus::UnderReview;
    QCOMPARE(service.update(added->id, reopen).error().code, ErrorCode::InvalidInput);
    RecordsRequestUpdate notes;
    notes.notes = QStringLiteral("Requester informed by letter");
    QVERIFY(service.update(added->id, notes)); // notes may still be added
}

void TestRecordsRequests::assignmentGoesToRecordsSupervisorsOnly()
{
    RecordsRequestService service(*m_supervisor);
    auto added = service.add({QStringLiteral("J. Doe"), RequestKind::Other, {}, QStringLiteral("Reads")});
    QVERIFY(added);
    RecordsRequestUpdate assign;
    assign.assignedTo = QStringLiteral("inv1");
    QCOMPARE(service.update(added->id, assign).error().code, ErrorCode::InvalidInput);
    assign.assignedTo = QStringLiteral("nobody");
    QCOMPARE(service.update(added->id, assign).error().code, ErrorCode::NotFound);
    assign.assignedTo = TestStore::kAdmin; // the Commander may work requests too
    QVERIFY(service.update(added->id, assign));
    RecordsRequestUpdate badCase;
    badCase.caseNumber = QStringLiteral("26-999999");
    QCOMPARE(service.update(added->id, badCase).error().code, ErrorCode::NotFound);
}

void TestRecordsRequests::aLegalHoldIsPlacedFromARequest()
{
    const QDateTime now = m_store->clock().nowUtc();
    const auto reads = EvidenceFixture::insert(
        m_store->session(), {EvidenceFixture::read(QStringLiteral("7ABC123"), now.addDays(-30), false),
                             EvidenceFixture::read(QStringLiteral("7ABC124"), now.addDays(-20), false)});
    RecordsRequestService service(*m_supervisor);
    auto added = service.add({QStringLiteral("Counsel for defendant"),
                              RequestKind::Subpoena,
                              {},
                              QStringLiteral("Preserve reads of 7ABC123")});
    QVERIFY(added);
    auto hold = service.placeLegalHold(added->id, {}, {reads[0].id}, now.date().addDays(180));
    QVERIFY2(hold, qPrintable(errorText(hold)));
    QCOMPARE(hold->kind, HoldKind::Legal);
    QCOMPARE(hold->requester, QStringLiteral("Counsel for defendant"));
    QVERIFY(hold->reference.contains(QStringLiteral("Records request %1").arg(added->id)));
    QCOMPARE(hold->heldReads, 1);
    QCOMPARE(service.find(added->id)->holdId, hold->id);
    QCOMPARE(service.placeLegalHold(added->id, {}, {reads[1].id}, {}).error().code, ErrorCode::InvalidInput);
    auto active = HoldService(*m_supervisor).list();
    QVERIFY(active && active->size() == 1);
}

void TestRecordsRequests::badRequestsAreRefusedAndStoreNothing_data()
{
    QTest::addColumn<QString>("requester");
    QTest::addColumn<QString>("description");
    QTest::addColumn<int>("receivedDaysFromToday");
    QTest::newRow("no requester") << QString() << QStringLiteral("Reads") << 0;
    QTest::newRow("blank requester") << QStringLiteral("   ") << QStringLiteral("Reads") << 0;
    QTest::newRow("no description") << QStringLiteral("J. Doe") << QString() << 0;
    QTest::newRow("control characters") << QStringLiteral("J.\x01Doe") << QStringLiteral("Reads") << 0;
    QTest::newRow("requester on two lines") << QStringLiteral("J. Doe\nEsq.") << QStringLiteral("Reads") << 0;
    QTest::newRow("too long") << QStringLiteral("J. Doe") << QString(RecordsRequestService::kMaxFieldLength + 1, u'a')
                              << 0;
    QTest::newRow("received tomorrow") << QStringLiteral("J. Doe") << QStringLiteral("Reads") << 1;
}

void TestRecordsRequests::badRequestsAreRefusedAndStoreNothing()
{
    QFETCH(QString, requester);
    QFETCH(QString, description);
    QFETCH(int, receivedDaysFromToday);
    RecordsRequestService service(*m_supervisor);
    const QDate received = m_store->clock().nowUtc().date().addDays(receivedDaysFromToday);
    auto added = service.add({requester, RequestKind::PublicRecords, received, description});
    QVERIFY(!added);
    QCOMPARE(added.error().code, ErrorCode::InvalidInput);
    QCOMPARE(service.list()->size(), 0);
    QCOMPARE(AuditLog::list(m_store->session().database(), {{}, QStringLiteral("request.add"), {}, {}, 0})->size(), 0);
}

void TestRecordsRequests::anExpiredTrainingMayNotRegister()
{
    m_store->addUser(QStringLiteral("inv9"), Role::Investigator, false, m_store->clock().nowUtc().date().addDays(3));
    auto session = m_store->login(QStringLiteral("inv9"));
    QVERIFY(session);
    m_store->clock().advanceDays(5); // the session outlives the training
    auto added = RecordsRequestService(*session).add(
        {QStringLiteral("J. Doe"), RequestKind::PublicRecords, {}, QStringLiteral("Reads")});
    QVERIFY(!added);
    QCOMPARE(added.error().code, ErrorCode::TrainingMissing);
}

void TestRecordsRequests::aReleaseAppearsInTheSharingReport()
{
    ReleaseService service(*m_supervisor);
    const QDateTime start = m_store->clock().nowUtc();
    QVERIFY(service.add(release(QStringLiteral("Long Beach PD"))));
    m_store->clock().advanceDays(3);
    QVERIFY(service.add(release(QStringLiteral("LA County Sheriff"))));
    m_store->clock().advanceDays(1);
    auto third = service.add(release(QStringLiteral("long beach pd")));
    QVERIFY2(third, qPrintable(errorText(third)));
    QCOMPARE(third->recordedBy, QStringLiteral("rs1"));
    QCOMPARE(third->caseNumber, QStringLiteral("26-004411"));
    m_store->clock().advanceDays(40);
    QVERIFY(service.add(release(QStringLiteral("Signal Hill PD")))); // outside the period below

    auto report = service.sharingReport(start, start.addDays(30));
    QVERIFY2(report, qPrintable(errorText(report)));
    QCOMPARE(report->total, 3);
    QCOMPARE(report->agencies.size(), 2);
    QCOMPARE(report->agencies[0].agency, QStringLiteral("LA County Sheriff"));
    QCOMPARE(report->agencies[1].agency, QStringLiteral("Long Beach PD"));
    QCOMPARE(report->agencies[1].releases.size(), 2);
    QCOMPARE(report->agencies[1].releases[1].id, third->id);
    // Auditors read the record of sharing too.
    auto auditor = m_store->addAndLogin(QStringLiteral("aud1"), Role::Auditor);
    QVERIFY(auditor);
    auto listed = ReleaseService(*auditor).list({}, {}, QStringLiteral("LONG BEACH PD"));
    QVERIFY(listed && listed->size() == 2);
    auto records = AuditLog::list(m_store->session().database(), {{}, QStringLiteral("release.*"), {}, {}, 0});
    QVERIFY(records);
    QCOMPARE(records->size(), 5); // four release.add and the release.report
}

void TestRecordsRequests::releasesNeedEveryFieldAndTheRightRole()
{
    QCOMPARE(ReleaseService(*m_investigator).add(release(QStringLiteral("Long Beach PD"))).error().code,
             ErrorCode::PermissionDenied);
    QCOMPARE(ReleaseService(*m_investigator).list().error().code, ErrorCode::PermissionDenied);
    ReleaseService service(*m_supervisor);
    for (auto field : {&NewAgencyRelease::agency, &NewAgencyRelease::officer, &NewAgencyRelease::officerContact,
                       &NewAgencyRelease::identityVerified, &NewAgencyRelease::legalBasis,
                       &NewAgencyRelease::caseNumber, &NewAgencyRelease::releasedWhat, &NewAgencyRelease::approvedBy}) {
        NewAgencyRelease r = release(QStringLiteral("Long Beach PD"));
        r.*field = QStringLiteral("  ");
        QCOMPARE(service.add(r).error().code, ErrorCode::InvalidInput);
    }
    NewAgencyRelease badCase = release(QStringLiteral("Long Beach PD"));
    badCase.caseNumber = QStringLiteral("not a case!");
    QCOMPARE(service.add(badCase).error().code, ErrorCode::InvalidInput);
    NewAgencyRelease noPackage = release(QStringLiteral("Long Beach PD"));
    noPackage.packageName = QStringLiteral("26-004411_20260101T000000Z");
    QCOMPARE(service.add(noPackage).error().code, ErrorCode::NotFound);
    QCOMPARE(service.list()->size(), 0);
}

QTEST_GUILESS_MAIN(TestRecordsRequests)
#include "TestRecordsRequests.moc"
