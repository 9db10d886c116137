#include "TestStore.h"
#include "audit/AuditLog.h"
#include "common/Paths.h"
#include "import/ImportService.h"
#include "reads/ReadRepository.h"
#include "search/WatchService.h"
#include "store/Statement.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace alpr;

namespace {

QString fixture(const QString& name)
{
    return paths::sourceDirectory() + QStringLiteral("/tests/data/engine/") + name;
}

} // namespace

class TestImportService : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_files;

    QString writeFile(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_files.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(bytes);
        return path;
    }

    static Result<ImportSummary> runImport(test::TestStore& ts, Session& session, const ImportRequest& request)
    {
        JobContext job;
        return ImportService(session, session.database()).run(request, job);
    }

private slots:
    void importsAStillWithItsImagesAndAuditRecord()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        ImportRequest request{{fixture(QStringLiteral("car_627WWI.jpg"))}, QStringLiteral("CAR-12"),
                              QDateTime(QDate(2026, 5, 30), QTime(22, 15), Qt::UTC), {}, 39.29, -76.61};
        auto summary = runImport(ts, ts.session(), request);
        QVERIFY2(summary, summary ? "" : qPrintable(summary.error().toString()));
        QCOMPARE(summary->files.size(), 1);
        QCOMPARE(summary->files[0].status, ImportFileOutcome::Status::Imported);
        QVERIFY(summary->readsStored >= 1);
        auto& db = ts.session().database();
        auto s = db.prepare(QStringLiteral("SELECT id FROM reads WHERE plate = '627WWI'"));
        QVERIFY2(s.step(), "the fixture's plate was not stored");
        auto read = ReadRepository(db).find(s.int64(0));
        QVERIFY(read && *read);
        const PlateRead& r = **read;
        QCOMPARE(r.unitId, QStringLiteral("CAR-12"));
        QCOMPARE(r.timeUtc, request.startUtc);
        QCOMPARE(*r.latitude, 39.29);
        QCOMPARE(r.sourceFile, QStringLiteral("car_627WWI.jpg"));
        QVERIFY(r.cropImageId > 0 && r.contextImageId > 0);
        auto crop = ReadRepository(db).image(r.cropImageId);
        QVERIFY(crop && crop->startsWith("\xff\xd8"));
        auto audit = AuditLog::list(db, AuditFilter{{}, QStringLiteral("import.file"), {}, {}, 0});
        QVERIFY(audit && audit->size() == 1);
        QVERIFY(audit->first().parameters.contains(QLatin1String("car_627WWI.jpg")));
        // Nothing under the minimum confidence is stored (the fixture's other candidates are sign and bumper noise).
        QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM reads WHERE confidence < %1")
                                   .arg(ImportRequest{}.minStillConfidence)),
                 0);
    }

    void aStillReadUnderTheMinimumConfidenceIsNotStored()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        ImportRequest request{{fixture(QStringLiteral("car_627WWI.jpg"))}, QStringLiteral("CAR-12"), {}, {}, {}, {}};
        request.minStillConfidence = 0.999; // above the fixture plate's own confidence
        auto summary = runImport(ts, ts.session(), request);
        QVERIFY2(summary, summary ? "" : qPrintable(summary.error().toString()));
        QCOMPARE(summary->files.value(0).status, ImportFileOutcome::Status::Imported);
        QCOMPARE(summary->readsStored, 0);
        QCOMPARE(ts.session().database().queryInt64(QStringLiteral("SELECT count(*) FROM reads")), 0);
    }

    void rerunSkipsFinishedFilesAndBadFilesDoNotStopTheOthers()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        const QString good = fixture(QStringLiteral("car_627WWI.jpg"));
        const QString empty = writeFile(QStringLiteral("empty.jpg"), {});
        const QString garbage = writeFile(QStringLiteral("garbage.mp4"), QByteArray(4096, 'x'));
        QFile original(good);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QString truncated = writeFile(QStringLiteral("truncated.jpg"), original.readAll().left(700));
        ImportRequest request{{empty, good, garbage, truncated, QStringLiteral("/nonexistent/file.png")},
                              QStringLiteral("CAR-7"), {}, {}, {}, {}};
        auto first = runImport(ts, ts.session(), request);
        QVERIFY(first);
        QCOMPARE(first->files.size(), 5);
        QCOMPARE(first->failures(), 4);
        for (const auto& f : first->files)
            if (f.status == ImportFileOutcome::Status::Failed)
                QVERIFY2(!f.message.isEmpty(), qPrintable(f.file));
        const qint64 readsAfterFirst = ts.session().database().queryInt64(QStringLiteral("SELECT count(*) FROM reads"));
        QVERIFY(readsAfterFirst >= 1);

        auto second = runImport(ts, ts.session(), request);
        QVERIFY(second);
        QCOMPARE(second->files[1].status, ImportFileOutcome::Status::AlreadyImported);
        QCOMPARE(ts.session().database().queryInt64(QStringLiteral("SELECT count(*) FROM reads")), readsAfterFirst);
    }

    void aWatchEntryMatchesANewlyImportedRead()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        // A witness saw "6 2 7, then W-something": a partial plate entered for a major crime before the import.
        NewWatchEntry entry{QStringLiteral("627W*"), 1, QStringLiteral("26-004512"), QStringLiteral("Armed robbery"),
                            QStringLiteral("dark sedan"), ts.clock().nowUtc().addDays(30)};
        auto added = WatchService(ts.session()).add(entry);
        QVERIFY2(added, added ? "" : qPrintable(added.error().toString()));
        ImportRequest request{{fixture(QStringLiteral("car_627WWI.jpg"))}, QStringLiteral("CAR-3"), {}, {}, {}, {}};
        auto summary = runImport(ts, ts.session(), request);
        QVERIFY(summary);
        QVERIFY(summary->watchHits >= 1);
        auto hits = WatchService(ts.session()).hits(added->id);
        QVERIFY(hits);
        QVERIFY(!hits->isEmpty());
        QVERIFY(!hits->first().retro);
    }

    void refusalsAndBadRequests()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        auto auditor = ts.addAndLogin(QStringLiteral("aud1"), Role::Auditor);
        QVERIFY(auditor);
        ImportRequest request{{fixture(QStringLiteral("car_627WWI.jpg"))}, QStringLiteral("CAR-3"), {}, {}, {}, {}};
        auto refused = runImport(ts, *auditor, request);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        request.unitId = QStringLiteral("'; DROP TABLE reads;--");
        QCOMPARE(runImport(ts, ts.session(), request).error().code, ErrorCode::InvalidInput);
        request.unitId = QStringLiteral("CAR-3");
        request.gpsTrackFile = writeFile(QStringLiteral("bad.gpx"), "<gpx><trk>not a track");
        QCOMPARE(runImport(ts, ts.session(), request).error().code, ErrorCode::InvalidInput);
    }

    void footageWithoutPlatesGivesNoReads()
    {
        const QString shared = paths::sharedDataDirectory();
        if (shared.isEmpty())
            QSKIP("../shared/data is absent: the footage fixtures are not available here");
        test::TestStore ts;
        QVERIFY(ts.isValid());
        ImportRequest request{{shared + QStringLiteral("/footage/karma.mp4")}, QStringLiteral("CAR-9"),
                              QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC),
                              shared + QStringLiteral("/footage/karma.gpx"), {}, {}};
        auto summary = runImport(ts, ts.session(), request);
        QVERIFY2(summary, summary ? "" : qPrintable(summary.error().toString()));
        QCOMPARE(summary->files[0].status, ImportFileOutcome::Status::Imported);
        QCOMPARE(summary->readsStored, 0);
    }

    void cancelledImportKeepsWhatWasCommitted()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        ImportRequest request{{fixture(QStringLiteral("car_627WWI.jpg"))}, QStringLiteral("CAR-3"), {}, {}, {}, {}};
        JobContext job;
        job.cancel();
        auto cancelled = ImportService(ts.session(), ts.session().database()).run(request, job);
        QVERIFY(!cancelled);
        QVERIFY(cancelled.error().isCancellation());
        QCOMPARE(ts.session().database().queryInt64(QStringLiteral("SELECT count(*) FROM reads")), 0);
    }
};

QTEST_GUILESS_MAIN(TestImportService)
#include "TestImportService.moc"
