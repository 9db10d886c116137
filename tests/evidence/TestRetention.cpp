// Retention's purge: the dry run, the batched purge over three years of reads, holds, resuming, that purged data is
// gone from the store's files, what goes with a read, and a server's whole months. The settings: TestRetentionPolicy.
#include "EvidenceFixture.h"
#include "SqlCipherFileScanner.h"
#include "TestStore.h"

#include "audit/AuditLog.h"
#include "evidence/CaseService.h"
#include "evidence/HoldService.h"
#include "evidence/PurgeJob.h"
#include "evidence/PurgeLease.h"
#include "evidence/RetentionPolicy.h"
#include "evidence/StoreScrubber.h"
#include "store/Statement.h"
#include "store/Transaction.h"
#ifdef ALPR_TEST_WITH_SEARCH
#include "search/ReadIndexer.h"
#endif

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTest>

using namespace alpr;
using alpr::test::EvidenceFixture;
using alpr::test::SqlCipherFileScanner;
using alpr::test::TestStore;

namespace {

constexpr int kCaseReadsDays = 730;

/// Three years of reads (one every two days, every other one with images), cases, and holds of every kind, with
/// the outcome each read should have, worked out here from the rules rather than by the code under test.
struct Scenario {
    QMap<int, PlateRead> readByAge; ///< age in days -> read
    QSet<qint64> expectedKept;
    QSet<qint64> expectedImagesStripped;
    qint64 expectedImagesDeleted = 0;
    qint64 expectedHeldKept = 0;
    QMap<QPair<QString, int>, QPair<qint64, qint64>> expectedRows; ///< (month, class) -> (reads, images)
};

qint64 idAt(const Scenario& s, int age)
{
    return s.readByAge.value(age).id;
}

void buildScenario(TestStore& store, Scenario& s)
{
    Session& session = store.session();
    const QDateTime now = store.clock().nowUtc();
    QList<PlateRead> reads;
    for (int age = 0; age < 3 * 365; age += 2)
        reads.append(EvidenceFixture::read(QStringLiteral("T%1X").arg(age, 4, 10, QLatin1Char('0')),
                                           now.addDays(-age).addSecs(-3600), age % 4 == 0));
    for (const PlateRead& r : EvidenceFixture::insert(session, reads))
        s.readByAge.insert(int(r.timeUtc.daysTo(now)), r);

    CaseService cases(session);
    HoldService holds(session);
    auto attach = [&](const QString& number, const QList<int>& ages) {
        QList<qint64> ids;
        for (int age : ages)
            ids.append(idAt(s, age));
        QVERIFY(cases.add({number, QStringLiteral("Case ") + number, QStringLiteral("Det. Rivera")}).has_value());
        QVERIFY(cases.attach(number, QStringLiteral("read"), ids).has_value());
    };
    attach(QStringLiteral("26-0001"), {100, 400, 500, 800, 900}); // linked, not held
    attach(QStringLiteral("26-0002"), {600, 1000});               // evidence hold
    attach(QStringLiteral("26-0003"), {720});                     // hold placed, then released
    QVERIFY(holds.place({HoldKind::Evidence, QStringLiteral("26-0002")}).has_value());
    auto released = holds.place({HoldKind::Evidence, QStringLiteral("26-0003")});
    QVERIFY(released.has_value());
    QVERIFY(holds.release(released->id, QStringLiteral("case closed, no charges")).has_value());
    HoldRequest legal{HoldKind::Legal,
                      {},
                      {idAt(s, 700), idAt(s, 1002)},
                      QStringLiteral("Superior Court"),
                      QStringLiteral("SUBP-2026-114")};
    QVERIFY(holds.place(legal).has_value());
    // A legal hold that ran out: placed in January until March, and it is June now.
    store.clock().set(QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC));
    HoldRequest expired{HoldKind::Legal,
                        {},
                        {idAt(s, 710), idAt(s, 1010)},
                        QStringLiteral("District Attorney"),
                        QStringLiteral("PRES-77"),
                        QDate(2026, 3, 1)};
    QVERIFY(holds.place(expired).has_value());
    store.clock().set(now);
    QVERIFY(RetentionPolicy(session).setDays(RetentionClass::CaseReads, kCaseReadsDays).has_value());
    if (QTest::currentTestFailed())
        return;
    const QSet<int> linked{100, 400, 500, 800, 900, 600, 1000, 720};
    const QSet<int> held{600, 1000, 700, 1002};
    for (auto it = s.readByAge.cbegin(); it != s.readByAge.cend(); ++it) {
        const int age = it.key();
        const PlateRead& r = it.value();
        const bool hasImages = r.cropImageId != 0;
        const bool isLinked = linked.contains(age);
        const int classDays = isLinked ? kCaseReadsDays : RetentionPolicy::kDefaultDays;
        const QString month = r.timeUtc.toString(QStringLiteral("yyyy-MM"));
        const int dataClass = int(isLinked ? RetentionClass::CaseReads : RetentionClass::Reads);
        if (held.contains(age)) {
            s.expectedKept.insert(r.id);
            s.expectedHeldKept += age >= classDays ? 1 : 0;
        } else if (age >= classDays) {
            s.expectedImagesDeleted += hasImages ? 2 : 0;
            auto& row = s.expectedRows[{month, dataClass}];
            row.first += 1;
            row.second += hasImages ? 2 : 0;
        } else {
            s.expectedKept.insert(r.id);
            if (hasImages && age >= RetentionPolicy::kDefaultDays) {
                s.expectedImagesStripped.insert(r.id);
                s.expectedImagesDeleted += 2;
                s.expectedRows[{month, int(RetentionClass::Images)}].second += 2;
            }
        }
    }
}

