#include "TestStore.h"
#include "audit/AuditLog.h"
#include "common/Paths.h"
#include "import/ImportQueue.h"
#include "import/ImportService.h"
#include "import/ImportSources.h"
#include "import/ImportTimeEstimate.h"
#include "store/Statement.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace alpr;

namespace {

QString fixture(const QString& name)
{
    return paths::sourceDirectory() + QStringLiteral("/tests/data/engine/") + name;
}

const QStringList kStills{QStringLiteral("car_627WWI.jpg"), QStringLiteral("car_3MVV252.jpg"),
                          QStringLiteral("car_5ZUC921.jpg"), QStringLiteral("car_6LKR481.jpg")};

qint64 count(store::Database& db, const QString& sql)
{
    return db.queryInt64(sql);
}

} // namespace

class TestImportQueue : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_files;

    QString write(const QString& relative, const QByteArray& bytes)
    {
        const QString path = m_files.filePath(relative);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(bytes);
        return path;
    }

    QString copyFixture(const QString& name, const QString& relative)
    {
        QFile source(fixture(name));
        return source.open(QIODevice::ReadOnly) ? write(relative, source.readAll()) : QString();
    }

    /// A folder of the still fixtures, in a fresh directory each time.
    QString stillsFolder(const QString& name)
    {
        for (int i = 0; i < kStills.size(); ++i)
            copyFixture(kStills[i], QStringLiteral("%1/%2_%3").arg(name).arg(i).arg(kStills[i]));
        return m_files.filePath(name);
    }

    static ImportQueueOptions options()
    {
        ImportQueueOptions o;
        o.unitId = QStringLiteral("CAR-12");
        o.startUtc = QDateTime(QDate(2026, 11, 2), QTime(14, 5), Qt::UTC);
        o.latitude = 39.29;
        o.longitude = -76.61;
        return o;
    }

    /// Every file of the queue is in the store once: one imports row, one audit record, its reads once.
    static void verifyEachFileOnce(store::Database& db, int files)
    {
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM imports")), qint64(files));
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM audit WHERE action = 'import.file'")), qint64(files));
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM reads")),
                 count(db, QStringLiteral("SELECT sum(reads) FROM imports")));
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM (SELECT source_file, plate FROM reads GROUP BY "
                                          "source_file, plate HAVING count(*) > 1) AS repeated")),
                 0);
    }

