// The requests, releases and audit program pages: what each role sees, and the work they do through the core.
#include "EvidenceFixture.h"
#include "TestStore.h"

#include "audit/AuditLog.h"
#include "requests/AuditProgramPage.h"
#include "requests/RecordsRequestService.h"
#include "requests/ReleaseService.h"
#include "requests/ReleasesPage.h"
#include "requests/RequestsPage.h"
#include "search/SearchService.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace alpr;
using alpr::test::TestStore;

class TestRequestsPages : public QObject {
    Q_OBJECT

private slots:
    void anInvestigatorRegistersButSeesNoRegister()
    {
        TestStore store;
        auto investigator = store.addAndLogin(QStringLiteral("inv1"), Role::Investigator);
        QVERIFY(investigator);
        ui::RequestsPage page(*investigator);
        QVERIFY(!page.findChild<QTableWidget*>(QStringLiteral("requestsTableWidget")));
        page.findChild<QLineEdit*>(QStringLiteral("requesterLineEdit"))->setText(QStringLiteral("Daily Press"));
        page.findChild<QPlainTextEdit*>(QStringLiteral("requestAsksPlainTextEdit"))
            ->setPlainText(QStringLiteral("Reads per month"));
        auto* status = page.findChild<QLabel*>(QStringLiteral("requestsStatusLabel"));
        page.findChild<QPushButton*>(QStringLiteral("registerRequestPushButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("Registered request 1")), 20000);
        QCOMPARE(RecordsRequestService(store.session()).list()->size(), 1);
        // Bad input is refused with the core's message and stores nothing more.
        page.findChild<QPushButton*>(QStringLiteral("registerRequestPushButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("Name the requester")), 20000);
        QCOMPARE(RecordsRequestService(store.session()).list()->size(), 1);
    }

    void theRecordsSupervisorWorksTheRegister()
    {
        TestStore store;
        auto supervisor = store.addAndLogin(QStringLiteral("rs1"), Role::RecordsSupervisor);
        QVERIFY(supervisor);
        store.clock().advanceDays(-20);
        QVERIFY(RecordsRequestService(*supervisor)
                    .add({QStringLiteral("J. Doe"), RequestKind::PublicRecords, {}, QStringLiteral("My reads")}));
        store.clock().advanceDays(20);
        ui::RequestsPage page(*supervisor);
        auto* table = page.findChild<QTableWidget*>(QStringLiteral("requestsTableWidget"));
        QVERIFY(table);
        page.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, 20000);
        QVERIFY(table->item(0, 3)->text().contains(QStringLiteral("overdue")));
        table->selectRow(0);
        auto* statusBox = page.findChild<QComboBox*>(QStringLiteral("requestStatusComboBox"));
        statusBox->setCurrentIndex(statusBox->findData(QStringLiteral("denied")));
        auto* status = page.findChild<QLabel*>(QStringLiteral("requestsStatusLabel"));
        page.findChild<QPushButton*>(QStringLiteral("saveRequestPushButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("reason")), 20000); // denial needs a reason
        page.findChild<QLineEdit*>(QStringLiteral("denialReasonLineEdit"))
            ->setText(QStringLiteral("Investigative records exemption"));
        page.findChild<QPushButton*>(QStringLiteral("saveRequestPushButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(table->item(0, 4) && table->item(0, 4)->text() == QStringLiteral("Denied"), 20000);
        QCOMPARE(RecordsRequestService(store.session()).find(1)->status, RequestStatus::Denied);
    }

    void aReleaseIsRecordedAndReported()
    {
        TestStore store;
        auto supervisor = store.addAndLogin(QStringLiteral("rs1"), Role::RecordsSupervisor);
        QVERIFY(supervisor);
        ui::ReleasesPage page(*supervisor);
        page.refresh();
        auto* status = page.findChild<QLabel*>(QStringLiteral("releasesStatusLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("recorded")), 20000); // loaded, buttons enabled
        const std::pair<const char*, QString> fields[] = {{"agencyLineEdit", QStringLiteral("Long Beach PD")},
                                                          {"officerLineEdit", QStringLiteral("Det. K. Nguyen")},
                                                          {"contactLineEdit", QStringLiteral("562-555-0142")},
                                                          {"verifiedLineEdit", QStringLiteral("Call-back")},
                                                          {"basisLineEdit", QStringLiteral("Penal Code 11105")},
                                                          {"releaseCaseLineEdit", QStringLiteral("26-004411")},
                                                          {"releasedWhatLineEdit", QStringLiteral("Reads of 7ABC123")},
                                                          {"approvedByLineEdit", QStringLiteral("Lt. M. Ortega")}};
        for (const auto& [name, value] : fields)
            page.findChild<QLineEdit*>(QString::fromLatin1(name))->setText(value);
        auto* table = page.findChild<QTableWidget*>(QStringLiteral("releasesTableWidget"));
        page.findChild<QPushButton*>(QStringLiteral("recordReleasePushButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, 20000);
        page.findChild<QPushButton*>(QStringLiteral("sharingReportPushButton"))->click();
        auto* report = page.findChild<QTextBrowser*>(QStringLiteral("sharingReportTextBrowser"));
        QTRY_VERIFY_WITH_TIMEOUT(report->toPlainText().contains(QStringLiteral("Long Beach PD (1)")), 20000);
    }

    void theAuditorIsRemindedAndSavesTheReport()
    {
        TestStore store;
        store.addUser(QStringLiteral("aud1"), Role::Auditor);
        auto investigator = store.addAndLogin(QStringLiteral("inv1"), Role::Investigator);
        QVERIFY(investigator);
        SearchQuery q;
        q.pattern = QStringLiteral("7ABC1??");
        QVERIFY(SearchService(*investigator).search(q, {QStringLiteral("test"), QStringLiteral("26-0001")}));
        store.clock().advanceDays(31); // into July: June's report is due
        auto auditor = store.login(QStringLiteral("aud1"));
        QVERIFY(auditor);
        ui::AuditProgramPage page(*auditor);
        QSignalSpy due(&page, &ui::AuditProgramPage::dueChanged);
        page.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(due.count(), 1, 20000);
        QCOMPARE(due.first().first().toString(), QStringLiteral("2026-06"));
        QVERIFY(
            page.findChild<QLabel*>(QStringLiteral("auditReminderLabel"))->text().contains(QStringLiteral("2026-06")));
        page.findChild<QPushButton*>(QStringLiteral("auditDuePushButton"))->click();

        QSignalSpy ready(&page, &ui::AuditProgramPage::reportReady);
        page.findChild<QPushButton*>(QStringLiteral("makeReportPushButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 30000);
        QVERIFY(page.report().has_value());
        QCOMPARE(page.report()->meaningless.size(), 1);
        QVERIFY(page.findChild<QTextBrowser*>(QStringLiteral("reportTextBrowser"))
                    ->toPlainText()
                    .contains(QStringLiteral("Meaningless purposes or case numbers")));
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        page.savePdf(pdf);
        auto* status = page.findChild<QLabel*>(QStringLiteral("auditProgramStatusLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Saved")), 30000);
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");

        QSignalSpy sampled(&page, &ui::AuditProgramPage::sampleReady);
        page.findChild<QPushButton*>(QStringLiteral("drawSamplePushButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(sampled.count(), 1, 20000);
        auto* sample = page.findChild<QTableWidget*>(QStringLiteral("sampleTableWidget"));
        QCOMPARE(sample->rowCount(), 1);
        sample->selectRow(0);
        page.findChild<QLineEdit*>(QStringLiteral("sampleNoteLineEdit"))
            ->setText(QStringLiteral("Placeholder purpose"));
        page.findChild<QPushButton*>(QStringLiteral("notJustifiedPushButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(sample->item(0, 5)->text() == QStringLiteral("NOT justified"), 20000);

        page.findChild<QPushButton*>(QStringLiteral("signOffPushButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(due.count(), 2, 20000);
        QCOMPARE(due.last().first().toString(), QString());
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("auditReminderLabel"))->isHidden());
    }
};

QTEST_MAIN(TestRequestsPages)
#include "TestRequestsPages.moc"