QSet<qint64> idSet(store::Database& db, const QString& sql)
{
    QSet<qint64> ids;
    auto s = db.prepare(sql);
    while (s.step())
        ids.insert(s.int64(0));
    return ids;
}

QSet<qint64> remainingReadIds(store::Database& db)
{
    return idSet(db, QStringLiteral("SELECT id FROM reads"));
}

QSet<qint64> readsWithImages(store::Database& db)
{
    return idSet(db, QStringLiteral("SELECT id FROM reads WHERE crop_image_id IS NOT NULL"));
}

void verifyOutcome(Session& session, const Scenario& s)
{
    store::Database& db = session.database();
    QCOMPARE(remainingReadIds(db), s.expectedKept);
    QSet<qint64> expectedWithImages;
    for (const PlateRead& r : s.readByAge)
        if (r.cropImageId && s.expectedKept.contains(r.id) && !s.expectedImagesStripped.contains(r.id))
            expectedWithImages.insert(r.id);
    QCOMPARE(readsWithImages(db), expectedWithImages);
    // No image is left behind without a read, and no alternative reading or case item without its read.
    QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM images")), qint64(expectedWithImages.size() * 2));
    QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM read_alternatives WHERE read_id NOT IN "
                                          "(SELECT id FROM reads)")),
             qint64(0));
    QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM case_items WHERE kind = 'read' AND item_id NOT IN "
                                          "(SELECT id FROM reads)")),
             qint64(0));
}

/// What the import path does after inserting reads: the search module indexes them (when it is in the build).
bool indexForSearch(Session& session)
{
#ifdef ALPR_TEST_WITH_SEARCH
    return guarded([&] {
               store::Transaction tx(session.database());
               ReadIndexer::indexPending(tx, session.clock().nowUtc());
               tx.commit();
           })
        .has_value();
#else
    Q_UNUSED(session);
    return false;
#endif
}

// The search index copies each read's plate, time, place and crop image (search/PlateIndex): after every purge
// batch, cancelled run or not, it lists exactly the reads left, each with the crop image the read still has.
void verifySearchIndexFollowsReads(store::Database& db)
{
    QCOMPARE(idSet(db, QStringLiteral("SELECT DISTINCT read_id FROM search_reads")), remainingReadIds(db));
    QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM search_reads s JOIN reads r ON r.id = s.read_id "
                                          "WHERE coalesce(s.crop_image_id, -1) <> coalesce(r.crop_image_id, -1)")),
             qint64(0));
}

qint64 sumOfBatchParameter(Session& session, const QString& key)
{
    auto records = AuditLog::list(session.database(), {{}, QStringLiteral("retention.purge.batch")});
    qint64 sum = 0;
    for (const AuditRecord& r : *records)
        sum += QJsonDocument::fromJson(r.parameters.toUtf8()).object().value(key).toInteger();
    return sum;
}

} // namespace

