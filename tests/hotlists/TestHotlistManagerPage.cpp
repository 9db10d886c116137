#include "HotlistTestData.h"
#include "TestStore.h"

#include "hotlists/HotlistImportDialog.h"
#include "hotlists/HotlistManagerPage.h"
#include "hotlists/HotlistMatching.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QThreadPool>

using namespace alpr;
using namespace alpr::test;
using namespace alpr::ui;

namespace {
const QByteArray kNcic = "V987654321LA057020020260101ABC1234   CA2009MC2009YAMACYLMCBLK\n"
                         "V98765432\n"
                         "A123456789NV000000020260102KID4321   NV\n";
}

class TestHotlistManagerPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void previewShowsLineErrorsBeforeLoading();
    void aRefusedFileCannotBeLoaded();
    void loadingShowsTheListVersionAndEntries();
    void entriesHideCletsFieldsFromOthers();
    void amberEntrySaysItSearchedPastReads();

private:
    void loadNcic(HotlistManagerPage& page);
    QDateTime now() { return m_store->clock().nowUtc(); }

    std::unique_ptr<TestStore> m_store;
    QTemporaryDir m_dir;
};

void TestHotlistManagerPage::initTestCase()
{
    HotlistMatching::install();
}

void TestHotlistManagerPage::init()
{
    m_store = std::make_unique<TestStore>();
    QVERIFY(m_store->isValid());
}

void TestHotlistManagerPage::cleanup()
{
    QThreadPool::globalInstance()->waitForDone();
    m_store.reset();
}

void TestHotlistManagerPage::previewShowsLineErrorsBeforeLoading()
{
    HotlistImportDialog dialog(m_store->session());
    QSignalSpy previewed(&dialog, &HotlistImportDialog::previewed);
    dialog.setFile(writeFile(m_dir, QStringLiteral("ncic.txt"), kNcic));
    auto* load = dialog.findChild<QPushButton*>(QStringLiteral("loadPushButton"));
    QVERIFY(!load->isEnabled());
    dialog.preview();
    QTRY_COMPARE_WITH_TIMEOUT(previewed.size(), 1, 10000);
    auto* errors = dialog.findChild<QTableWidget*>(QStringLiteral("errorsTableWidget"));
    QCOMPARE(errors->rowCount(), 1);
    QCOMPARE(errors->item(0, 0)->text(), QStringLiteral("2"));
    QVERIFY(errors->item(0, 1)->text().contains(QStringLiteral("short line")));
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("summaryLabel"))->text().contains(QStringLiteral("2 entries")));
    QVERIFY(load->isEnabled());
    QCOMPARE(dialog.options().name, QStringLiteral("ncic"));
    QCOMPARE(dialog.options().format, HotlistFormat::Ncic);
    // Nothing is in the store until the page loads it.
    QVERIFY(HotlistService(m_store->session()).lists()->isEmpty());
}

void TestHotlistManagerPage::aRefusedFileCannotBeLoaded()
{
    HotlistImportDialog dialog(m_store->session());
    QSignalSpy previewed(&dialog, &HotlistImportDialog::previewed);
    dialog.setFile(writeFile(m_dir, QStringLiteral("cut.tbl"), "DATE 20260601\n7ABC123 CA19\nTOTAL RECORD 5\n"));
    dialog.preview();
    QTRY_COMPARE_WITH_TIMEOUT(previewed.size(), 1, 10000);
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("summaryLabel"))->text().contains(QStringLiteral("Refused")));
    QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("loadPushButton"))->isEnabled());
}

void TestHotlistManagerPage::loadNcic(HotlistManagerPage& page)
{
    HotlistImportDialog dialog(m_store->session());
    QSignalSpy previewed(&dialog, &HotlistImportDialog::previewed);
    dialog.setFile(writeFile(m_dir, QStringLiteral("ncic.txt"), kNcic));
    dialog.preview();
    QTRY_COMPARE_WITH_TIMEOUT(previewed.size(), 1, 10000);
    QSignalSpy changed(&page, &HotlistManagerPage::changed);
    page.load(dialog.contents(), dialog.options());
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 10000);
}

void TestHotlistManagerPage::loadingShowsTheListVersionAndEntries()
{
    HotlistManagerPage page(m_store->session());
    loadNcic(page);
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("statusLabel"))->text().contains(QStringLiteral("version 1")));
    auto* lists = page.findChild<QTableWidget*>(QStringLiteral("listsTableWidget"));
    QTRY_COMPARE_WITH_TIMEOUT(lists->rowCount(), 1, 10000);
    QCOMPARE(lists->item(0, 0)->text(), QStringLiteral("ncic"));
    QCOMPARE(lists->item(0, 7)->text(), QStringLiteral("current"));
    auto* versions = page.findChild<QTableWidget*>(QStringLiteral("versionsTableWidget"));
    QTRY_COMPARE_WITH_TIMEOUT(versions->rowCount(), 1, 10000);
    QCOMPARE(versions->item(0, 5)->text(), QStringLiteral("1")); // rejected lines
    auto* entries = page.findChild<QTableWidget*>(QStringLiteral("entriesTableWidget"));
    QTRY_COMPARE_WITH_TIMEOUT(entries->rowCount(), 2, 10000);

    // A day later the list has not been refreshed: stale.
    m_store->clock().advanceDays(2);
    page.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(lists->item(0, 7)->text().startsWith(QStringLiteral("STALE")), 10000);
}

void TestHotlistManagerPage::entriesHideCletsFieldsFromOthers()
{
    {
        HotlistManagerPage admin(m_store->session());
        loadNcic(admin);
    }
    auto manager = m_store->addAndLogin(QStringLiteral("mgr"), Role::AgencyManager, false);
    HotlistManagerPage page(*manager);
    auto* entries = page.findChild<QTableWidget*>(QStringLiteral("entriesTableWidget"));
    QTRY_COMPARE_WITH_TIMEOUT(entries->rowCount(), 2, 10000);
    for (int r = 0; r < entries->rowCount(); ++r)
        for (int c = 0; c < entries->columnCount(); ++c) {
            const QString text = entries->item(r, c) ? entries->item(r, c)->text() : QString();
            QVERIFY(!text.contains(QStringLiteral("987654321")));
            QVERIFY(!text.contains(QStringLiteral("LA0570200")));
        }
    QVERIFY(entries->item(0, 7)->text().contains(QStringLiteral("CLETS authorization required")));
}

void TestHotlistManagerPage::amberEntrySaysItSearchedPastReads()
{
    importReads(m_store->session().database(), now(), {makeRead(QStringLiteral("KID4321"), now().addDays(-1))});
    HotlistManagerPage page(m_store->session());
    QSignalSpy changed(&page, &HotlistManagerPage::changed);
    ManualEntry amber;
    amber.plate = QStringLiteral("KID4321");
    amber.category = HotlistCategory::AmberAlert;
    amber.reason = QStringLiteral("Amber 26-A-17");
    amber.expiresUtc = now().addDays(2);
    page.addEntry(amber);
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 10000);
    QCOMPARE(changed.first().first().toString(),
             QStringLiteral("Entry added; reads of the last 30 days searched at once: 1 alert(s)"));
}

QTEST_MAIN(TestHotlistManagerPage)
#include "TestHotlistManagerPage.moc"
