#include "evidence/PurgeJob.h"

#include "accounts/Session.h"
#include "audit/AuditLog.h"
#include "common/Log.h"
#include "evidence/EvidenceJson.h"
#include "evidence/HoldService.h"
#include "evidence/PurgeLease.h"
#include "evidence/ReadReferences.h"
#include "evidence/RetentionPolicy.h"
#include "evidence/StoreScrubber.h"
#include "search/PlateIndex.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QMap>

namespace alpr {

namespace {

constexpr RetentionClass kPhases[] = {RetentionClass::Reads, RetentionClass::CaseReads, RetentionClass::Images};

struct Cutoffs {
    qint64 reads = 0;
    qint64 caseReads = 0;
    qint64 images = 0;
};

// Held and linked read ids, per connection, refreshed inside each transaction so a hold placed during a long purge
// protects its reads from the next batch on.
void refreshHeldAndLinked(store::Database& db, const QDate& today)
{
    db.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS purge_held(id INTEGER PRIMARY KEY);"
                           "CREATE TEMP TABLE IF NOT EXISTS purge_linked(id INTEGER PRIMARY KEY);"
                           "CREATE TEMP TABLE IF NOT EXISTS purge_batch(id INTEGER PRIMARY KEY);"
                           "CREATE TEMP TABLE IF NOT EXISTS purge_images(id INTEGER PRIMARY KEY);"
                           "DELETE FROM temp.purge_held; DELETE FROM temp.purge_linked;"));
    db.prepare(QStringLiteral("INSERT OR IGNORE INTO temp.purge_held(id) %1")
                   .arg(QLatin1String(HoldService::kHeldReadIdsSql)))
        .bind(1, today.toString(Qt::ISODate))
        .run();
    db.exec(QStringLiteral("INSERT OR IGNORE INTO temp.purge_linked(id) SELECT read_id FROM case_item_reads "
                           "UNION SELECT read_id FROM hit_reads WHERE read_id IS NOT NULL"));
}

// Which reads a class removes (or, for images, strips). ?1 is the class's cut-off; the images class also takes the
// two read cut-offs (?2, ?3) so it never counts reads that go altogether.
QString candidateCondition(RetentionClass dataClass)
{
    constexpr auto notHeld = " AND r.id NOT IN (SELECT id FROM temp.purge_held)";
    switch (dataClass) {
    case RetentionClass::Reads:
        return QStringLiteral("r.time_utc < ?1 AND r.id NOT IN (SELECT id FROM temp.purge_linked)") +
               QLatin1String(notHeld);
    case RetentionClass::CaseReads:
        return QStringLiteral("r.time_utc < ?1 AND r.id IN (SELECT id FROM temp.purge_linked)") +
               QLatin1String(notHeld);
    case RetentionClass::Images:
        return QStringLiteral("r.time_utc < ?1 AND (r.crop_image_id IS NOT NULL OR r.context_image_id IS NOT NULL) "
                              "AND NOT ((r.id NOT IN (SELECT id FROM temp.purge_linked) AND r.time_utc < ?2) OR "
                              "(r.id IN (SELECT id FROM temp.purge_linked) AND r.time_utc < ?3))") +
               QLatin1String(notHeld);
    }
    return {};
}

void bindCutoffs(store::Statement& s, RetentionClass dataClass, const Cutoffs& c)
{
    switch (dataClass) {
    case RetentionClass::Reads:
        s.bind(1, c.reads);
        break;
    case RetentionClass::CaseReads:
        s.bind(1, c.caseReads);
        break;
    case RetentionClass::Images:
        s.bind(1, c.images).bind(2, c.reads).bind(3, c.caseReads);
        break;
    }
}

Cutoffs currentCutoffs(store::Database& db, Session& session, const QDateTime& now)
{
    auto settings = RetentionPolicy(session, db).settings();
    if (!settings)
        throw ErrorException(settings.error());
    Cutoffs c;
    for (const RetentionSetting& s : *settings) {
        switch (s.dataClass) {
        case RetentionClass::Reads:
            c.reads = s.cutoff(now);
            break;
        case RetentionClass::CaseReads:
            c.caseReads = s.cutoff(now);
            break;
        case RetentionClass::Images:
            c.images = s.cutoff(now);
            break;
        }
    }
    return c;
}

