#include "EvidenceFixture.h"
#include "FakeDocumentRenderer.h"
#include "TestStore.h"

#include "audit/AuditLog.h"
#include "canvass/CanvassService.h"
#include "evidence/CaseService.h"
#include "evidence/EvidenceExporter.h"
#include "evidence/HoldService.h"
#include "evidence/LocalEvidenceFileWriter.h"
#include "evidence/PurgeJob.h"
#include "requests/AuditProgramService.h"
#include "requests/AuditReportCsv.h"
#include "requests/RecordsRequestService.h"
#include "requests/ReleaseService.h"
#include "search/SearchService.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace alpr;
using alpr::test::errorText;
using alpr::test::EvidenceFixture;
using alpr::test::MockClock;
using alpr::test::TestStore;

namespace {

const QString kCase = QStringLiteral("26-001234");
const QString kInvestigation = QStringLiteral("Criminal investigation");

QDateTime at(int month, int day, int hour = 10)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, 0), Qt::UTC);
}

/// Writes a record the way a capability not in this build would (hot lists, alerts, undocking, lockouts), under
/// the agreed action names.
void appendAction(Session& session, const QString& action, const QString& parameters = {})
{
    store::Transaction tx(session.database());
    AuditLog::append(tx, session.auditRecord(action, QStringLiteral("test"), parameters));
    tx.commit();
}

} // namespace

class TestAuditProgram : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void aScriptedMonthGivesMatchingCounts();
    void theSampleIsReproducibleAndItsReviewAudited();
    void signOffIsAuditedAndClearsTheReminder();
    void meaninglessPurposesAreFlagged_data();
    void meaninglessPurposesAreFlagged();
    void patternsAreConfigurable();
    void onlyAuditorsDrawSamplesAndSignOff();
    void badPeriodsAreRefused();

private:
    void scriptTheMonth();

    std::unique_ptr<TestStore> m_store;
    QTemporaryDir m_exportDir;
    QString m_packageName;
};

void TestAuditProgram::init()
{
    m_store = std::make_unique<TestStore>();
    QVERIFY(m_store->isValid());
}

void TestAuditProgram::cleanup()
{
    m_store.reset();
}

