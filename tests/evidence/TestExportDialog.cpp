// The export dialog: a package written through it off the GUI thread, Cancel leaving nothing behind, and the
// Export button waiting for a target and a purpose.
#include "EvidenceFixture.h"
#include "TestStore.h"

#include "evidence/CaseService.h"
#include "evidence/EvidenceVerifier.h"
#include "evidence/ExportDialog.h"

#include <QComboBox>
#include <QDir>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace alpr;
using alpr::test::EvidenceFixture;
using alpr::test::TestStore;

namespace {

const QString kCase = QStringLiteral("26-0700");

void setUpCase(TestStore& store, int reads)
{
    QList<PlateRead> list;
    for (int i = 0; i < reads; ++i)
        list.append(
            EvidenceFixture::read(QStringLiteral("7DLG%1").arg(i), store.clock().nowUtc().addDays(-i - 1), true));
    list = EvidenceFixture::insert(store.session(), list);
    QList<qint64> ids;
    for (const PlateRead& r : list)
        ids.append(r.id);
    CaseService cases(store.session());
    QVERIFY(cases.add({kCase, QStringLiteral("Dialog test"), {}}).has_value());
    QVERIFY(cases.attach(kCase, QStringLiteral("read"), ids).has_value());
}

QStringList entries(const QTemporaryDir& dir)
{
    return QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class TestExportDialog : public QObject {
    Q_OBJECT

private slots:
    void exportRunsToTheEndAndVerifies()
    {
        TestStore store;
        setUpCase(store, 3);
        QTemporaryDir target;
        ui::ExportDialog dialog(store.session(), kCase, {});
        dialog.show();
        auto* exportButton = dialog.findChild<QPushButton*>(QStringLiteral("exportPushButton"));
        auto* purpose = dialog.findChild<QComboBox*>(QStringLiteral("purposeComboBox"));
        QVERIFY(exportButton && purpose);
        QVERIFY(!exportButton->isEnabled());
        dialog.addTargetFolder(target.path());
        QVERIFY(!exportButton->isEnabled()); // a purpose is still missing
        purpose->setEditText(QStringLiteral("Booking into evidence"));
        QVERIFY(exportButton->isEnabled());

        QSignalSpy finished(&dialog, &ui::ExportDialog::exportFinished);
        QTest::mouseClick(exportButton, Qt::LeftButton);
        QVERIFY(dialog.isRunning());
        QVERIFY(!exportButton->isEnabled());
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QVERIFY(finished.first().at(1).toString().contains(QStringLiteral("Manifest SHA-256")));
        auto* progress = dialog.findChild<QProgressBar*>(QStringLiteral("progressBar"));
        QCOMPARE(progress->value(), progress->maximum());

        const QStringList written = entries(target);
        QCOMPARE(written.size(), 1);
        const QString package = QDir(target.path()).filePath(written.first());
        auto verification =
            EvidenceVerifier::verify(package, EvidenceManifest::signingKey(store.session().databaseKey()));
        QVERIFY(verification.has_value());
        QVERIFY(verification->ok());
        QCOMPARE(verification->signature, EvidenceManifest::SignatureStatus::Valid);
        QFile report(QDir(package).filePath(QStringLiteral("report.pdf")));
        QVERIFY(report.open(QIODevice::ReadOnly));
        QVERIFY(report.read(5) == "%PDF-");
    }

    void cancelLeavesNothingOnTheTarget()
    {
        TestStore store;
        setUpCase(store, 6);
        QTemporaryDir target;
        ui::ExportDialog dialog(store.session(), kCase, {});
        dialog.addTargetFolder(target.path());
        dialog.findChild<QComboBox*>(QStringLiteral("purposeComboBox"))->setEditText(QStringLiteral("Court order"));
        QSignalSpy finished(&dialog, &ui::ExportDialog::exportFinished);
        dialog.startExport();
        dialog.findChild<QPushButton*>(QStringLiteral("cancelPushButton"))->click();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(finished.first().at(1).toString().contains(QStringLiteral("cancelled")));
        QCOMPARE(entries(target), QStringList());
        QVERIFY(dialog.findChild<QPushButton*>(QStringLiteral("exportPushButton"))->isEnabled());
    }

    void failureIsShownInTheDialog()
    {
        TestStore store;
        setUpCase(store, 1);
        ui::ExportDialog dialog(store.session(), kCase, {});
        dialog.addTargetFolder(QStringLiteral("/nonexistent/usb-stick"));
        dialog.findChild<QComboBox*>(QStringLiteral("purposeComboBox"))->setEditText(QStringLiteral("Court order"));
        QSignalSpy finished(&dialog, &ui::ExportDialog::exportFinished);
        dialog.startExport();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(finished.first().at(1).toString().contains(QStringLiteral("was the drive removed")));
    }
};

QTEST_MAIN(TestExportDialog)
#include "TestExportDialog.moc"