PurgeRun runFromRow(const store::Statement& s)
{
    PurgeRun r;
    r.id = s.int64(0);
    r.startedBy = s.text(1);
    r.startedUtc = QDateTime::fromString(s.text(2), Qt::ISODateWithMs).toUTC();
    r.readsCutoff = s.int64(3);
    r.caseReadsCutoff = s.int64(4);
    r.imagesCutoff = s.int64(5);
    r.status = s.text(6);
    r.readsDeleted = s.int64(7);
    r.imagesDeleted = s.int64(8);
    r.batches = s.int64(9);
    return r;
}

constexpr auto kRunColumns = "id, started_by, started_utc, reads_cutoff, case_reads_cutoff, images_cutoff, status, "
                             "reads_deleted, images_deleted, batches";

PurgeRun loadRun(store::Database& db, qint64 id)
{
    auto s = db.prepare(QStringLiteral("SELECT %1 FROM purge_runs WHERE id = ?1").arg(QLatin1String(kRunColumns)));
    s.bind(1, id);
    if (!s.step())
        raise(ErrorCode::NotFound, QStringLiteral("There is no purge run %1").arg(id));
    return runFromRow(s);
}

std::optional<PurgeRun> findUnfinished(store::Database& db)
{
    auto s = db.prepare(QStringLiteral("SELECT %1 FROM purge_runs WHERE status IN ('running','cancelled','failed') "
                                       "ORDER BY id DESC LIMIT 1")
                            .arg(QLatin1String(kRunColumns)));
    return s.step() ? std::optional<PurgeRun>(runFromRow(s)) : std::nullopt;
}

QString isoTime(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}

QJsonObject cutoffJson(const Cutoffs& c)
{
    return {{QStringLiteral("reads_before"), isoTime(c.reads)},
            {QStringLiteral("case_reads_before"), isoTime(c.caseReads)},
            {QStringLiteral("images_before"), isoTime(c.images)}};
}

// A server store's months (016_read_months.sql) that ended before the cut-off, oldest first, as [start, end).
// None on the embedded store, whose reads are one table.
QList<QPair<qint64, qint64>> wholeMonthsBefore(store::Database& db, qint64 cutoff)
{
    QList<QPair<qint64, qint64>> months;
    if (!db.isPostgres() ||
        db.queryInt64(QStringLiteral("SELECT count(*) FROM pg_class WHERE oid = to_regclass('read_months')")) == 0)
        return months;
    auto s = db.prepare(QStringLiteral("SELECT month_start, month_end FROM read_months WHERE month_end <= ?1 "
                                       "ORDER BY month_start"));
    s.bind(1, cutoff);
    while (s.step())
        months.append({s.int64(0), s.int64(1)});
    return months;
}

qint64 countCandidates(store::Database& db, RetentionClass dataClass, const Cutoffs& c)
{
    auto s = db.prepare(QStringLiteral("SELECT count(*) FROM reads r WHERE %1").arg(candidateCondition(dataClass)));
    bindCutoffs(s, dataClass, c);
    return s.step() ? s.int64(0) : 0;
}

// One batch of one class inside its own transaction. Returns the reads processed (0 = class finished).
struct BatchCounts {
    qint64 reads = 0;
    qint64 readsDeleted = 0;
    qint64 imagesDeleted = 0;
};

class BatchPurger {
public:
    explicit BatchPurger(store::Database& db) : m_db(db), m_searchIndex(db)
    {
        // Rows other capabilities keep about a read go with it; references SQLite cascades itself are left to it.
        // case_items has no foreign key (its ids are generic) and is handled below.
        m_readReferences = ReadReferences::needingExplicitDelete(db, QStringLiteral("reads"));
        // An image another table still points at (a hit's snapshot, say) stays until that row goes.
        m_imageReferences = ReadReferences::referencing(db, QStringLiteral("images"), {QStringLiteral("reads")});
    }