void TestAuditProgram::scriptTheMonth()
{
    MockClock& clock = m_store->clock();
    Session& commander = m_store->session();
    store::Database& db = commander.database();

    // Before the month: two accounts that then go unused, and a unit that stops transferring in April.
    clock.set(at(2, 1));
    m_store->addUser(QStringLiteral("dormant1"), Role::Investigator);
    m_store->addUser(QStringLiteral("inv3"), Role::Investigator);
    clock.set(at(2, 2));
    QVERIFY(m_store->login(QStringLiteral("inv3")));
    db.exec(
        QStringLiteral("INSERT INTO units(id, name, kind, last_transfer_utc, created_utc) VALUES "
                       "('CAR-07', 'Patrol 7', 'vehicle', '2026-04-01T08:00:00.000Z', '2026-02-01T08:00:00.000Z'),"
                       "('CAR-09', 'Patrol 9', 'vehicle', '2026-06-20T08:00:00.000Z', '2026-02-01T08:00:00.000Z')"));

    // June 1: the users and the data.
    clock.set(at(6, 1, 13));
    m_store->addUser(QStringLiteral("inv1"), Role::Investigator);
    m_store->addUser(QStringLiteral("inv2"), Role::Investigator, false, QDate(2026, 6, 15));
    m_store->addUser(QStringLiteral("rs1"), Role::RecordsSupervisor);
    m_store->addUser(QStringLiteral("aud1"), Role::Auditor);
    const auto recent =
        EvidenceFixture::insert(commander, {EvidenceFixture::read(QStringLiteral("7ABC123"), at(5, 30), true),
                                            EvidenceFixture::read(QStringLiteral("7ABC124"), at(5, 30, 11), false),
                                            EvidenceFixture::read(QStringLiteral("5XYZ900"), at(5, 31), false)});
    const auto old = EvidenceFixture::insert(
        commander, {EvidenceFixture::read(QStringLiteral("OLD0001"), at(6, 1).addDays(-400), false),
                    EvidenceFixture::read(QStringLiteral("OLD0002"), at(6, 1).addDays(-400), false),
                    EvidenceFixture::read(QStringLiteral("OLD0003"), at(6, 1).addDays(-420), false),
                    EvidenceFixture::read(QStringLiteral("OLD0004"), at(6, 1).addDays(-430), false)});

    // inv1: three failed logins, then five searches, three views and a canvass.
    clock.set(at(6, 2));
    for (int i = 0; i < 3; ++i)
        QVERIFY(!m_store->login(QStringLiteral("inv1"), QStringLiteral("wrong password")));
    auto inv1 = m_store->login(QStringLiteral("inv1"));
    QVERIFY(inv1);
    {
        SearchService search(*inv1);
        for (int i = 0; i < 5; ++i) {
            clock.advanceSecs(3600);
            SearchQuery q;
            q.pattern = QStringLiteral("7ABC12?");
            QVERIFY2(search.search(q, {kInvestigation, kCase}).has_value(), "search");
        }
        for (int i = 0; i < 3; ++i)
            QVERIFY(search.viewRead(recent[i].id, {kInvestigation, kCase}).has_value());
        CanvassQuery canvass;
        canvass.area = CanvassArea::circle({33.77, -118.19}, 500);
        canvass.fromUtc = at(5, 29);
        canvass.toUtc = at(5, 31);
        QVERIFY(CanvassService(*inv1, inv1->database()).run(canvass, {QStringLiteral("Crime scene canvass"), kCase}));
    }

    // inv2: one search with a placeholder purpose, one after the training expired with a placeholder case number.
    clock.set(at(6, 10));
    auto inv2 = m_store->login(QStringLiteral("inv2"));
    QVERIFY(inv2);
    SearchQuery q;
    q.pattern = QStringLiteral("5XYZ9??");
    QVERIFY(SearchService(*inv2).search(q, {QStringLiteral("test"), QStringLiteral("26-000777")}));
    clock.set(at(6, 20));
    QVERIFY(SearchService(*inv2).search(q, {kInvestigation, QStringLiteral("XXXX")}));

    // The Commander: a case, an evidence export, an evidence hold placed and released.
    clock.set(at(6, 4));
    QVERIFY(CaseService(commander).add({kCase, QStringLiteral("Burglary series"), QStringLiteral("Det. Ruiz")}));
    QVERIFY(CaseService(commander).attach(kCase, QStringLiteral("read"), {recent[0].id, recent[1].id}));
    test::FakeDocumentRenderer renderer;
    LocalEvidenceFileWriter writer;
    JobContext job;
    EvidenceExportRequest request{
        kCase, QStringLiteral("Evidence for prosecution"), {recent[0].id}, false, m_exportDir.path()};
    auto exported = EvidenceExporter(commander, db, renderer, writer).exportPackage(request, job);
    QVERIFY2(exported, qPrintable(errorText(exported)));
    m_packageName = exported->packageName;
    HoldRequest evidenceHold;
    evidenceHold.caseNumber = kCase;
    auto placed = HoldService(commander).place(evidenceHold);
    QVERIFY(placed);
    clock.set(at(6, 6));
    QVERIFY(HoldService(commander).release(placed->id, QStringLiteral("Charges filed; evidence booked")));

    // Requests: three registered by the Records Supervisor, one at the front desk by an investigator.
    auto rs1 = m_store->login(QStringLiteral("rs1"));
    QVERIFY(rs1);
    RecordsRequestService requests(*rs1);
    QList<qint64> requestIds;
    for (int day : {2, 5, 8}) {
        clock.set(at(6, day));
        auto added = requests.add({QStringLiteral("Requester %1").arg(day),
                                   RequestKind::PublicRecords,
                                   {},
                                   QStringLiteral("All reads of plate 7ABC123 in May")});
        QVERIFY(added);
        requestIds.append(added->id);
    }
    clock.set(at(6, 12));
    QVERIFY(RecordsRequestService(*inv1).add(
        {QStringLiteral("Daily Press"), RequestKind::Press, {}, QStringLiteral("Number of reads in May")}));
    clock.set(at(6, 14));
    RecordsRequestUpdate deny;
    deny.status = RequestStatus::Denied;
    deny.denialReason = QStringLiteral("Investigative records exemption");
    QVERIFY(requests.update(requestIds[0], deny));
    RecordsRequestUpdate withdraw;
    withdraw.status = RequestStatus::Withdrawn;
    QVERIFY(requests.update(requestIds[1], withdraw));
    auto legal = requests.placeLegalHold(requestIds[2], {}, {old[0].id}, {});
    QVERIFY2(legal, qPrintable(errorText(legal)));

    // Two releases to other agencies, one carried by the export above.
    clock.set(at(6, 16));
    ReleaseService releases(*rs1);
    NewAgencyRelease release{QStringLiteral("Long Beach PD"),
                             QStringLiteral("Det. K. Nguyen"),
                             QStringLiteral("562-555-0142"),
                             QStringLiteral("Call-back to the agency's published number"),
                             QStringLiteral("Penal Code 11105; active investigation"),
                             kCase,
                             QStringLiteral("Read of 7ABC123 on 2026-05-30"),
                             QStringLiteral("Lt. M. Ortega"),
                             m_packageName};
    QVERIFY(releases.add(release));
    release.agency = QStringLiteral("LA County Sheriff");
    release.packageName.clear();
    QVERIFY(releases.add(release));

    // Capabilities on other branches, by their agreed action names.
    clock.set(at(6, 18));
    for (int i = 0; i < 2; ++i)
        appendAction(commander, QStringLiteral("hotlist.import"));
    for (int i = 0; i < 3; ++i)
        appendAction(commander, QStringLiteral("hotlist.entry.add"));
    for (int minutes : {4, 31, 10})
        appendAction(*inv1, QStringLiteral("alert.confirm"),
                     QStringLiteral("{\"minutes_to_confirm\":%1}").arg(minutes));
    appendAction(*inv1, QStringLiteral("alert.reject"));
    appendAction(*inv1, QStringLiteral("alert.visual"));
    appendAction(commander, QStringLiteral("account.lock"));
    appendAction(commander, QStringLiteral("undock.request"));
    appendAction(commander, QStringLiteral("undock.request"));
    appendAction(commander, QStringLiteral("undock.approve"));
    appendAction(commander, QStringLiteral("undock.deny"));

    // A purge on the 25th takes the three old reads not held; two more old reads arrive late on the 26th.
    clock.set(at(6, 25));
    JobContext purgeJob;
    auto purged = PurgeJob(commander, db).run(purgeJob);
    QVERIFY2(purged, qPrintable(errorText(purged)));
    clock.set(at(6, 26));
    (void)EvidenceFixture::insert(commander,
                                  {EvidenceFixture::read(QStringLiteral("LATE001"), at(6, 26).addDays(-500), false),
                                   EvidenceFixture::read(QStringLiteral("LATE002"), at(6, 26).addDays(-600), false)});

    // Activity in July is outside the period.
    clock.set(at(7, 1, 9));
    QVERIFY(SearchService(*inv1).search(q, {kInvestigation, kCase}));
    clock.set(at(7, 2));
}

