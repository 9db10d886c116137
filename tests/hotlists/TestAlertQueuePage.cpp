#include "HotlistTestData.h"
#include "TestStore.h"

#include "hotlists/AlertQueueModel.h"
#include "hotlists/AlertQueuePage.h"
#include "hotlists/AlertVerificationPanel.h"
#include "hotlists/HotlistMatching.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QThreadPool>

using namespace alpr;
using namespace alpr::test;
using namespace alpr::ui;

namespace {
const QByteArray kNcic = "V987654321LA057020020260101ABC1234   CA2009MC2009YAMACYLMCBLK\n";
}

class TestAlertQueuePage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void showsTheUnverifiedAlertWithoutClets();
    void showsTheRecordToACletsAuthorizedUser();
    void walksTheVerificationSteps();
    void newHighPriorityAlertSignalsTheBadge();

private:
    template <typename T> T* child(AlertQueuePage& page, const char* name)
    {
        return page.findChild<T*>(QString::fromLatin1(name));
    }
    QDateTime now() { return m_store->clock().nowUtc(); }

    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<Session> m_plain;
    std::unique_ptr<Session> m_cleared;
    QTemporaryDir m_dir;
};

void TestAlertQueuePage::initTestCase()
{
    HotlistMatching::install();
}

void TestAlertQueuePage::init()
{
    m_store = std::make_unique<TestStore>();
    QVERIFY(m_store->isValid());
    HotlistImportOptions options;
    options.name = QStringLiteral("NCIC stolen");
    options.format = HotlistFormat::Ncic;
    QVERIFY(HotlistService(m_store->session()).importFile(writeFile(m_dir, QStringLiteral("n.txt"), kNcic), options));
    importReads(m_store->session().database(), now(), {makeRead(QStringLiteral("ABC1234"), now())});
    m_plain = m_store->addAndLogin(QStringLiteral("lee"), Role::Investigator, false);
    m_cleared = m_store->addAndLogin(QStringLiteral("ruiz"), Role::Investigator, true);
    QVERIFY(m_plain && m_cleared);
}

void TestAlertQueuePage::cleanup()
{
    QThreadPool::globalInstance()->waitForDone();
    m_plain.reset();
    m_cleared.reset();
    m_store.reset();
}

void TestAlertQueuePage::showsTheUnverifiedAlertWithoutClets()
{
    AlertQueuePage page(*m_plain);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, 10000);
    QCOMPARE(page.model()->data(page.model()->index(0, AlertQueueModel::Verification), Qt::DisplayRole).toString(),
             Alert::kUnverifiedWarning);
    auto* verification = child<QLabel>(page, "verificationLabel");
    QTRY_COMPARE_WITH_TIMEOUT(verification->text(), Alert::kUnverifiedWarning, 10000);
    const QString clets = child<QLabel>(page, "cletsLabel")->text();
    QVERIFY2(clets.contains(QStringLiteral("redacted")), qPrintable(clets));
    for (const QString& secret : {QStringLiteral("987654321"), QStringLiteral("LA0570200"), QStringLiteral("YAMA")}) {
        QVERIFY(!clets.contains(secret));
        QVERIFY(!child<QLabel>(page, "entryLabel")->text().contains(secret));
    }
    QVERIFY(child<QLabel>(page, "entryLabel")->text().contains(QStringLiteral("ABC1234")));
}

void TestAlertQueuePage::showsTheRecordToACletsAuthorizedUser()
{
    AlertQueuePage page(*m_cleared);
    auto* clets = child<QLabel>(page, "cletsLabel");
    QTRY_VERIFY_WITH_TIMEOUT(clets->text().contains(QStringLiteral("987654321")), 10000);
    QVERIFY(clets->text().contains(QStringLiteral("2009 YAMA CYL MC BLK")));
}

void TestAlertQueuePage::walksTheVerificationSteps()
{
    AlertQueuePage page(*m_plain);
    auto* verification = child<QLabel>(page, "verificationLabel");
    QTRY_COMPARE_WITH_TIMEOUT(verification->text(), Alert::kUnverifiedWarning, 10000);
    auto* confirm = child<QPushButton>(page, "confirmPushButton");
    QVERIFY(!confirm->isEnabled()); // no CLETS answer before the visual check

    child<QPushButton>(page, "copyPushButton")->click();
    QVERIFY(QApplication::clipboard()->text().startsWith(QStringLiteral("ALPR hit ABC1234 CA on NCIC stolen")));
    QVERIFY(QApplication::clipboard()->text().contains(Alert::kUnverifiedWarning));

    auto* visual = child<QPushButton>(page, "visualPushButton");
    QVERIFY(visual->isEnabled());
    visual->click();
    QTRY_VERIFY_WITH_TIMEOUT(child<QLineEdit>(page, "referenceLineEdit")->isEnabled(), 10000);
    QCOMPARE(verification->text(), Alert::kUnverifiedWarning); // visually checked is still unverified
    child<QLineEdit>(page, "referenceLineEdit")->setText(QStringLiteral("Dispatch 4471"));
    QVERIFY(confirm->isEnabled());
    confirm->click();
    QTRY_VERIFY_WITH_TIMEOUT(verification->text().startsWith(QStringLiteral("CONFIRMED ACTIVE")), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(page, "closePushButton")->isEnabled(), 10000);
    QVERIFY(child<QComboBox>(page, "rejectReasonComboBox")->count() >= 3);
}

void TestAlertQueuePage::newHighPriorityAlertSignalsTheBadge()
{
    AlertQueuePage page(*m_plain);
    QSignalSpy badge(&page, &AlertQueuePage::badgeChanged);
    QSignalSpy arrived(&page, &AlertQueuePage::highPriorityAlertArrived);
    QTRY_VERIFY_WITH_TIMEOUT(!badge.isEmpty(), 10000);
    QCOMPARE(badge.last().at(0).toInt(), 1);
    QCOMPARE(badge.last().at(1).toBool(), false); // a stolen vehicle is medium priority
    ManualEntry amber;
    amber.plate = QStringLiteral("AMB123");
    amber.category = HotlistCategory::AmberAlert;
    amber.reason = QStringLiteral("Amber alert");
    amber.expiresUtc = now().addDays(1);
    QVERIFY(HotlistService(m_store->session()).addEntry(amber));
    importReads(m_store->session().database(), now(), {makeRead(QStringLiteral("AMB123"), now())});
    page.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(badge.last().at(0).toInt(), 2, 10000);
    QCOMPARE(badge.last().at(1).toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->alertAt(0)->priority, HotlistPriority::High, 10000);
}

QTEST_MAIN(TestAlertQueuePage)
#include "TestAlertQueuePage.moc"