    BatchCounts purge(RetentionClass dataClass, const Cutoffs& cutoffs, int batchSize)
    {
        BatchCounts counts;
        m_db.exec(QStringLiteral("DELETE FROM temp.purge_batch; DELETE FROM temp.purge_images"));
        auto select = m_db.prepare(QStringLiteral("INSERT INTO temp.purge_batch(id) SELECT r.id FROM reads r WHERE %1 "
                                                  "ORDER BY r.time_utc, r.id LIMIT ?9")
                                       .arg(candidateCondition(dataClass)));
        bindCutoffs(select, dataClass, cutoffs);
        select.bind(9, batchSize).run();
        counts.reads = m_db.changes();
        if (counts.reads == 0)
            return counts;
        m_db.exec(
            QStringLiteral("INSERT OR IGNORE INTO temp.purge_images(id) "
                           "SELECT crop_image_id FROM reads WHERE id IN (SELECT id FROM temp.purge_batch) AND "
                           "crop_image_id IS NOT NULL "
                           "UNION SELECT context_image_id FROM reads WHERE id IN (SELECT id FROM temp.purge_batch) "
                           "AND context_image_id IS NOT NULL"));
        // The search index copies each read's plate, time, place and crop image: it follows in the same
        // transaction, before the reads go (their plates say where in the index they are).
        if (dataClass == RetentionClass::Images) {
            m_searchIndex.clearCropImages(QStringLiteral("temp.purge_batch"));
            m_db.exec(QStringLiteral("UPDATE reads SET crop_image_id = NULL, context_image_id = NULL "
                                     "WHERE id IN (SELECT id FROM temp.purge_batch)"));
        } else {
            m_searchIndex.removeReads(QStringLiteral("temp.purge_batch"));
            for (const ReadReferences::Reference& ref : m_readReferences)
                m_db.exec(QStringLiteral("DELETE FROM %1 WHERE %2 IN (SELECT id FROM temp.purge_batch)")
                              .arg(store::Database::quotedIdentifier(ref.table),
                                   store::Database::quotedIdentifier(ref.column)));
            m_db.exec(QStringLiteral(
                "DELETE FROM case_items WHERE kind = 'read' AND item_id IN (SELECT id FROM temp.purge_batch)"));
            m_db.exec(QStringLiteral("DELETE FROM reads WHERE id IN (SELECT id FROM temp.purge_batch)"));
            counts.readsDeleted = m_db.changes();
        }
        counts.imagesDeleted = deleteUnusedImages();
        return counts;
    }

    /// A server store's whole month of reads at once, when none of them is held or linked to a case, hit or alert:
    /// its search index rows go set-based and the server drops its partition (alpr_drop_read_month,
    /// 016_read_months.sql, which checks that again under a lock and against its own clock and the policy).
    /// Returns what went, or nothing when the month must go read by read (the caller then rolls back, and the
    /// batches keep what they must). Call inside the caller's transaction, after refreshHeldAndLinked.
    std::optional<BatchCounts> dropMonth(qint64 monthStart, qint64 monthEnd)
    {
        auto inMonth = [&](const QString& sql) {
            auto s = m_db.prepare(sql);
            s.bind(1, monthStart).bind(2, monthEnd);
            return s;
        };
        // Most months that cannot go are known here, before their index rows are touched.
        auto kept = inMonth(QStringLiteral("SELECT count(*) FROM reads WHERE time_utc >= ?1 AND time_utc < ?2 AND "
                                           "(id IN (SELECT id FROM temp.purge_held) OR "
                                           "id IN (SELECT id FROM temp.purge_linked))"));
        if (!kept.step() || kept.int64(0) > 0)
            return std::nullopt;
        m_db.exec(QStringLiteral("DELETE FROM temp.purge_batch; DELETE FROM temp.purge_images"));
        inMonth(QStringLiteral("INSERT INTO temp.purge_batch(id) SELECT id FROM reads "
                               "WHERE time_utc >= ?1 AND time_utc < ?2"))
            .run();
        inMonth(QStringLiteral("INSERT OR IGNORE INTO temp.purge_images(id) "
                               "SELECT crop_image_id FROM reads WHERE time_utc >= ?1 AND time_utc < ?2 AND "
                               "crop_image_id IS NOT NULL UNION SELECT context_image_id FROM reads "
                               "WHERE time_utc >= ?1 AND time_utc < ?2 AND context_image_id IS NOT NULL"))
            .run();
        m_searchIndex.removeReads(QStringLiteral("temp.purge_batch"));
        auto drop = m_db.prepare(QStringLiteral("SELECT alpr_drop_read_month(?1)"));
        drop.bind(1, monthStart);
        const qint64 dropped = drop.step() ? drop.int64(0) : -1;
        drop.reset();
        if (dropped < 0)
            return std::nullopt;
        BatchCounts counts;
        counts.reads = counts.readsDeleted = dropped;
        counts.imagesDeleted = deleteUnusedImages();
        return counts;
    }