void TestAuditProgram::aScriptedMonthGivesMatchingCounts()
{
    scriptTheMonth();
    if (QTest::currentTestFailed())
        return;
    auto auditor = m_store->login(QStringLiteral("aud1"));
    QVERIFY(auditor);
    AuditProgramService program(*auditor);
    auto report = program.report(at(6, 1, 0), QDateTime(QDate(2026, 6, 30), QTime(23, 59, 59, 999), Qt::UTC));
    QVERIFY2(report, qPrintable(errorText(report)));
    const AuditProgramReport& r = *report;

    auto june = AuditLog::list(auditor->database(), {{}, {}, r.fromUtc, r.toUtc, 0});
    QVERIFY(june);
    QCOMPARE(r.totalRecords, june->size());

    QMap<QString, AuditProgramReport::UserActivity> users;
    for (const auto& u : r.users)
        users.insert(u.user, u);
    QCOMPARE(users.keys(), (QStringList{QStringLiteral("commander1"), QStringLiteral("inv1"), QStringLiteral("inv2")}));
    QCOMPARE(users[QStringLiteral("inv1")].searches, 5);
    QCOMPARE(users[QStringLiteral("inv1")].views, 3);
    QCOMPARE(users[QStringLiteral("inv1")].canvasses, 1);
    QCOMPARE(users[QStringLiteral("inv1")].exports, 0);
    QCOMPARE(users[QStringLiteral("inv1")].cases, QStringList{kCase});
    QCOMPARE(users[QStringLiteral("inv1")].purposes,
             (QStringList{kInvestigation, QStringLiteral("Crime scene canvass")}));
    QCOMPARE(users[QStringLiteral("inv2")].searches, 2);
    QCOMPARE(users[QStringLiteral("commander1")].exports, 1);
    QCOMPARE(users[QStringLiteral("commander1")].searches, 0);

    QCOMPARE(r.meaningless.size(), 2);
    QCOMPARE(r.meaningless[0].user, QStringLiteral("inv2"));
    QVERIFY(r.meaningless[0].why.startsWith(QLatin1String("purpose")));
    QVERIFY(r.meaningless[1].why.startsWith(QLatin1String("case number")));

    QCOMPARE(r.trainingExpired.size(), 1);
    QCOMPARE(r.trainingExpired[0].user, QStringLiteral("inv2"));
    QCOMPARE(r.trainingExpired[0].trainingUntil, QDate(2026, 6, 15));
    QCOMPARE(r.trainingExpired[0].actionsAfterExpiry, 1);
    QCOMPARE(r.unusedAccounts.size(), 2);
    QCOMPARE(r.unusedAccounts[0].user, QStringLiteral("dormant1"));
    QVERIFY(!r.unusedAccounts[0].lastLoginUtc.isValid());
    QCOMPARE(r.unusedAccounts[1].user, QStringLiteral("inv3"));
    QCOMPARE(r.unusedAccounts[1].lastLoginUtc.date(), QDate(2026, 2, 2));

    QCOMPARE(r.failedLogins, 3);
    QCOMPARE(r.failedLoginsByUser.value(QStringLiteral("inv1")), 3);
    QCOMPARE(r.lockouts, 1);
    QCOMPARE(r.exports, 1);
    QCOMPARE(r.releases, 2);
    QCOMPARE(r.releasesByAgency.value(QStringLiteral("Long Beach PD")), 1);
    QCOMPARE(r.releasesByAgency.value(QStringLiteral("LA County Sheriff")), 1);
    QCOMPARE(r.requestsReceived, 4);
    QCOMPARE(r.requestsClosed, 2);
    QCOMPARE(r.requestsOpen, 2);
    QCOMPARE(r.requestsOverdue, 2);
    QCOMPARE(r.holdsPlaced, 2);
    QCOMPARE(r.holdsReleased, 1);
    QCOMPARE(r.purgeRuns, 1);
    QCOMPARE(r.readsPurged, 3);
    QCOMPARE(r.readsOverRetention, 2);
    QCOMPARE(r.oldestOverRetention, at(6, 26).addDays(-600).date());
    QCOMPARE(r.hotlistImports, 2);
    QCOMPARE(r.hotlistEntriesAdded, 3);
    QCOMPARE(r.alertsConfirmed, 3);
    QCOMPARE(r.alertsRejected, 1);
    QCOMPARE(r.alertsVisual, 1);
    QCOMPARE(r.confirmationMinutes, (QList<int>{4, 31, 10}));
    QCOMPARE(r.medianConfirmationMinutes(), 10.0);
    QCOMPARE(r.undockRequests, 2);
    QCOMPARE(r.undockApprovals, 1);
    QCOMPARE(r.undockDenials, 1);
    QCOMPARE(r.silentUnits.size(), 1);
    QCOMPARE(r.silentUnits[0].unitId, QStringLiteral("CAR-07"));
    QVERIFY(r.chain.intact);
    auto head = AuditLog::anchor(auditor->database());
    QVERIFY(head);
    QCOMPARE(r.anchor.count, head->count - 1); // the report's own audit.report record came after the anchor
    auto recorded =
        AuditLog::list(auditor->database(), {QStringLiteral("aud1"), QStringLiteral("audit.report"), {}, {}, 1});
    QVERIFY(recorded && recorded->size() == 1);
    QVERIFY(recorded->first().parameters.contains(r.anchor.toString()));

    const QString csv = QString::fromUtf8(AuditReportCsv::render(r));
    QVERIFY(csv.contains(QStringLiteral("user-activity,inv1,searches,5,")));
    QVERIFY(csv.contains(QStringLiteral("requests,,overdue,2,")));
    QVERIFY(csv.contains(QStringLiteral("chain,,anchor,%1,").arg(r.anchor.toString())));
    QVERIFY(csv.contains(QStringLiteral("meaningless,inv2,search.plate,")));
}

