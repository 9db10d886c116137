// The evidence page: dry run and purge off the GUI thread with progress, a package verified from the page, and
// holds listed and released.
#include "EvidenceFixture.h"
#include "FakeDocumentRenderer.h"
#include "TestStore.h"

#include "evidence/CaseService.h"
#include "evidence/EvidenceExporter.h"
#include "evidence/EvidencePage.h"
#include "evidence/HoldService.h"
#include "evidence/LocalEvidenceFileWriter.h"

#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace alpr;
using alpr::test::EvidenceFixture;
using alpr::test::TestStore;

class TestEvidencePage : public QObject {
    Q_OBJECT

private slots:
    void dryRunAndPurgeFromThePage()
    {
        TestStore store;
        const QDateTime now = store.clock().nowUtc();
        (void)EvidenceFixture::insert(store.session(),
                                      {EvidenceFixture::read(QStringLiteral("OLD1"), now.addDays(-500), true),
                                       EvidenceFixture::read(QStringLiteral("OLD2"), now.addDays(-400), false),
                                       EvidenceFixture::read(QStringLiteral("NEW1"), now.addDays(-3), true)});
        ui::EvidencePage page(store.session());
        page.show();
        auto* table = page.findChild<QTableWidget*>(QStringLiteral("dryRunTableWidget"));
        auto* status = page.findChild<QLabel*>(QStringLiteral("statusLabel"));
        page.dryRun();
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 2, 20000); // two months, class reads
        QVERIFY(status->text().contains(QStringLiteral("remove 2 read(s) and 2 image(s)")));

        QSignalSpy finished(&page, &ui::EvidencePage::purgeFinished);
        page.startPurge();
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QVERIFY(finished.first().at(1).toString().contains(QStringLiteral("2 read(s) and 2 image(s) removed")));
        auto* progress = page.findChild<QProgressBar*>(QStringLiteral("purgeProgressBar"));
        QCOMPARE(progress->value(), progress->maximum());
        QCOMPARE(store.session().database().queryInt64(QStringLiteral("SELECT count(*) FROM reads")), qint64(1));
    }

    void verifyAPackageFromThePage()
    {
        TestStore store;
        const auto reads = EvidenceFixture::insert(
            store.session(), {EvidenceFixture::read(QStringLiteral("VER1"), store.clock().nowUtc().addDays(-1), true)});
        QVERIFY(CaseService(store.session()).add({QStringLiteral("26-0800"), QStringLiteral("x"), {}}).has_value());
        QTemporaryDir target;
        alpr::test::FakeDocumentRenderer renderer;
        LocalEvidenceFileWriter writer;
        JobContext job;
        auto exported =
            EvidenceExporter(store.session(), store.session().database(), renderer, writer)
                .exportPackage(
                    {QStringLiteral("26-0800"), QStringLiteral("Court order"), {reads[0].id}, false, target.path()},
                    job);
        QVERIFY(exported.has_value());
        ui::EvidencePage page(store.session());
        QSignalSpy verified(&page, &ui::EvidencePage::verified);
        page.verifyPackage(exported->packagePath);
        QVERIFY(verified.wait(20000));
        QCOMPARE(verified.first().at(0).toBool(), true);
        auto* status = page.findChild<QLabel*>(QStringLiteral("statusLabel"));
        QVERIFY(status->text().contains(QStringLiteral("signature valid")));

        QVERIFY(QFile::remove(exported->packagePath + QStringLiteral("/reads.csv")));
        page.verifyPackage(exported->packagePath);
        QVERIFY(verified.wait(20000));
        QCOMPARE(verified.at(1).at(0).toBool(), false);
        QVERIFY(status->text().contains(QStringLiteral("MISSING  reads.csv")));

        page.refresh();
        auto* exports = page.findChild<QTableWidget*>(QStringLiteral("exportsTableWidget"));
        QTRY_COMPARE_WITH_TIMEOUT(exports->rowCount(), 1, 20000);
        QCOMPARE(exports->item(0, 6)->text(), exported->manifestSha256);
    }

    void releaseAHoldFromThePage()
    {
        TestStore store;
        QVERIFY(CaseService(store.session()).add({QStringLiteral("26-0801"), QStringLiteral("x"), {}}).has_value());
        auto hold = HoldService(store.session()).place({HoldKind::Evidence, QStringLiteral("26-0801")});
        QVERIFY(hold.has_value());
        ui::EvidencePage page(store.session());
        page.refresh();
        auto* holds = page.findChild<QTableWidget*>(QStringLiteral("holdsTableWidget"));
        QTRY_COMPARE_WITH_TIMEOUT(holds->rowCount(), 1, 20000);
        holds->selectRow(0);
        page.findChild<QLineEdit*>(QStringLiteral("releaseReasonLineEdit"))->setText(QStringLiteral("Case dismissed"));
        page.findChild<QPushButton*>(QStringLiteral("releasePushButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(holds->rowCount(), 0, 20000);
        QVERIFY(HoldService(store.session()).find(hold->id)->releasedUtc.isValid());
    }
};

QTEST_MAIN(TestEvidencePage)
#include "TestEvidencePage.moc"