class TestRetention : public QObject {
    Q_OBJECT

private slots:
    void dryRunThenPurgeOverThreeYears()
    {
        TestStore store;
        QVERIFY(store.isValid());
        Session& session = store.session();
        Scenario s;
        buildScenario(store, s);
        if (QTest::currentTestFailed())
            return;
        const qint64 before = session.database().queryInt64(QStringLiteral("SELECT count(*) FROM reads"));
        QCOMPARE(before, qint64(548));

        PurgeJob purge(session, session.database());
        auto plan = purge.dryRun();
        QVERIFY2(plan.has_value(), qPrintable(alpr::test::errorText(plan)));
        QCOMPARE(plan->totalReads(), before - s.expectedKept.size());
        QCOMPARE(plan->totalImages(), s.expectedImagesDeleted);
        QCOMPARE(plan->heldReadsKept, s.expectedHeldKept);
        QMap<QPair<QString, int>, QPair<qint64, qint64>> rows;
        for (const PurgeMonthCount& row : plan->rows)
            rows.insert({row.month, int(row.dataClass)}, {row.reads, row.images});
        QCOMPARE(rows, s.expectedRows);
        // The dry run changes nothing.
        QCOMPARE(session.database().queryInt64(QStringLiteral("SELECT count(*) FROM reads")), before);

        qint64 lastDone = -1;
        qint64 lastTotal = -1;
        JobContext job([&](qint64 done, qint64 total, const QString&) {
            QVERIFY(done >= lastDone);
            lastDone = done;
            lastTotal = total;
        });
        auto summary = purge.run(job, 64);
        QVERIFY2(summary.has_value(), qPrintable(alpr::test::errorText(summary)));
        QVERIFY(!summary->resumed);
        QCOMPARE(summary->run.status, QStringLiteral("completed"));
        QCOMPARE(summary->run.readsDeleted, plan->totalReads());
        QCOMPARE(summary->run.imagesDeleted, plan->totalImages());
        QCOMPARE(lastDone, lastTotal);
        verifyOutcome(session, s);

        // Audited with counts: start, batches that add up, finish.
        store::Database& db = session.database();
        QCOMPARE(AuditLog::list(db, {{}, QStringLiteral("retention.dry-run")})->size(), 1);
        QCOMPARE(AuditLog::list(db, {{}, QStringLiteral("retention.purge.start")})->size(), 1);
        const auto finish = AuditLog::list(db, {{}, QStringLiteral("retention.purge.finish")});
        QCOMPARE(finish->size(), 1);
        QCOMPARE(QJsonDocument::fromJson(finish->first().parameters.toUtf8())
                     .object()
                     .value(QStringLiteral("reads"))
                     .toInteger(),
                 summary->run.readsDeleted);
        QCOMPARE(sumOfBatchParameter(session, QStringLiteral("reads")), summary->run.readsDeleted);
        QCOMPARE(sumOfBatchParameter(session, QStringLiteral("images")), summary->run.imagesDeleted);
        QVERIFY(AuditLog::verify(db)->intact);

        // A second purge on the same day finds nothing more.
        JobContext again;
        auto second = purge.run(again);
        QVERIFY(second.has_value());
        QCOMPARE(second->run.readsDeleted, qint64(0));
        QCOMPARE(remainingReadIds(db), s.expectedKept);
    }