void TestAuditProgram::theSampleIsReproducibleAndItsReviewAudited()
{
    scriptTheMonth();
    if (QTest::currentTestFailed())
        return;
    auto auditor = m_store->login(QStringLiteral("aud1"));
    QVERIFY(auditor);
    AuditProgramService program(*auditor);
    const QDateTime from = at(6, 1, 0);
    const QDateTime to = at(6, 30, 23);
    auto first = program.drawSample(from, to, 4, 20260701);
    QVERIFY2(first, qPrintable(errorText(first)));
    auto second = program.drawSample(from, to, 4, 20260701);
    QVERIFY(second);
    QCOMPARE(first->items.size(), 4);
    QList<qint64> a, b;
    for (const auto& i : first->items)
        a.append(i.record.seq);
    for (const auto& i : second->items)
        b.append(i.record.seq);
    QCOMPARE(a, b);
    for (const auto& i : first->items)
        QVERIFY2(i.record.action == QLatin1String("search.plate") || i.record.action == QLatin1String("canvass.run"),
                 qPrintable(i.record.action));
    // The period holds 8 searches (5 + 2 + 1 canvass); asking for more draws all of them, each once.
    auto all = program.drawSample(from, to, 50, 1);
    QVERIFY(all);
    QCOMPARE(all->items.size(), 8);
    // Another seed draws another set (with 70 possible sets of 4, these two seeds differ).
    auto other = program.drawSample(from, to, 4, 99);
    QVERIFY(other);
    QList<qint64> c;
    for (const auto& i : other->items)
        c.append(i.record.seq);
    QVERIFY(c != a);
    QCOMPARE(AuditProgramService::choose({1, 2, 3, 4, 5, 6, 7, 8}, 4, 20260701),
             AuditProgramService::choose({1, 2, 3, 4, 5, 6, 7, 8}, 4, 20260701));

    const qint64 seq = first->items[0].record.seq;
    auto refused = program.review(first->id, seq, SampleVerdict::NotJustified, {});
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
    QVERIFY(program.review(first->id, seq, SampleVerdict::NotJustified, QStringLiteral("No case activity that day")));
    QVERIFY(program.review(first->id, first->items[1].record.seq, SampleVerdict::Justified, {}));
    auto notInSample = program.review(first->id, 1, SampleVerdict::Justified, {});
    QVERIFY(!notInSample);
    QCOMPARE(notInSample.error().code, ErrorCode::NotFound);
    auto reloaded = program.sample(first->id);
    QVERIFY(reloaded);
    QCOMPARE(reloaded->reviewed(), 2);
    QCOMPARE(reloaded->items[0].verdict, SampleVerdict::NotJustified);
    QCOMPARE(reloaded->items[0].reviewedBy, QStringLiteral("aud1"));
    auto reviews =
        AuditLog::list(auditor->database(), {QStringLiteral("aud1"), QStringLiteral("audit.sample*"), {}, {}, 0});
    QVERIFY(reviews);
    int drawn = 0, marked = 0;
    for (const AuditRecord& r : *reviews)
        (r.action == QLatin1String("audit.sample") ? drawn : marked)++;
    QCOMPARE(drawn, 4);
    QCOMPARE(marked, 2);
}