private slots:
    void foldersExpandRecursivelyInPathOrder()
    {
        const QString root = m_files.filePath(QStringLiteral("expand"));
        write(QStringLiteral("expand/b/clip2.MP4"), "x");
        write(QStringLiteral("expand/a/photo.jpg"), "x");
        write(QStringLiteral("expand/a/deeper/Clip1.mov"), "x");
        write(QStringLiteral("expand/a/notes.txt"), "x");
        write(QStringLiteral("expand/b/clip2.gpx"), "x");
        const QString odd = write(QStringLiteral("odd.dat"), "x");
        const QStringList files =
            ImportSources::expand({root, odd, root + QStringLiteral("/a/photo.jpg"), QStringLiteral("/no/such.mp4")});
        const QStringList expected{root + QStringLiteral("/a/deeper/Clip1.mov"), root + QStringLiteral("/a/photo.jpg"),
                                   root + QStringLiteral("/b/clip2.MP4"), odd, QStringLiteral("/no/such.mp4")};
        QCOMPARE(files, expected);
        QCOMPARE(ImportSources::trackBeside(root + QStringLiteral("/b/clip2.MP4")),
                 root + QStringLiteral("/b/clip2.gpx"));
        QVERIFY(ImportSources::trackBeside(root + QStringLiteral("/a/photo.jpg")).isEmpty());
    }

    void timeLeftComesFromTheMeasuredRate()
    {
        QCOMPARE(ImportTimeEstimate::secondsLeft(0, 100, 10'000), std::nullopt);
        QCOMPARE(ImportTimeEstimate::secondsLeft(50, 50, 500), std::nullopt); // too early to tell
        QCOMPARE(ImportTimeEstimate::secondsLeft(25, 75, 10'000), qint64(30));
        QCOMPARE(ImportTimeEstimate::secondsLeft(100, 0, 10'000), qint64(0));
    }

    void aSubJobPausesAndCancelsWithItsParent()
    {
        JobContext parent;
        JobContext child({}, &parent);
        parent.pause();
        QVERIFY(child.isPaused());
        std::atomic<bool> returned{false};
        std::thread waiter([&] {
            child.waitWhilePaused();
            returned = true;
        });
        QTest::qWait(300);
        QVERIFY2(!returned, "a paused job went on");
        parent.resume();
        QTRY_VERIFY_WITH_TIMEOUT(returned.load(), 5000);
        waiter.join();
        QVERIFY(parent.pausedMsecs() >= 200);

        returned = false;
        parent.pause();
        std::thread cancelled([&] {
            child.waitWhilePaused();
            returned = true;
        });
        parent.cancel(); // Cancel works on a paused job
        QTRY_VERIFY_WITH_TIMEOUT(returned.load(), 5000);
        cancelled.join();
        QVERIFY(child.isCancelled());
    }

    void aPausedAndResumedQueueImportsEachFileOnce()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        const QString folder = stillsFolder(QStringLiteral("paused"));
        ImportQueue queue(ts.session(), ts.session().database());
        auto id = queue.create({folder}, options());
        QVERIFY2(id, id ? "" : qPrintable(id.error().toString()));

        auto db = ts.session().openConnection();
        QVERIFY(db);
        JobContext job;
        std::atomic<int> finished{0};
        std::atomic<bool> pausedOnce{false};
        Result<ImportQueueSummary> summary = fail(ErrorCode::Internal, QStringLiteral("not run"));
        std::thread worker([&] {
            ImportQueue runner(ts.session(), *db);
            summary = runner.run(*id, job, [&](const ImportQueueProgress& p) {
                if (p.fileFraction >= 1.0)
                    ++finished;
                // Paused from the job's own thread at a known point: after the second file.
                if (finished == 2 && !pausedOnce.exchange(true))
                    job.pause();
            });
        });
        QTRY_VERIFY_WITH_TIMEOUT(pausedOnce.load(), 60'000);
        QTest::qWait(1000);
        QCOMPARE(finished.load(), 2); // nothing moved while paused
        job.resume();
        worker.join();
        QVERIFY2(summary, summary ? "" : qPrintable(summary.error().toString()));
        QCOMPARE(summary->filesImported, kStills.size());
        QCOMPARE(summary->queue.count(ImportQueueItem::Status::Done), kStills.size());
        QVERIFY(!summary->queue.open);
        QVERIFY(job.pausedMsecs() >= 900);
        verifyEachFileOnce(ts.session().database(), int(kStills.size()));
        auto left = queue.unfinished();
        QVERIFY(left && left->isEmpty());
    }

    void aQueueInterruptedAndResumedByANewSessionImportsEachFileOnce()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        const QString folder = stillsFolder(QStringLiteral("interrupted"));
        qint64 id = 0;
        {
            ImportQueue queue(ts.session(), ts.session().database());
            auto created = queue.create({folder}, options());
            QVERIFY(created);
            id = *created;
            JobContext job;
            auto cancelled = queue.run(id, job, [&](const ImportQueueProgress& p) {
                if (p.fileIndex == 2)
                    job.cancel();
            });
            QVERIFY(!cancelled);
            QVERIFY(cancelled.error().isCancellation());
            auto state = queue.state(id);
            QVERIFY(state && state->open);
            QCOMPARE(state->count(ImportQueueItem::Status::Done), 2);
            QCOMPARE(state->unfinished(), 2);
        }
        // A crash after the third file's commit and before the queue noted it: the file is in, its item "running".
        auto& db = ts.session().database();
        {
            ImportService service(ts.session(), db);
            ImportRequest third;
            third.files = {QDir(folder).filePath(QStringLiteral("2_") + kStills[2])};
            third.unitId = options().unitId;
            JobContext job;
            QVERIFY(service.run(third, job));
            db.exec(QStringLiteral("UPDATE import_queue_items SET status = 'running' WHERE position = 2"));
        }

        // A new session, as after a restart: it finds the queue and resumes it.
        auto again = ts.login(test::TestStore::kAdmin);
        QVERIFY(again);
        ImportQueue resumed(*again, again->database());
        auto offered = resumed.unfinished();
        QVERIFY(offered);
        QCOMPARE(offered->size(), 1);
        QCOMPARE(offered->first().id, id);
        JobContext job;
        auto summary = resumed.run(id, job);
        QVERIFY2(summary, summary ? "" : qPrintable(summary.error().toString()));
        QCOMPARE(summary->filesImported, 1); // the fourth; the third was in already
        QCOMPARE(summary->queue.items[2].status, ImportQueueItem::Status::Skipped);
        QCOMPARE(summary->queue.items[3].status, ImportQueueItem::Status::Done);
        verifyEachFileOnce(again->database(), int(kStills.size()));
        QVERIFY(resumed.unfinished()->isEmpty());
    }

    void aCorruptFileInTheMiddleIsListedAndTheOthersFinish()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        copyFixture(kStills[0], QStringLiteral("corrupt/1.jpg"));
        QFile original(fixture(kStills[1]));
        QVERIFY(original.open(QIODevice::ReadOnly));
        write(QStringLiteral("corrupt/2.jpg"), original.readAll().left(700)); // truncated
        write(QStringLiteral("corrupt/3.mp4"), QByteArray(4096, 'x'));        // not footage
        copyFixture(kStills[2], QStringLiteral("corrupt/4.jpg"));
        ImportQueue queue(ts.session(), ts.session().database());
        auto id = queue.create({m_files.filePath(QStringLiteral("corrupt"))}, options());
        QVERIFY(id);
        JobContext job;
        auto summary = queue.run(*id, job);
        QVERIFY2(summary, summary ? "" : qPrintable(summary.error().toString()));
        QCOMPARE(summary->filesImported, 2);
        const QList<ImportQueueItem> failed = summary->failed();
        QCOMPARE(failed.size(), 2);
        QVERIFY(failed[0].path.endsWith(QLatin1String("2.jpg")));
        QVERIFY(failed[1].path.endsWith(QLatin1String("3.mp4")));
        for (const ImportQueueItem& f : failed)
            QVERIFY2(!f.reason.isEmpty(), qPrintable(f.path));
        QCOMPARE(summary->queue.items[3].status, ImportQueueItem::Status::Done);
        // The reasons are kept with the queue, for the list shown at the end and after a restart.
        auto state = queue.state(*id);
        QVERIFY(state);
        QCOMPARE(state->items[1].reason, failed[0].reason);
        QCOMPARE(count(ts.session().database(), QStringLiteral("SELECT count(*) FROM imports")), 2);
    }

    void badQueuesAreRefusedAndOthersQueuesAreNotShown()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        ImportQueue queue(ts.session(), ts.session().database());
        // An empty folder gives nothing to import.
        QDir().mkpath(m_files.filePath(QStringLiteral("nothing-here")));
        QCOMPARE(queue.create({m_files.filePath(QStringLiteral("nothing-here"))}, options()).error().code,
                 ErrorCode::InvalidInput);
        auto o = options();
        o.unitId = QStringLiteral("'; DROP TABLE reads;--");
        QCOMPARE(queue.create({fixture(kStills[0])}, o).error().code, ErrorCode::InvalidInput);
        o = options();
        o.gpsTrackFile = write(QStringLiteral("bad.gpx"), "<gpx><trk>not a track");
        QCOMPARE(queue.create({fixture(kStills[0])}, o).error().code, ErrorCode::InvalidInput);
        QCOMPARE(count(ts.session().database(), QStringLiteral("SELECT count(*) FROM import_queues")), 0);

        auto id = queue.create({fixture(kStills[0])}, options());
        QVERIFY(id);
        auto other = ts.addAndLogin(QStringLiteral("det2"), Role::Investigator);
        QVERIFY(other);
        ImportQueue theirs(*other, other->database());
        QVERIFY(theirs.unfinished()->isEmpty());
        JobContext job;
        QCOMPARE(theirs.run(*id, job).error().code, ErrorCode::NotFound);
        auto auditor = ts.addAndLogin(QStringLiteral("aud1"), Role::Auditor);
        QVERIFY(auditor);
        QCOMPARE(ImportQueue(*auditor, auditor->database()).unfinished().error().code, ErrorCode::PermissionDenied);

        QVERIFY(queue.discard(*id));
        QVERIFY(queue.unfinished()->isEmpty());
        QCOMPARE(queue.run(*id, job).error().code, ErrorCode::InvalidInput);
    }

    void footageTakesTheTrackBesideItAndItsContainerTime()
    {
        const QString shared = paths::sharedDataDirectory();
        if (shared.isEmpty() || !QFile::exists(shared + QStringLiteral("/footage/karma.mp4")))
            QSKIP("../shared/data/footage is absent: the footage fixture is not available here");
        test::TestStore ts;
        QVERIFY(ts.isValid());
        QVERIFY(
            QFile::copy(shared + QStringLiteral("/footage/karma.mp4"), m_files.filePath(QStringLiteral("karma.mp4"))));
        QVERIFY(
            QFile::copy(shared + QStringLiteral("/footage/karma.gpx"), m_files.filePath(QStringLiteral("karma.gpx"))));
        auto o = options();
        o.startUtc = {};
        o.latitude.reset();
        o.longitude.reset();
        ImportQueue queue(ts.session(), ts.session().database());
        auto id = queue.create({m_files.filePath(QStringLiteral("karma.mp4"))}, o);
        QVERIFY(id);
        // Paused a third of the way into the clip: the footage reader stops between frames and goes on from there.
        JobContext job;
        QList<ImportQueueProgress> reports; // appended on the worker, read here once it has stopped or finished
        std::atomic<int> reportCount{0};
        std::atomic<bool> pausedInside{false};
        auto db = ts.session().openConnection();
        QVERIFY(db);
        Result<ImportQueueSummary> summary = fail(ErrorCode::Internal, QStringLiteral("not run"));
        std::thread worker([&] {
            ImportQueue runner(ts.session(), *db);
            summary = runner.run(*id, job, [&](const ImportQueueProgress& p) {
                reports.append(p);
                ++reportCount;
                if (p.fileFraction > 0.33 && p.fileFraction < 1.0 && !pausedInside.exchange(true))
                    job.pause();
            });
        });
        QTRY_VERIFY_WITH_TIMEOUT(pausedInside.load(), 120'000);
        QTest::qWait(300); // the frame in hand is finished, then the reader waits
        const int whilePaused = reportCount.load();
        QTest::qWait(1500);
        QCOMPARE(reportCount.load(), whilePaused);
        const double pausedAt = reports.last().fileFraction;
        QVERIFY(pausedAt > 0.33 && pausedAt < 1.0);
        job.resume();
        worker.join();
        QVERIFY2(summary, summary ? "" : qPrintable(summary.error().toString()));
        // Resumed where it stopped, not from the start of the file.
        for (qsizetype i = whilePaused; i < reports.size(); ++i)
            QVERIFY(reports[i].fileFraction >= pausedAt);
        QVERIFY(job.pausedMsecs() >= 1500);
        const ImportQueueItem& item = summary->queue.items.value(0);
        QCOMPARE(item.status, ImportQueueItem::Status::Done);
        QCOMPARE(item.gpsSource, QStringLiteral("beside: karma.gpx"));
        QCOMPARE(item.timeSource, QStringLiteral("container"));
        auto audit = AuditLog::list(ts.session().database(), AuditFilter{{}, QStringLiteral("import.file"), {}, {}, 0});
        QVERIFY(audit && audit->size() == 1);
        QVERIFY2(audit->first().parameters.contains(QLatin1String("2017-04-17T19:27:57")),
                 qPrintable(audit->first().parameters));
        // Progress moved within the file and ended at the whole queue.
        QVERIFY(reports.size() > 3);
        QVERIFY(std::any_of(reports.begin(), reports.end(),
                            [](const ImportQueueProgress& p) { return p.fileFraction > 0.0 && p.fileFraction < 1.0; }));
        QCOMPARE(reports.last().bytesDone, reports.last().bytesTotal);
        QCOMPARE(reports.first().item.status, ImportQueueItem::Status::Running);
        QCOMPARE(reports.first().item.gpsSource, QStringLiteral("beside: karma.gpx"));
        QCOMPARE(reports.last().item.status, ImportQueueItem::Status::Done);
    }
};

QTEST_GUILESS_MAIN(TestImportQueue)
#include "TestImportQueue.moc"