    void cancelledPurgeResumesWhereItStopped()
    {
        TestStore store;
        Session& session = store.session();
        Scenario s;
        buildScenario(store, s);
        if (QTest::currentTestFailed())
            return;
        const bool indexed = indexForSearch(session);
        PurgeJob purge(session, session.database());
        JobContext* running = nullptr;
        qint64 doneWhenCancelled = 0;
        JobContext job([&](qint64 done, qint64, const QString&) {
            if (done >= 40 && doneWhenCancelled == 0) {
                doneWhenCancelled = done;
                running->cancel();
            }
        });
        running = &job;
        auto cancelled = purge.run(job, 40);
        QVERIFY(!cancelled.has_value());
        QVERIFY(cancelled.error().isCancellation());
        auto unfinished = purge.unfinishedRun();
        QVERIFY(unfinished.has_value() && unfinished->has_value());
        QCOMPARE((*unfinished)->status, QStringLiteral("cancelled"));
        // Batches of 40 on the embedded store; on a server whole months go first (a month of this scenario holds
        // about 15 reads), so the run stops after the month that passed 40.
        if (!store.isPostgres())
            QCOMPARE(doneWhenCancelled, qint64(40));
        QCOMPARE((*unfinished)->readsDeleted, doneWhenCancelled);
        QCOMPARE(remainingReadIds(session.database()).size(), s.readByAge.size() - doneWhenCancelled);
        if (indexed) // a search between the cancel and the resume must not list a purged read
            verifySearchIndexFollowsReads(session.database());

        // Resumed a day later: the original cut-offs hold, so the day's ageing adds nothing to this run.
        store.clock().advanceDays(1);
        JobContext resume;
        auto summary = purge.run(resume, 40);
        QVERIFY2(summary.has_value(), qPrintable(alpr::test::errorText(summary)));
        QVERIFY(summary->resumed);
        QCOMPARE(summary->run.id, (*unfinished)->id);
        QCOMPARE(summary->run.readsDeleted, qint64(s.readByAge.size() - s.expectedKept.size()));
        verifyOutcome(session, s);
        if (indexed)
            verifySearchIndexFollowsReads(session.database());
        QCOMPARE(AuditLog::list(session.database(), {{}, QStringLiteral("retention.purge.cancel")})->size(), 1);
        QCOMPARE(AuditLog::list(session.database(), {{}, QStringLiteral("retention.purge.resume")})->size(), 1);
        QVERIFY(!purge.unfinishedRun()->has_value());
    }