void TestAuditProgram::signOffIsAuditedAndClearsTheReminder()
{
    m_store->clock().set(at(7, 3));
    m_store->addUser(QStringLiteral("aud1"), Role::Auditor);
    auto auditor = m_store->login(QStringLiteral("aud1"));
    QVERIFY(auditor);
    AuditProgramService program(*auditor);
    auto due = program.duePeriod();
    QVERIFY(due && due->has_value());
    QCOMPARE((*due)->label(), QStringLiteral("2026-06"));
    auto early = program.signOff(at(7, 1, 0), at(7, 31, 23), {});
    QVERIFY(!early); // July has not ended
    auto signed_ = program.signOff((*due)->fromUtc, (*due)->toUtc, QStringLiteral("One unjustified search referred"));
    QVERIFY2(signed_, qPrintable(errorText(signed_)));
    auto after = program.duePeriod();
    QVERIFY(after && !after->has_value());
    auto records =
        AuditLog::list(auditor->database(), {QStringLiteral("aud1"), QStringLiteral("audit.signoff"), {}, {}, 0});
    QVERIFY(records && records->size() == 1);
    QVERIFY(records->first().parameters.contains(
        QStringLiteral("%1:%2").arg(signed_->anchorCount).arg(signed_->anchorHash)));
    // A month later the next report is due.
    m_store->clock().set(at(8, 2));
    auto next = program.duePeriod();
    QVERIFY(next && next->has_value());
    QCOMPARE((*next)->label(), QStringLiteral("2026-07"));
}

