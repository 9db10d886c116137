// The cases page: filled when shown, a case opened from it, reads attached and an evidence hold placed.
#include "EvidenceFixture.h"
#include "TestStore.h"

#include "evidence/CaseService.h"
#include "evidence/CasesPage.h"
#include "evidence/HoldService.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace alpr;
using alpr::test::EvidenceFixture;
using alpr::test::TestStore;

class TestCasesPage : public QObject {
    Q_OBJECT

private slots:
    void openAttachAndHold()
    {
        TestStore store;
        const auto reads = EvidenceFixture::insert(
            store.session(), {EvidenceFixture::read(QStringLiteral("PG1"), store.clock().nowUtc().addDays(-1), false),
                              EvidenceFixture::read(QStringLiteral("PG2"), store.clock().nowUtc().addDays(-2), false)});
        QVERIFY(
            CaseService(store.session()).add({QStringLiteral("26-0900"), QStringLiteral("Existing"), {}}).has_value());
        ui::CasesPage page(store.session());
        auto* cases = page.findChild<QTableWidget*>(QStringLiteral("casesTableWidget"));
        auto* items = page.findChild<QTableWidget*>(QStringLiteral("itemsTableWidget"));
        auto* status = page.findChild<QLabel*>(QStringLiteral("statusLabel"));
        page.show(); // loads without anyone calling refresh()
        QTRY_COMPARE_WITH_TIMEOUT(cases->rowCount(), 1, 20000);

        page.findChild<QLineEdit*>(QStringLiteral("numberLineEdit"))->setText(QStringLiteral("26-0901"));
        page.findChild<QLineEdit*>(QStringLiteral("titleLineEdit"))->setText(QStringLiteral("Hit and run, 5th St"));
        page.findChild<QPushButton*>(QStringLiteral("openPushButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(cases->rowCount(), 2, 20000);
        QVERIFY(status->text().contains(QStringLiteral("Opened case 26-0901")));

        page.selectCase(QStringLiteral("26-0901"));
        QCOMPARE(page.currentCaseNumber(), QStringLiteral("26-0901"));
        page.findChild<QLineEdit*>(QStringLiteral("readsLineEdit"))
            ->setText(QStringLiteral("%1,%2").arg(reads[0].id).arg(reads[1].id));
        page.findChild<QPushButton*>(QStringLiteral("attachPushButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(items->rowCount(), 2, 20000);
        QVERIFY(status->text().contains(QStringLiteral("Attached 2 new read(s)")));

        page.findChild<QPushButton*>(QStringLiteral("holdPushButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("Evidence hold")), 20000);
        QVERIFY(status->text().contains(QStringLiteral("2 read(s)")));
        const auto holds = HoldService(store.session()).list();
        QCOMPARE(holds->size(), 1);
        QCOMPARE(holds->first().caseNumber, QStringLiteral("26-0901"));

        // Bad input is refused with the core's message, and nothing is attached.
        page.findChild<QLineEdit*>(QStringLiteral("readsLineEdit"))->setText(QStringLiteral("12-x"));
        page.findChild<QPushButton*>(QStringLiteral("attachPushButton"))->click();
        QVERIFY(status->text().contains(QStringLiteral("not a read id")));
    }
};

QTEST_MAIN(TestCasesPage)
#include "TestCasesPage.moc"