    void purgedPlateIsGoneFromTheStoreFiles()
    {
        TestStore store;
        Session& session = store.session();
        const QDateTime now = store.clock().nowUtc();
        const auto reads =
            EvidenceFixture::insert(session, {EvidenceFixture::read(QStringLiteral("PURGE7Q"), now.addDays(-800), true),
                                              EvidenceFixture::read(QStringLiteral("HOLD9Z"), now.addDays(-800), true),
                                              EvidenceFixture::read(QStringLiteral("KEEP5Y"), now.addDays(-10), true)});
        CaseService cases(session);
        QVERIFY(cases.add({QStringLiteral("26-0100"), QStringLiteral("Held"), {}}).has_value());
        QVERIFY(cases.attach(QStringLiteral("26-0100"), QStringLiteral("read"), {reads[1].id}).has_value());
        QVERIFY(HoldService(session).place({HoldKind::Evidence, QStringLiteral("26-0100")}).has_value());

        // The search index keeps the readings and their look-alike canonical text; they must go too.
        const bool indexed = indexForSearch(session);
        QByteArray canonical;
        if (indexed) {
            auto s = session.database().prepare(QStringLiteral(
                "SELECT c.canon FROM search_canon c JOIN search_reads r ON r.canon_id = c.id WHERE r.read_id = ?1 "
                "AND r.rank = 0"));
            s.bind(1, reads[0].id);
            QVERIFY(s.step());
            canonical = s.text(0).toUtf8();
        }
        SqlCipherFileScanner scanner(session.databaseKey());
        // On PostgreSQL: the database's own files in the server's data directory, after a checkpoint has written
        // them (the test cluster's superuser may ask where they are and force one; the WAL is the server's).
        const auto storeBytes = [&] {
            if (!store.isPostgres())
                return scanner.plaintext(session.databasePath());
            auto owner = store.ownerConnection();
            if (!owner)
                return QByteArray();
            store::Database& db = *owner;
            db.exec(QStringLiteral("CHECKPOINT"));
            const QDir files(
                db.queryText(QStringLiteral("SHOW data_directory")) + QStringLiteral("/base/") +
                db.queryText(QStringLiteral("SELECT oid FROM pg_database WHERE datname = current_database()")));
            QByteArray bytes;
            for (const QFileInfo& file : files.entryInfoList(QDir::Files)) {
                QFile f(file.filePath());
                if (f.open(QIODevice::ReadOnly))
                    bytes += f.readAll();
            }
            return bytes;
        };
        // The purged read's image as the files hold it: in clear inside the SQLCipher pages, sealed on a server
        // (store::ValueSeal), where a slice of its ciphertext stands for it.
        QByteArray purgedImage = QByteArrayLiteral("IMG-PURGE7Q");
        QByteArray heldImage = QByteArrayLiteral("IMG-HOLD9Z");
        if (store.isPostgres()) {
            auto owner = store.ownerConnection();
            QVERIFY(owner);
            const auto sealedImageOf = [&](qint64 readId) {
                auto s = owner->prepare(QStringLiteral(
                    "SELECT i.data FROM images i JOIN reads r ON r.crop_image_id = i.id WHERE r.id = ?1"));
                s.bind(1, readId);
                return s.step() ? s.blob(0).mid(16, 24) : QByteArray();
            };
            purgedImage = sealedImageOf(reads[0].id);
            heldImage = sealedImageOf(reads[1].id);
            QVERIFY(!purgedImage.isEmpty() && !heldImage.isEmpty());
        }
        const QByteArray before = storeBytes();
        QVERIFY2(scanner.error().isEmpty(), qPrintable(scanner.error()));
        // The scan sees plain text where it is: without this the check below could pass by reading nothing.
        QVERIFY(before.contains("PURGE7Q"));
        QVERIFY(before.contains(purgedImage));
        QVERIFY(before.contains("HOLD9Z"));
        // A server never holds an image in clear.
        QVERIFY(!store.isPostgres() || !before.contains("IMG-"));

        JobContext job;
        auto summary = PurgeJob(session, session.database()).run(job);
        QVERIFY2(summary.has_value(), qPrintable(alpr::test::errorText(summary)));
        QCOMPARE(summary->run.readsDeleted, qint64(1));
        if (store.isPostgres()) {
            // A workstation user may not rewrite the server's tables; the owner's maintenance run does.
            auto owner = store.ownerConnection();
            QVERIFY(owner);
            const auto scrubbed = StoreScrubber::scrub(*owner);
            QVERIFY(scrubbed && scrubbed->vacuumed && scrubbed->walTruncated);
        } else {
            QVERIFY(summary->walTruncated);
        }

        const QByteArray after = storeBytes();
        QVERIFY2(scanner.error().isEmpty(), qPrintable(scanner.error()));
        QVERIFY(store.isPostgres() || scanner.pagesRead() > 0);
        QVERIFY(!after.contains("PURGE7")); // the plate and its alternative reading "PURGE78"
        QVERIFY(!after.contains(purgedImage));
        if (indexed) {
            QVERIFY(before.contains(canonical));
            QVERIFY2(!after.contains(canonical), canonical.constData());
        }
        QVERIFY(after.contains("HOLD9Z"));
        QVERIFY(after.contains(heldImage));
        QVERIFY(after.contains("KEEP5Y"));
        if (!store.isPostgres())
            QCOMPARE(QFileInfo(session.databasePath() + QStringLiteral("-wal")).size(), qint64(0));
    }

