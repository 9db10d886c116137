#include "OffloadFixture.h"
#include "TestStore.h"

#include "fleet/FleetPage.h"
#include "fleet/TransferPanel.h"
#include "fleet/UndockService.h"
#include "fleet/UnitService.h"
#include "transfers/TransferService.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace alpr;
using namespace alpr::test;
using namespace alpr::ui;

/// The fleet page offscreen, found by object names as a user would find the controls.
class TestFleetPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_store = std::make_unique<TestStore>();
        QVERIFY(m_store->isValid());
        for (const char* id : {"CAR-RED", "CAR-AMBER", "CAR-GREEN"}) {
            Unit u;
            u.id = QString::fromLatin1(id);
            QVERIFY(UnitService(m_store->session()).add(u));
        }
        // CAR-RED transfers on day 0, CAR-AMBER on day 8, CAR-GREEN on day 30; the page is looked at on day 31.
        transfer(QStringLiteral("CAR-RED"));
        m_store->clock().advanceDays(8);
        transfer(QStringLiteral("CAR-AMBER"));
        m_store->clock().advanceDays(22);
        transfer(QStringLiteral("CAR-GREEN"));
        m_store->clock().advanceDays(1);
    }
    void cleanup() { m_store.reset(); }

    void showsEachUnitRedAmberOrGreen()
    {
        FleetPage page(m_store->session());
        QSignalSpy refreshed(&page, &FleetPage::refreshed);
        page.show();
        QVERIFY(refreshed.wait(10000));
        auto* table = page.findChild<QTableWidget*>(QStringLiteral("unitsTableWidget"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 3);
        QMap<QString, QString> health;
        for (int row = 0; row < table->rowCount(); ++row)
            health.insert(table->item(row, 0)->text(), table->item(row, 1)->text());
        QCOMPARE(health.value(QStringLiteral("CAR-RED")), QStringLiteral("RED"));
        QCOMPARE(health.value(QStringLiteral("CAR-AMBER")), QStringLiteral("AMBER"));
        QCOMPARE(health.value(QStringLiteral("CAR-GREEN")), QStringLiteral("GREEN"));
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("summaryLabel"))->text().contains(QStringLiteral("1 red")));
    }

    void onlyTheCommanderSeesApproveAndDeny()
    {
        auto request = UndockService(m_store->session())
                           .request(QStringLiteral("CAR-GREEN"), QStringLiteral("Repair"), m_store->clock().nowUtc(),
                                    m_store->clock().nowUtc().addDays(1));
        QVERIFY(request);
        auto manager = m_store->addAndLogin(QStringLiteral("manager1"), Role::AgencyManager);
        FleetPage managers(*manager);
        QSignalSpy managerRefreshed(&managers, &FleetPage::refreshed);
        managers.show();
        QVERIFY(managerRefreshed.wait(10000));
        QVERIFY(!managers.findChild<QPushButton*>(QStringLiteral("approvePushButton"))->isVisible());
        QVERIFY(managers.findChild<QPushButton*>(QStringLiteral("requestPushButton"))->isVisible());

        FleetPage commanders(m_store->session());
        QSignalSpy refreshed(&commanders, &FleetPage::refreshed);
        commanders.show();
        QVERIFY(refreshed.wait(10000));
        auto* approve = commanders.findChild<QPushButton*>(QStringLiteral("approvePushButton"));
        QVERIFY(approve->isVisible());
        QVERIFY(!approve->isEnabled());
        auto* undocks = commanders.findChild<QTableWidget*>(QStringLiteral("undockTableWidget"));
        QCOMPARE(undocks->rowCount(), 1);
        undocks->selectRow(0);
        QVERIFY(approve->isEnabled());
        QVERIFY(!commanders.findChild<QPushButton*>(QStringLiteral("returnPushButton"))->isEnabled());
    }

    void importsAnOffloadOffTheGuiThreadAndRefuses()
    {
        FleetPage page(m_store->session());
        QSignalSpy refreshed(&page, &FleetPage::refreshed);
        page.show();
        QVERIFY(refreshed.wait(10000));
        TransferPanel* panel = page.transferPanel();
        QSignalSpy finished(panel, &TransferPanel::transferFinished);
        const QString good = m_dir.path() + QStringLiteral("/fresh");
        QVERIFY(writeOffload(good, QStringLiteral("CAR-RED"), transferReads(m_store->clock().nowUtc().addDays(-1), 0, 4)));
        panel->importFolder(good);
        QVERIFY(panel->isRunning() || finished.count() == 1);
        QVERIFY(finished.count() == 1 || finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), true);
        auto* status = panel->findChild<QLabel*>(QStringLiteral("transferStatusLabel"));
        QVERIFY2(status->text().contains(QStringLiteral("4 new reads")), qPrintable(status->text()));
        // The page refreshes after the transfer: CAR-RED is green again.
        QVERIFY(refreshed.wait(10000));
        auto* table = page.findChild<QTableWidget*>(QStringLiteral("unitsTableWidget"));
        for (int row = 0; row < table->rowCount(); ++row)
            if (table->item(row, 0)->text() == QLatin1String("CAR-RED"))
                QCOMPARE(table->item(row, 1)->text(), QStringLiteral("GREEN"));

        const QString bad = m_dir.path() + QStringLiteral("/bad");
        QVERIFY(writeOffload(bad, QStringLiteral("CAR-AMBER"), transferReads(m_store->clock().nowUtc().addDays(-1), 10, 2)));
        QVERIFY(rewrite(bad + QStringLiteral("/reads/reads-1.jsonl"), QByteArray("{}\n")));
        finished.clear();
        panel->importFolder(bad);
        QVERIFY(finished.wait(20000));
        QVERIFY2(status->text().contains(QStringLiteral("nothing stored")), qPrintable(status->text()));
    }

    void watchedFolderImportsNewOffloads()
    {
        FleetPage page(m_store->session());
        TransferPanel* panel = page.transferPanel();
        const QString watched = m_dir.path() + QStringLiteral("/dock");
        QVERIFY(writeOffload(watched + QStringLiteral("/one"), QStringLiteral("CAR-AMBER"),
                             transferReads(m_store->clock().nowUtc().addDays(-1), 20, 3)));
        panel->setWatchedFolder(watched, true);
        QSignalSpy finished(panel, &TransferPanel::transferFinished);
        panel->scanWatchedFolder(0);
        QVERIFY(finished.wait(20000));
        QVERIFY2(panel->findChild<QLabel*>(QStringLiteral("transferStatusLabel"))->text().contains(QStringLiteral("3 new reads")),
                 qPrintable(panel->findChild<QLabel*>(QStringLiteral("transferStatusLabel"))->text()));
        panel->setWatchedFolder(QString(), false);
    }

private:
    void transfer(const QString& unit)
    {
        const QString dir = m_dir.path() + QLatin1Char('/') + unit;
        QVERIFY(writeOffload(dir, unit, transferReads(m_store->clock().nowUtc().addDays(-1), 0, 3)));
        JobContext job;
        QVERIFY(TransferService(m_store->session(), m_store->session().database()).importOffload(dir, job));
    }

    std::unique_ptr<TestStore> m_store;
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestFleetPage)
#include "TestFleetPage.moc"