    void finish()
    {
        store::Transaction tx(m_db);
        m_searchIndex.pruneUnusedForms();
        tx.commit();
    }

private:
    // The images collected in temp.purge_images that no read and no other table shows any more.
    qint64 deleteUnusedImages()
    {
        QString stillUsed = QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM reads WHERE crop_image_id = images.id)"
                                           " AND NOT EXISTS (SELECT 1 FROM reads WHERE context_image_id = images.id)");
        for (const ReadReferences::Reference& ref : m_imageReferences)
            stillUsed +=
                QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM %1 WHERE %2 = images.id)")
                    .arg(store::Database::quotedIdentifier(ref.table), store::Database::quotedIdentifier(ref.column));
        m_db.exec(QStringLiteral("DELETE FROM images WHERE id IN (SELECT id FROM temp.purge_images)") + stillUsed);
        return m_db.changes();
    }

    store::Database& m_db;
    PlateIndex m_searchIndex;
    QList<ReadReferences::Reference> m_readReferences;
    QList<ReadReferences::Reference> m_imageReferences;
};

} // namespace

PurgeJob::PurgeJob(Session& session, store::Database& db) : m_session(session), m_db(db) {}

Result<PurgeDryRun> PurgeJob::dryRun()
{
    if (auto allowed = m_session.require(Permission::PurgeData, QStringLiteral("plan a retention purge")); !allowed)
        return std::unexpected(allowed.error());
    return guarded([&] {
        PurgeDryRun report;
        report.nowUtc = m_session.clock().nowUtc();
        store::Transaction tx(m_db, store::Transaction::Mode::Immediate);
        const Cutoffs cutoffs = currentCutoffs(m_db, m_session, report.nowUtc);
        report.readsCutoff = cutoffs.reads;
        report.caseReadsCutoff = cutoffs.caseReads;
        report.imagesCutoff = cutoffs.images;
        refreshHeldAndLinked(m_db, report.nowUtc.date());
        QMap<QPair<QString, int>, PurgeMonthCount> rows;
        for (RetentionClass dataClass : kPhases) {
            auto s = m_db.prepare(QStringLiteral("SELECT %1, count(*), "
                                                 "sum(CASE WHEN r.crop_image_id IS NULL THEN 0 ELSE 1 END + "
                                                 "CASE WHEN r.context_image_id IS NULL THEN 0 ELSE 1 END) "
                                                 "FROM reads r WHERE %2 GROUP BY 1")
                                      .arg(m_db.isPostgres()
                                               ? QStringLiteral("to_char(to_timestamp(r.time_utc) AT TIME ZONE "
                                                                "'UTC', 'YYYY-MM')")
                                               : QStringLiteral("strftime('%Y-%m', r.time_utc, 'unixepoch')"),
                                           candidateCondition(dataClass)));
            bindCutoffs(s, dataClass, cutoffs);
            while (s.step()) {
                PurgeMonthCount row{s.text(0), dataClass, dataClass == RetentionClass::Images ? 0 : s.int64(1),
                                    s.int64(2)};
                rows.insert({row.month, int(dataClass)}, row);
            }
        }
        report.rows = rows.values();
        auto held = m_db.prepare(
            QStringLiteral("SELECT count(*) FROM reads r WHERE r.id IN (SELECT id FROM temp.purge_held) AND "
                           "((r.id NOT IN (SELECT id FROM temp.purge_linked) AND r.time_utc < ?1) OR "
                           "(r.id IN (SELECT id FROM temp.purge_linked) AND r.time_utc < ?2))"));
        held.bind(1, cutoffs.reads).bind(2, cutoffs.caseReads);
        report.heldReadsKept = held.step() ? held.int64(0) : 0;
        QJsonObject parameters = cutoffJson(cutoffs);
        parameters.insert(QStringLiteral("reads"), report.totalReads());
        parameters.insert(QStringLiteral("images"), report.totalImages());
        parameters.insert(QStringLiteral("held_kept"), report.heldReadsKept);
        AuditLog::append(tx, m_session.auditRecord(QStringLiteral("retention.dry-run"), QStringLiteral("retention"),
                                                   evidence::compactJson(parameters)));
        tx.commit();
        return report;
    });
}