void TestAuditProgram::meaninglessPurposesAreFlagged_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("flagged");
    QTest::newRow("test") << QStringLiteral("test") << true;
    QTest::newRow("Test with spaces") << QStringLiteral("  TEST ") << true;
    QTest::newRow("x") << QStringLiteral("x") << true;
    QTest::newRow("xxxx") << QStringLiteral("xxxx") << true;
    QTest::newRow("1111") << QStringLiteral("1111") << true;
    QTest::newRow("asdf") << QStringLiteral("asdfgh") << true;
    QTest::newRow("n/a") << QStringLiteral("n/a") << true;
    QTest::newRow("12345") << QStringLiteral("12345") << true;
    QTest::newRow("dots") << QStringLiteral("...") << true;
    QTest::newRow("real purpose") << kInvestigation << false;
    QTest::newRow("case number") << QStringLiteral("26-001234") << false;
    QTest::newRow("contains test") << QStringLiteral("Contest winner's stolen car") << false;
    QTest::newRow("short real") << QStringLiteral("DUI") << false;
}

void TestAuditProgram::meaninglessPurposesAreFlagged()
{
    QFETCH(QString, text);
    QFETCH(bool, flagged);
    const AuditProgramSettings settings;
    QCOMPARE(!settings.meaninglessMatch(text).isEmpty(), flagged);
}

void TestAuditProgram::patternsAreConfigurable()
{
    m_store->addUser(QStringLiteral("aud1"), Role::Auditor);
    auto auditor = m_store->login(QStringLiteral("aud1"));
    QVERIFY(auditor);
    AuditProgramService program(*auditor);
    auto settings = program.settings();
    QVERIFY(settings);
    QCOMPARE(settings->schedule, AuditSchedule::Monthly);
    settings->meaninglessPatterns.append(QStringLiteral("routine( check)?"));
    settings->schedule = AuditSchedule::Quarterly;
    QVERIFY(program.saveSettings(*settings));
    auto reloaded = program.settings();
    QVERIFY(reloaded);
    QCOMPARE(reloaded->schedule, AuditSchedule::Quarterly);
    QVERIFY(!reloaded->meaninglessMatch(QStringLiteral("Routine check")).isEmpty());
    // A broken expression, or one that flags ordinary purposes, is refused and changes nothing.
    for (const QString& bad : {QStringLiteral("(unclosed"), QStringLiteral(".*")}) {
        AuditProgramSettings broken = *reloaded;
        broken.meaninglessPatterns.append(bad);
        auto refused = program.saveSettings(broken);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
    }
    auto unchanged = program.settings();
    QVERIFY(unchanged);
    QCOMPARE(unchanged->meaninglessPatterns, reloaded->meaninglessPatterns);
    auto changes = AuditLog::list(auditor->database(), {{}, QStringLiteral("audit.settings"), {}, {}, 0});
    QVERIFY(changes && changes->size() == 1);
}

void TestAuditProgram::onlyAuditorsDrawSamplesAndSignOff()
{
    auto investigator = m_store->addAndLogin(QStringLiteral("inv1"), Role::Investigator);
    QVERIFY(investigator);
    AuditProgramService program(*investigator);
    const QDateTime from = at(5, 1, 0);
    const QDateTime to = at(5, 31, 23);
    QCOMPARE(program.report(from, to).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(program.drawSample(from, to, 5).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(program.signOff(from, to, {}).error().code, ErrorCode::PermissionDenied);
    auto manager = m_store->addAndLogin(QStringLiteral("mgr1"), Role::AgencyManager);
    QVERIFY(manager);
    QVERIFY(AuditProgramService(*manager).report(from, to)); // View Audit: may read the report ...
    QCOMPARE(AuditProgramService(*manager).signOff(from, to, {}).error().code,
             ErrorCode::PermissionDenied); // ... not sign
}

void TestAuditProgram::badPeriodsAreRefused()
{
    AuditProgramService program(m_store->session());
    QCOMPARE(program.report(at(6, 30), at(6, 1)).error().code, ErrorCode::InvalidInput);
    QCOMPARE(program.report({}, at(6, 1)).error().code, ErrorCode::InvalidInput);
    QCOMPARE(program.drawSample(at(5, 1), at(5, 31), 0).error().code, ErrorCode::InvalidInput);
    QCOMPARE(program.drawSample(at(5, 1), at(5, 31), AuditProgramService::kMaxSampleSize + 1).error().code,
             ErrorCode::InvalidInput);
}

QTEST_GUILESS_MAIN(TestAuditProgram)
#include "TestAuditProgram.moc"
