#include "TestStore.h"
#include "common/Paths.h"
#include "import/ImportDialog.h"
#include "import/ImportQueue.h"
#include "shell/MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace alpr;

namespace {

QString fixture(const QString& name)
{
    return paths::sourceDirectory() + QStringLiteral("/tests/data/engine/") + name;
}

/// A folder of three still fixtures in dir.
QString stillsFolder(const QTemporaryDir& dir, const QString& name)
{
    const QString folder = dir.filePath(name);
    QDir().mkpath(folder);
    for (const QString& still :
         {QStringLiteral("car_627WWI.jpg"), QStringLiteral("car_3MVV252.jpg"), QStringLiteral("car_5ZUC921.jpg")})
        QFile::copy(fixture(still), folder + QLatin1Char('/') + still);
    return folder;
}

template <typename T> T* child(QObject* parent, const char* name)
{
    return parent->findChild<T*>(QString::fromLatin1(name));
}

} // namespace

class TestImportDialog : public QObject {
    Q_OBJECT
private slots:
    void importRunsOffTheGuiThreadAndReports()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        ui::ImportDialog dialog(ts.session());
        dialog.show();
        dialog.setFiles({fixture(QStringLiteral("car_627WWI.jpg")), QStringLiteral("/nonexistent/clip.mp4")});
        child<QLineEdit>(&dialog, "unitLineEdit")->setText(QStringLiteral("CAR-12"));
        QSignalSpy finished(&dialog, &ui::ImportDialog::importFinished);
        QTest::mouseClick(child<QPushButton>(&dialog, "importPushButton"), Qt::LeftButton);
        QVERIFY(dialog.isRunning() || finished.count() == 1);
        QVERIFY(finished.wait(120000) || finished.count() == 1);
        auto* status = child<QLabel>(&dialog, "importStatusLabel");
        // How many reads the image gives is the model's business (a sticker on the rear window may be read as
        // well); the dialog must say the file went in, and the fixture's plate must be in the store.
        QVERIFY2(status->text().contains(QLatin1String("1 file(s) imported")), qPrintable(status->text()));
        QVERIFY2(status->toolTip().contains(QRegularExpression(QStringLiteral("car_627WWI\\.jpg: [1-9]\\d* read"))),
                 qPrintable(status->toolTip()));
        QCOMPARE(ts.session().database().queryInt64(QStringLiteral("SELECT count(*) FROM reads WHERE plate = '627WWI'")),
                 1);
        // The bad file is listed at the end with its reason.
        auto* bad = child<QListWidget>(&dialog, "badFilesListWidget");
        QVERIFY(bad->isVisible());
        QCOMPARE(bad->count(), 1);
        QVERIFY2(bad->item(0)->text().startsWith(QStringLiteral("clip.mp4 — ")) && bad->item(0)->text().size() > 15,
                 qPrintable(bad->item(0)->text()));
        QCOMPARE(child<QProgressBar>(&dialog, "importProgressBar")->value(), 1000);
        // The queue shows each file with its outcome.
        auto* queue = child<QTreeWidget>(&dialog, "queueTreeWidget");
        QVERIFY(queue->isVisible());
        QCOMPARE(queue->topLevelItemCount(), 2);
        QCOMPARE(queue->topLevelItem(0)->text(1), QStringLiteral("imported"));
        QCOMPARE(queue->topLevelItem(0)->text(4), QStringLiteral("file"));
        QCOMPARE(queue->topLevelItem(1)->text(1), QStringLiteral("FAILED"));
        QVERIFY(!queue->topLevelItem(1)->text(5).isEmpty());
        // Adding files after a run starts a new list.
        dialog.addPaths({fixture(QStringLiteral("car_3MVV252.jpg"))});
        QVERIFY(!queue->isVisible());
        QCOMPARE(dialog.paths().size(), 1);
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
        QVERIFY(child<QLabel>(&dialog, "importStatusLabel")->text().contains(QLatin1String("unit")));
    }

    void pauseHoldsTheQueueAndResumeFinishesIt()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        QTemporaryDir dir;
        ui::ImportDialog dialog(ts.session());
        dialog.show();
        dialog.setFiles({stillsFolder(dir, QStringLiteral("stills"))});
        child<QLineEdit>(&dialog, "unitLineEdit")->setText(QStringLiteral("CAR-12"));
        QSignalSpy finished(&dialog, &ui::ImportDialog::importFinished);
        auto* pause = child<QPushButton>(&dialog, "pausePushButton");
        QVERIFY(!pause->isEnabled());
        QTest::mouseClick(child<QPushButton>(&dialog, "importPushButton"), Qt::LeftButton);
        QVERIFY(pause->isEnabled());
        QTest::mouseClick(pause, Qt::LeftButton);
        QVERIFY(dialog.isPaused());
        QCOMPARE(pause->text(), QStringLiteral("&Resume"));
        QVERIFY(!finished.wait(1500)); // paused before its first file: nothing moves
        QVERIFY(dialog.isRunning());
        QVERIFY(child<QProgressBar>(&dialog, "importProgressBar")->value() < 1000);
        QTest::mouseClick(pause, Qt::LeftButton);
        QVERIFY(!dialog.isPaused());
        QVERIFY(finished.wait(120000) || finished.count() == 1);
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(ts.session().database().queryInt64(QStringLiteral("SELECT count(*) FROM imports")), 3);
        QCOMPARE(ts.session().database().queryInt64(
                     QStringLiteral("SELECT count(*) FROM audit WHERE action = 'import.file'")),
                 3);
    }

    void filesDroppedOnTheMainWindowGoToTheQueue()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        auto session = ts.login(test::TestStore::kAdmin);
        QVERIFY(session);
        ui::MainWindow window(std::shared_ptr<Session>(std::move(session)), {});
        window.show();
        QVERIFY(window.acceptDrops());
        QTemporaryDir dir;
        const QString folder = stillsFolder(dir, QStringLiteral("dropped"));
        const QString still = fixture(QStringLiteral("car_6LKR481.jpg"));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(folder), QUrl::fromLocalFile(still)});
        const QPoint at = window.rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QVERIFY(drop.isAccepted());
        auto* dialog = window.findChild<ui::ImportDialog*>(QStringLiteral("importDialog"));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->paths(), (QStringList{folder, still}));
        // Text dropped from elsewhere is not a file: refused.
        QMimeData text;
        text.setText(QStringLiteral("627WWI"));
        QDragEnterEvent notFiles(at, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &notFiles);
        QVERIFY(!notFiles.isAccepted());
    }

    void anUnfinishedQueueIsOfferedAtTheNextStart()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        QTemporaryDir dir;
        const QString folder = stillsFolder(dir, QStringLiteral("left"));
        {
            // The last session queued the folder, imported one file and was cancelled (or crashed).
            ImportQueue queue(ts.session(), ts.session().database());
            ImportQueueOptions options;
            options.unitId = QStringLiteral("CAR-7");
            auto id = queue.create({folder}, options);
            QVERIFY(id);
            JobContext job;
            auto cancelled = queue.run(*id, job, [&](const ImportQueueProgress& p) {
                if (p.fileIndex == 1)
                    job.cancel();
            });
            QVERIFY(!cancelled && cancelled.error().isCancellation());
        }
        auto session = ts.login(test::TestStore::kAdmin);
        QVERIFY(session);
        ui::MainWindow window(std::shared_ptr<Session>(std::move(session)), {});
        window.show();
        QMessageBox* offer = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((offer = window.findChild<QMessageBox*>(QStringLiteral("resumeImportMessageBox"))),
                                 10000);
        QVERIFY2(offer->text().contains(QLatin1String("CAR-7")) &&
                     offer->text().contains(QLatin1String("2 file(s) are left")),
                 qPrintable(offer->text()));
        QTest::mouseClick(child<QPushButton>(offer, "resumeImportPushButton"), Qt::LeftButton);
        ui::ImportDialog* dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = window.findChild<ui::ImportDialog*>(QStringLiteral("importDialog"))), 10000);
        QSignalSpy finished(dialog, &ui::ImportDialog::importFinished);
        QVERIFY(finished.wait(120000) || finished.count() == 1);
        QCOMPARE(child<QLineEdit>(dialog, "unitLineEdit")->text(), QStringLiteral("CAR-7"));
        QCOMPARE(dialog->paths().size(), 3);
        auto& db = ts.session().database();
        QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM imports")), 3);
        QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM import_queues WHERE status = 'open'")), 0);
    }
};

QTEST_MAIN(TestImportDialog)
#include "TestImportDialog.moc"