Result<std::optional<PurgeRun>> PurgeJob::unfinishedRun()
{
    return guarded([&] { return findUnfinished(m_db); });
}

Result<PurgeSummary> PurgeJob::run(JobContext& job, int batchSize)
{
    Q_ASSERT(batchSize > 0);
    if (auto allowed = m_session.require(Permission::PurgeData, QStringLiteral("purge data")); !allowed)
        return std::unexpected(allowed.error());
    PurgeSummary summary;
    qint64 runId = 0;
    const QString owner = PurgeLease::newOwner(m_session.workstation());
    auto finishRun = [&](const QString& status, const QString& action, const QString& outcome) {
        store::Transaction tx(m_db);
        PurgeLease::release(m_db, owner);
        m_db.prepare(QStringLiteral("UPDATE purge_runs SET status = ?1, finished_utc = ?2 WHERE id = ?3"))
            .bind(1, status)
            .bind(2, m_session.clock().nowUtc().toString(Qt::ISODateWithMs))
            .bind(3, runId)
            .run();
        const PurgeRun run = loadRun(m_db, runId);
        AuditLog::append(tx, m_session.auditRecord(action, QStringLiteral("purge:%1").arg(runId),
                                                   evidence::compactJson({{QStringLiteral("reads"), run.readsDeleted},
                                                                          {QStringLiteral("images"), run.imagesDeleted},
                                                                          {QStringLiteral("batches"), run.batches}}),
                                                   {}, outcome));
        tx.commit();
        return run;
    };
    auto body = [&]() -> Result<PurgeSummary> {
        const QDateTime now = m_session.clock().nowUtc();
        Cutoffs cutoffs;
        qint64 planned = 0;
        {
            store::Transaction tx(m_db);
            PurgeLease::acquire(m_db, owner, m_session.clock().nowUtc());
            refreshHeldAndLinked(m_db, now.date());
            const std::optional<PurgeRun> unfinished = findUnfinished(m_db);
            summary.resumed = unfinished.has_value();
            if (unfinished) {
                runId = unfinished->id;
                cutoffs = {unfinished->readsCutoff, unfinished->caseReadsCutoff, unfinished->imagesCutoff};
                m_db.prepare(QStringLiteral("UPDATE purge_runs SET status = 'running' WHERE id = ?1"))
                    .bind(1, runId)
                    .run();
            } else {
                cutoffs = currentCutoffs(m_db, m_session, now);
                m_db.prepare(
                        QStringLiteral("INSERT INTO purge_runs(started_by, started_utc, reads_cutoff, "
                                       "case_reads_cutoff, images_cutoff, status) VALUES (?1,?2,?3,?4,?5,'running')"))
                    .bind(1, m_session.account().name)
                    .bind(2, now.toString(Qt::ISODateWithMs))
                    .bind(3, cutoffs.reads)
                    .bind(4, cutoffs.caseReads)
                    .bind(5, cutoffs.images)
                    .run();
                runId = m_db.lastInsertRowId();
            }
            for (RetentionClass dataClass : kPhases)
                planned += countCandidates(m_db, dataClass, cutoffs);
            QJsonObject parameters = cutoffJson(cutoffs);
            parameters.insert(QStringLiteral("planned_reads"), planned);
            AuditLog::append(tx, m_session.auditRecord(summary.resumed ? QStringLiteral("retention.purge.resume")
                                                                       : QStringLiteral("retention.purge.start"),
                                                       QStringLiteral("purge:%1").arg(runId),
                                                       evidence::compactJson(parameters)));
            tx.commit();
        }
        BatchPurger purger(m_db);
        qint64 done = 0;
        job.reportProgress(0, planned, QStringLiteral("Purging"));
        auto recordBatch = [&](store::Transaction& tx, const BatchCounts& counts, QJsonObject what,
                               const QString& stage = QStringLiteral("Purging")) {
            m_db.prepare(QStringLiteral("UPDATE purge_runs SET reads_deleted = reads_deleted + ?1, "
                                        "images_deleted = images_deleted + ?2, batches = batches + 1 WHERE id = ?3"))
                .bind(1, counts.readsDeleted)
                .bind(2, counts.imagesDeleted)
                .bind(3, runId)
                .run();
            what.insert(QStringLiteral("reads"), counts.readsDeleted);
            what.insert(QStringLiteral("images"), counts.imagesDeleted);
            AuditLog::append(tx,
                             m_session.auditRecord(QStringLiteral("retention.purge.batch"),
                                                   QStringLiteral("purge:%1").arg(runId), evidence::compactJson(what)));
            done += counts.reads;
            job.reportProgress(std::min(done, planned), planned, stage);
        };
        auto cancelled = [&] {
            const PurgeRun run = finishRun(QStringLiteral("cancelled"), QStringLiteral("retention.purge.cancel"),
                                           QStringLiteral("cancelled"));
            return fail(ErrorCode::Cancelled, QStringLiteral("Purge cancelled after %1 reads and %2 images; run it "
                                                             "again to resume")
                                                  .arg(run.readsDeleted)
                                                  .arg(run.imagesDeleted));
        };
        const QList<QPair<qint64, qint64>> wholeMonths =
            m_dropWholeMonths ? wholeMonthsBefore(m_db, cutoffs.reads) : QList<QPair<qint64, qint64>>{};
        for (const auto& [monthStart, monthEnd] : wholeMonths) {
            if (job.isCancelled())
                return cancelled();
            store::Transaction tx(m_db);
            PurgeLease::acquire(m_db, owner, m_session.clock().nowUtc());
            refreshHeldAndLinked(m_db, now.date());
            const std::optional<BatchCounts> counts = purger.dropMonth(monthStart, monthEnd);
            if (!counts)
                continue; // rolled back; its reads go in the batches below, which keep what they must
            const QString month =
                QDateTime::fromSecsSinceEpoch(monthStart, Qt::UTC).toString(QStringLiteral("yyyy-MM"));
            recordBatch(tx, *counts,
                        {{QStringLiteral("class"), retentionClassName(RetentionClass::Reads)},
                         {QStringLiteral("month"), month}},
                        kWholeMonthStage.arg(month));
            tx.commit();
        }
        for (RetentionClass dataClass : kPhases) {
            for (;;) {
                if (job.isCancelled())
                    return cancelled();
                store::Transaction tx(m_db);
                PurgeLease::acquire(m_db, owner, m_session.clock().nowUtc());
                refreshHeldAndLinked(m_db, now.date());
                const BatchCounts counts = purger.purge(dataClass, cutoffs, batchSize);
                if (counts.reads == 0)
                    break; // rolls back the empty transaction
                recordBatch(tx, counts, {{QStringLiteral("class"), retentionClassName(dataClass)}});
                tx.commit();
            }
        }
        job.reportProgress(planned, planned, QStringLiteral("Scrubbing the store"));
        purger.finish();
        auto scrubbed = StoreScrubber::scrub(m_db);
        if (!scrubbed)
            return std::unexpected(scrubbed.error());
        summary.fullTextIndexesMerged = scrubbed->fullTextIndexesMerged;
        summary.run =
            finishRun(QStringLiteral("completed"), QStringLiteral("retention.purge.finish"), QStringLiteral("ok"));
        // The finishing record went through the WAL after the scrub's checkpoint; empty it again.
        summary.walTruncated = StoreScrubber::truncateWal(m_db).value_or(false);
        return summary;
    };
    auto result = guardedResult(body);
    if (!result && !result.error().isCancellation() && runId != 0) {
        diag::warning(QStringLiteral("Retention purge failed: ") + result.error().detail);
        auto marked = guarded([&] {
            finishRun(QStringLiteral("failed"), QStringLiteral("retention.purge.fail"),
                      QStringLiteral("failed: ") + result.error().message);
        });
        if (!marked)
            diag::warning(QStringLiteral("Could not record the failed purge: ") + marked.error().detail);
    }
    return result;
}

} // namespace alpr