    void secondPurgeWaitsForTheFirst()
    {
        TestStore store;
        Session& session = store.session();
        store::Database& db = session.database();
        (void)EvidenceFixture::insert(
            session, {EvidenceFixture::read(QStringLiteral("LEASE1"), store.clock().nowUtc().addDays(-400), false)});
        // Another process's purge, active a minute ago.
        db.prepare(QStringLiteral("INSERT INTO settings(key, value) VALUES ('retention.purge.lease', ?1)"))
            .bind(1, QString(store.clock().nowUtc().addSecs(-60).toString(Qt::ISODateWithMs) +
                             QStringLiteral("|ws-2 process 4242 1a2b3c4d")))
            .run();
        JobContext job;
        auto refused = PurgeJob(session, db).run(job);
        QVERIFY(!refused.has_value());
        QVERIFY2(refused.error().message.contains(QStringLiteral("already running (ws-2 process 4242")),
                 qPrintable(refused.error().message));
        QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM reads")), qint64(1));
        // That process died: once its lease is stale, a purge takes over.
        store.clock().advanceSecs(PurgeLease::kStaleSeconds);
        auto taken = PurgeJob(session, db).run(job);
        QVERIFY2(taken.has_value(), qPrintable(alpr::test::errorText(taken)));
        QCOMPARE(taken->run.readsDeleted, qint64(1));
        QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM settings WHERE key = 'retention.purge.lease'")),
                 qint64(0));
    }

    void aKilledPurgeOnThisWorkstationIsResumedAtOnce()
    {
        TestStore store;
        Session& session = store.session();
        store::Database& db = session.database();
        (void)EvidenceFixture::insert(
            session, {EvidenceFixture::read(QStringLiteral("LEASE2"), store.clock().nowUtc().addDays(-400), false)});
        // A process that has exited: its id no longer names a running process.
        QProcess gone;
        gone.start(QStringLiteral("/bin/true"));
        QVERIFY(gone.waitForStarted());
        const qint64 deadPid = gone.processId();
        QVERIFY(gone.waitForFinished());
        db.prepare(QStringLiteral("INSERT INTO settings(key, value) VALUES ('retention.purge.lease', ?1)"))
            .bind(1, QString(store.clock().nowUtc().addSecs(-5).toString(Qt::ISODateWithMs) +
                             QStringLiteral("|%1 process %2 1a2b3c4d").arg(session.workstation()).arg(deadPid)))
            .run();
        JobContext resumed;
        auto taken = PurgeJob(session, db).run(resumed);
        QVERIFY2(taken.has_value(), qPrintable(alpr::test::errorText(taken)));
        QCOMPARE(taken->run.readsDeleted, qint64(1));
        // A live holder on this workstation (this very process) is still waited for.
        db.prepareUpsert(QStringLiteral("settings"), {QStringLiteral("key")}, {QStringLiteral("value")})
            .bind(1, QStringLiteral("retention.purge.lease"))
            .bind(2, QString(store.clock().nowUtc().toString(Qt::ISODateWithMs) +
                             QStringLiteral("|%1 process %2 ffff0000")
                                 .arg(session.workstation())
                                 .arg(QCoreApplication::applicationPid())))
            .run();
        JobContext job;
        QVERIFY(!PurgeJob(session, db).run(job).has_value());
    }

    void readsWithAWatchHitAreKeptAsLinked()
    {
        TestStore store;
        Session& session = store.session();
        store::Database& db = session.database();
        const QDateTime now = store.clock().nowUtc();
        const auto reads = EvidenceFixture::insert(
            session, {EvidenceFixture::read(QStringLiteral("HIT1"), now.addDays(-400), false),
                      EvidenceFixture::read(QStringLiteral("MISS1"), now.addDays(-400), false)});
        QVERIFY(RetentionPolicy(session).setDays(RetentionClass::CaseReads, kCaseReadsDays).has_value());
        db.exec(
            QStringLiteral("INSERT INTO watch_entries(id, pattern, tolerance, case_number, crime_type, created_utc, "
                           "created_by, expires_utc) VALUES (1, 'HIT*', 0, '26-1', 'robbery', 0, 'x', 9999999999)"));
        db.prepare(QStringLiteral("INSERT INTO watch_hits(watch_id, read_id, kind, matched_plate, alt_rank, score, "
                                  "explanation, found_utc) VALUES (1, ?1, 'retro', 'HIT1', 0, 1, '', 0)"))
            .bind(1, reads[0].id)
            .run();
        auto plan = PurgeJob(session, db).dryRun();
        QVERIFY(plan.has_value());
        QCOMPARE(plan->totalReads(), qint64(1));
        QCOMPARE(plan->rows.first().dataClass, RetentionClass::Reads);
        JobContext job;
        QVERIFY(PurgeJob(session, db).run(job).has_value());
        QCOMPARE(remainingReadIds(db), QSet<qint64>{reads[0].id}); // the hit's read is kept 730 days
    }

    // A server store keeps reads a month a partition (016_read_months.sql): a month that nothing keeps goes by
    // dropping its partitions, a month with a read on a held case goes read by read and keeps that one.
    void aServerDropsAMonthNothingKeeps()
    {
        TestStore store;
        if (!store.isPostgres())
            QSKIP("the embedded store keeps reads in one table; a server keeps them a month a partition");
        Session& session = store.session();
        store::Database& db = session.database();
        const QDateTime now = store.clock().nowUtc(); // 2026-06-01: last year's months are past the 365 days
        auto at = [](int month, int day) { return QDateTime(QDate(2025, month, day), QTime(10, 0), Qt::UTC); };
        const auto reads =
            EvidenceFixture::insert(session, {EvidenceFixture::read(QStringLiteral("JAN1A"), at(1, 10), true),
                                              EvidenceFixture::read(QStringLiteral("JAN2B"), at(1, 20), true),
                                              EvidenceFixture::read(QStringLiteral("FEB1C"), at(2, 10), true),
                                              EvidenceFixture::read(QStringLiteral("FEB2D"), at(2, 11), true),
                                              EvidenceFixture::read(QStringLiteral("MAY1E"), now.addDays(-5), true)});
        QVERIFY(CaseService(session)
                    .add({QStringLiteral("26-0200"), QStringLiteral("Held"), QStringLiteral("Det. Rivera")})
                    .has_value());
        QVERIFY(
            CaseService(session).attach(QStringLiteral("26-0200"), QStringLiteral("read"), {reads[2].id}).has_value());
        QVERIFY(HoldService(session).place({HoldKind::Evidence, QStringLiteral("26-0200")}).has_value());
        const bool indexed = indexForSearch(session);
        auto months = [&] {
            QStringList names;
            auto s = db.prepare(QStringLiteral("SELECT partition FROM read_months ORDER BY month_start"));
            while (s.step())
                names.append(s.text(0));
            return names;
        };
        QCOMPARE(months(), (QStringList{QStringLiteral("reads_2025_01"), QStringLiteral("reads_2025_02"),
                                        QStringLiteral("reads_2026_05")}));

        // The server checks again itself: a month inside the retention period stays, whoever asks, and only a
        // user who may purge may ask at all.
        const qint64 may = QDateTime(QDate(2026, 5, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
        QCOMPARE(db.queryInt64(QStringLiteral("SELECT alpr_drop_read_month(%1)").arg(may)), qint64(-1));
        auto investigator = store.addAndLogin(QStringLiteral("inv"), Role::Investigator);
        QVERIFY(investigator);
        auto raw = investigator->openConnection();
        QVERIFY(raw);
        const qint64 january = at(1, 1).addSecs(-10 * 3600).toSecsSinceEpoch();
        auto refused =
            guarded([&] { return raw->queryInt64(QStringLiteral("SELECT alpr_drop_read_month(%1)").arg(january)); });
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);

        JobContext job;
        auto summary = PurgeJob(session, db).run(job);
        QVERIFY2(summary.has_value(), qPrintable(alpr::test::errorText(summary)));
        QCOMPARE(summary->run.readsDeleted, qint64(3));
        QCOMPARE(summary->run.imagesDeleted, qint64(6));
        QCOMPARE(months(), (QStringList{QStringLiteral("reads_2025_02"), QStringLiteral("reads_2026_05")}));
        QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM pg_class WHERE relname = 'reads_2025_01'")),
                 qint64(0));
        QCOMPARE(remainingReadIds(db), (QSet<qint64>{reads[2].id, reads[4].id}));
        QCOMPARE(idSet(db, QStringLiteral("SELECT DISTINCT read_id FROM read_alternatives")),
                 (QSet<qint64>{reads[2].id, reads[4].id}));
        QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM images")), qint64(4));
        // One batch record names the month it dropped; February's unheld read went in a batch of its own.
        auto batches = AuditLog::list(db, {{}, QStringLiteral("retention.purge.batch")});
        QVERIFY(batches.has_value());
        QStringList dropped;
        for (const AuditRecord& r : *batches) {
            const QJsonObject p = QJsonDocument::fromJson(r.parameters.toUtf8()).object();
            if (p.contains(QLatin1String("month")))
                dropped.append(p.value(QLatin1String("month")).toString() + QLatin1Char(':') +
                               QString::number(p.value(QLatin1String("reads")).toInteger()));
        }
        QCOMPARE(dropped, QStringList{QStringLiteral("2025-01:2")});
        QCOMPARE(sumOfBatchParameter(session, QStringLiteral("reads")), qint64(3));
        if (indexed)
            verifySearchIndexFollowsReads(db);
    }

    void rowsOtherTablesKeepAboutAReadGoWithIt()
    {
        TestStore store;
        Session& session = store.session();
        store::Database& db = session.database();
        const QDateTime now = store.clock().nowUtc();
        const auto reads =
            EvidenceFixture::insert(session, {EvidenceFixture::read(QStringLiteral("OLD1A"), now.addDays(-400), true),
                                              EvidenceFixture::read(QStringLiteral("NEW2B"), now.addDays(-5), true)});
        // Another capability's table with a plain foreign key: the purge must not fail on it, nor leave its rows.
        const QString otherTable =
            QStringLiteral("CREATE TABLE other_notes(read_id INTEGER NOT NULL REFERENCES reads(id), note TEXT)");
        if (store.isPostgres()) {
            // On the server a capability's migration runs as the store's owner and grants its new table. Reads are
            // partitioned there and cannot be the target of a foreign key: the migration registers its reference
            // instead (016_read_months.sql), with the same meaning.
            auto owner = store.ownerConnection();
            QVERIFY(owner);
            owner->exec(QStringLiteral("CREATE TABLE other_notes(read_id BIGINT NOT NULL, note TEXT);"
                                       "SELECT alpr_reference_reads('other_notes', 'read_id', 'NO ACTION', true)"));
            owner->exec(QStringLiteral("SELECT alpr_grant_access()"));
        } else {
            db.exec(otherTable);
        }
        auto note = db.prepare(QStringLiteral("INSERT INTO other_notes(read_id, note) VALUES (?1, 'seen')"));
        note.bind(1, reads[0].id).run();
        note.bind(1, reads[1].id).run();
        if (store.isPostgres()) { // the registered reference refuses a read that does not exist, as a key would
            auto refused = guarded([&] { note.bind(1, reads[1].id + 1000).run(); });
            QVERIFY(!refused.has_value());
            QCOMPARE(refused.error().code, ErrorCode::Database);
            QVERIFY2(refused.error().detail.contains(QLatin1String("there is no read")),
                     qPrintable(refused.error().detail));
        }
        const bool indexed = indexForSearch(session);
        db.exec(
            QStringLiteral("INSERT INTO watch_entries(id, pattern, tolerance, case_number, crime_type, created_utc, "
                           "created_by, expires_utc) VALUES (1, 'OLD*', 0, '26-1', 'robbery', 0, 'x', 9999999999)"));
        db.prepare(QStringLiteral("INSERT INTO watch_hits(watch_id, read_id, kind, matched_plate, alt_rank, score, "
                                  "explanation, found_utc) VALUES (1, ?1, 'retro', 'OLD1A', 0, 1, '', 0)"))
            .bind(1, reads[0].id)
            .run();
        JobContext job;
        auto summary = PurgeJob(session, db).run(job);
        QVERIFY2(summary.has_value(), qPrintable(alpr::test::errorText(summary)));
        QCOMPARE(summary->run.readsDeleted, qint64(1));
        QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM other_notes")), qint64(1));
        QCOMPARE(db.queryInt64(QStringLiteral("SELECT read_id FROM other_notes")), reads[1].id);
        QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM watch_hits")), qint64(0));
        if (!indexed)
            QSKIP("the search module is not in this build; its index was not exercised");
        auto left = db.prepare(QStringLiteral("SELECT count(*) FROM search_reads WHERE read_id = ?1"));
        left.bind(1, reads[0].id);
        QVERIFY(left.step());
        QCOMPARE(left.int64(0), qint64(0));
        left.reset();
        left.bind(1, reads[1].id);
        QVERIFY(left.step());
        QVERIFY(left.int64(0) > 0); // the kept read is still found by search
        QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM search_canon c WHERE NOT EXISTS "
                                              "(SELECT 1 FROM search_reads r WHERE r.canon_id = c.id)")),
                 qint64(0));
        QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM search_grams WHERE canon_id NOT IN "
                                              "(SELECT id FROM search_canon)")),
                 qint64(0));
        // The server keeps no grams (its trigram index covers search_canon, 013_trigram_search.sql).
        QVERIFY(db.isPostgres() || db.queryInt64(QStringLiteral("SELECT count(*) FROM search_grams")) > 0);
    }
};

QTEST_GUILESS_MAIN(TestRetention)
#include "TestRetention.moc"
