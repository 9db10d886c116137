#include "TestStore.h"
#include "common/Paths.h"
#include "import/ImportDialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace alpr;

class TestImportDialog : public QObject {
    Q_OBJECT
private slots:
    void importRunsOffTheGuiThreadAndReports()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        ui::ImportDialog dialog(ts.session());
        dialog.show();
        dialog.setFiles({paths::sourceDirectory() + QStringLiteral("/tests/data/engine/car_627WWI.jpg"),
                         QStringLiteral("/nonexistent/clip.mp4")});
        dialog.findChild<QLineEdit*>(QStringLiteral("unitLineEdit"))->setText(QStringLiteral("CAR-12"));
        QSignalSpy finished(&dialog, &ui::ImportDialog::importFinished);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("importPushButton")), Qt::LeftButton);
        QVERIFY(dialog.isRunning() || finished.count() == 1);
        QVERIFY(finished.wait(120000) || finished.count() == 1);
        const QString status = dialog.findChild<QLabel*>(QStringLiteral("importStatusLabel"))->text();
        // How many reads the image gives is the model's business (a sticker on the rear window may be read as
        // well); the dialog must say the file went in, and the fixture's plate must be in the store.
        QVERIFY2(status.contains(QRegularExpression(QStringLiteral("car_627WWI\\.jpg: [1-9]\\d* read"))),
                 qPrintable(status));
        QCOMPARE(ts.session().database().queryInt64(QStringLiteral("SELECT count(*) FROM reads WHERE plate = '627WWI'")),
                 1);
        QVERIFY2(status.contains(QLatin1String("clip.mp4: FAILED")), qPrintable(status));
        QCOMPARE(dialog.findChild<QProgressBar*>(QStringLiteral("importProgressBar"))->value(), 1000);
    }

    void missingUnitIsRefusedWithAMessage()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        ui::ImportDialog dialog(ts.session());
        dialog.setFiles({QStringLiteral("/tmp/x.jpg")});
        QSignalSpy finished(&dialog, &ui::ImportDialog::importFinished);
        dialog.start();
        QVERIFY(finished.wait(30000) || finished.count() == 1);
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("importStatusLabel"))->text().contains(QLatin1String("unit")));
    }
};

QTEST_MAIN(TestImportDialog)
#include "TestImportDialog.moc"
