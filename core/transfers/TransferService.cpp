#include "transfers/TransferService.h"

#include "accounts/Session.h"
#include "audit/AuditLog.h"
#include "common/Log.h"
#include "fleet/UnitService.h"
#include "reads/ReadRepository.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"
#include "transfers/Offload.h"
#include "transfers/OffloadArchive.h"
#ifdef ALPR_HAVE_SEARCH
#include "search/ReadIndexer.h"
#endif

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>

namespace alpr {

namespace {

// A dock's clock and the Commander's approval rarely agree to the minute.
constexpr qint64 kUndockGraceSeconds = 15 * 60;

constexpr auto kRecordColumns =
    "id, unit_id, source, format, manifest_sha256, period_from, period_to, declared_reads, stored_reads, "
    "duplicate_reads, status, reason, undocked_unapproved, imported_by, started_utc, finished_utc";

QDateTime optionalTime(const store::Statement& s, int column)
{
    return s.isNull(column) ? QDateTime() : QDateTime::fromSecsSinceEpoch(s.int64(column), Qt::UTC);
}

TransferRecord recordFromRow(const store::Statement& s)
{
    TransferRecord r;
    r.id = s.int64(0);
    r.unitId = s.text(1);
    r.source = s.text(2);
    r.format = s.text(3);
    r.manifestSha256 = s.text(4);
    r.periodFromUtc = optionalTime(s, 5);
    r.periodToUtc = optionalTime(s, 6);
    r.declaredReads = s.int64(7);
    r.storedReads = s.int64(8);
    r.duplicateReads = s.int64(9);
    r.status = s.text(10);
    r.reason = s.text(11);
    r.undockedWithoutApproval = s.int64(12) != 0;
    r.importedBy = s.text(13);
    r.startedUtc = optionalTime(s, 14);
    r.finishedUtc = optionalTime(s, 15);
    return r;
}

QString parametersJson(const QString& source, const Offload* offload, qint64 stored, qint64 duplicates, bool undocked)
{
    QJsonObject o{{QStringLiteral("source"), source}};
    if (offload) {
        const TransferManifest& m = offload->manifest();
        o.insert(QStringLiteral("unit"), m.unitId);
        o.insert(QStringLiteral("format"), TransferManifest::readsFormatName(m.readsFormat));
        o.insert(QStringLiteral("from"), m.periodFromUtc.toString(Qt::ISODate));
        o.insert(QStringLiteral("to"), m.periodToUtc.toString(Qt::ISODate));
        o.insert(QStringLiteral("declared_reads"), m.readCount);
        o.insert(QStringLiteral("files"), m.files.size());
        o.insert(QStringLiteral("manifest_sha256"), offload->manifestSha256());
        o.insert(QStringLiteral("stored_reads"), stored);
        o.insert(QStringLiteral("duplicate_reads"), duplicates);
        o.insert(QStringLiteral("undocked_without_approval"), undocked);
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

Error TransferService::recordFailure(const QString& source, const Offload* offload, const QString& unitId,
                                     const Error& error)
{
    if (error.isCancellation())
        return error;
    auto recorded = guarded([&] {
        store::Transaction tx(m_db);
        const TransferManifest* m = offload ? &offload->manifest() : nullptr;
        const qint64 now = m_session.clock().nowUtc().toSecsSinceEpoch();
        m_db.prepare(QStringLiteral("INSERT INTO transfers(manifest_sha256, unit_id, source, format, period_from, "
                                    "period_to, declared_reads, status, reason, imported_by, started_utc, finished_utc) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'failed', ?8, ?9, ?10, ?10)"))
            .bind(1, offload ? offload->manifestSha256() : QString())
            .bind(2, unitId)
            .bind(3, source)
            .bind(4, m ? TransferManifest::readsFormatName(m->readsFormat) : QString())
            .bind(5, m ? std::optional<qint64>(m->periodFromUtc.toSecsSinceEpoch()) : std::nullopt)
            .bind(6, m ? std::optional<qint64>(m->periodToUtc.toSecsSinceEpoch()) : std::nullopt)
            .bind(7, m ? m->readCount : qint64(0))
            .bind(8, error.message)
            .bind(9, m_session.account().name)
            .bind(10, now)
            .run();
        AuditLog::append(tx, m_session.auditRecord(QStringLiteral("transfer.failed"),
                                                   QStringLiteral("unit:") + (unitId.isEmpty() ? QStringLiteral("?") : unitId),
                                                   parametersJson(source, offload, 0, 0, false), {},
                                                   QStringLiteral("failed: ") + error.message));
        tx.commit();
    });
    if (!recorded)
        diag::warning(QStringLiteral("transfer: the failure could not be recorded: %1").arg(recorded.error().detail));
    return error;
}

Result<bool> TransferService::undockedWithoutApproval(const Offload& offload)
{
    return guarded([&] {
        auto approved = m_db.prepare(QStringLiteral(
            "SELECT 1 FROM undock_requests WHERE unit_id = ?1 AND status IN ('approved', 'returned') AND "
            "from_utc <= ?2 AND CASE WHEN returned_utc > to_utc THEN returned_utc ELSE to_utc END >= ?3"));
        for (const TransferManifest::Interval& e : offload.manifest().undockEvents) {
            approved.bind(1, offload.manifest().unitId)
                .bind(2, e.fromUtc.toSecsSinceEpoch() + kUndockGraceSeconds)
                .bind(3, e.toUtc.toSecsSinceEpoch() - kUndockGraceSeconds);
            const bool covered = approved.step();
            approved.reset();
            if (!covered)
                return true;
        }
        return false;
    });
}

Result<TransferOutcome> TransferService::importOffload(const QString& path, JobContext& job,
                                                       const QString& expectedUnit)
{
    if (auto allowed = m_session.require(Permission::ImportReads, QStringLiteral("import transfers")); !allowed)
        return std::unexpected(allowed.error());
    const QString source = QFileInfo(path).absoluteFilePath();
    // An archive is unpacked into a private folder for the length of the import; the manifest, not the folder,
    // identifies the offload, so a cancelled import of an archive resumes from the same archive.
    QTemporaryDir unpacked;
    QString folder = path;
    if (OffloadArchive::isArchive(path)) {
        if (!unpacked.isValid())
            return fail(ErrorCode::Io, QStringLiteral("No temporary folder to unpack %1").arg(QFileInfo(path).fileName()));
        auto extracted = OffloadArchive::extract(path, unpacked.path());
        if (!extracted) {
            if (extracted.error().code != ErrorCode::VerificationFailed)
                return std::unexpected(extracted.error());
            return std::unexpected(recordFailure(source, nullptr, expectedUnit, extracted.error()));
        }
        folder = *extracted;
    }
    auto opened = Offload::open(folder);
    if (!opened) {
        if (opened.error().code == ErrorCode::NotFound)
            return std::unexpected(opened.error());
        return std::unexpected(recordFailure(source, nullptr, expectedUnit, opened.error()));
    }
    const Offload& offload = *opened;
    const TransferManifest& manifest = offload.manifest();
    TransferOutcome outcome;
    outcome.source = source;
    outcome.unitId = manifest.unitId;
    outcome.declaredReads = manifest.readCount;

    // An offload imported to its end before is not imported again; one interrupted resumes.
    auto previous = guarded([&] {
        auto s = m_db.prepare(QStringLiteral("SELECT id, status, checkpoint FROM transfers WHERE manifest_sha256 = ?1 "
                                             "AND status IN ('complete', 'importing', 'cancelled') ORDER BY id DESC"));
        s.bind(1, offload.manifestSha256());
        return s.step() ? std::optional<std::tuple<qint64, QString, qint64>>({s.int64(0), s.text(1), s.int64(2)})
                        : std::nullopt;
    });
    if (!previous)
        return std::unexpected(previous.error());
    if (*previous && std::get<1>(**previous) == QLatin1String("complete")) {
        outcome.status = TransferOutcome::Status::AlreadyImported;
        outcome.transferId = std::get<0>(**previous);
        return outcome;
    }

    if (!expectedUnit.isEmpty() && expectedUnit != manifest.unitId)
        return std::unexpected(recordFailure(
            source, &offload, manifest.unitId,
            makeError(ErrorCode::VerificationFailed,
                      QStringLiteral("The offload is from unit %1, not %2").arg(manifest.unitId, expectedUnit))));
    if (auto unit = UnitService(m_session, m_db).find(manifest.unitId); !unit)
        return std::unexpected(recordFailure(
            source, &offload, manifest.unitId,
            unit.error().code == ErrorCode::NotFound
                ? makeError(ErrorCode::VerificationFailed,
                            QStringLiteral("The offload is from unit %1, which is not registered in this agency's "
                                           "fleet (a foreign unit)")
                                .arg(manifest.unitId))
                : unit.error()));

    auto check = offload.verify(job);
    if (!check)
        return std::unexpected(recordFailure(source, &offload, manifest.unitId, check.error()));
    auto undocked = undockedWithoutApproval(offload);
    if (!undocked)
        return std::unexpected(undocked.error());
    outcome.undockedWithoutApproval = *undocked;

    // The transfer's own row first: it is what a resumed import finds.
    qint64 transferId = *previous ? std::get<0>(**previous) : 0;
    const qint64 checkpoint = *previous ? std::get<2>(**previous) : 0;
    outcome.resumed = transferId != 0;
    if (!transferId) {
        auto created = guarded([&] {
            store::Transaction tx(m_db);
            m_db.prepare(QStringLiteral("INSERT INTO transfers(manifest_sha256, unit_id, source, format, period_from, "
                                        "period_to, declared_reads, status, undocked_unapproved, imported_by, "
                                        "started_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'importing', ?8, ?9, ?10)"))
                .bind(1, offload.manifestSha256())
                .bind(2, manifest.unitId)
                .bind(3, source)
                .bind(4, TransferManifest::readsFormatName(manifest.readsFormat))
                .bind(5, manifest.periodFromUtc.toSecsSinceEpoch())
                .bind(6, manifest.periodToUtc.toSecsSinceEpoch())
                .bind(7, manifest.readCount)
                .bind(8, *undocked ? 1 : 0)
                .bind(9, m_session.account().name)
                .bind(10, m_session.clock().nowUtc().toSecsSinceEpoch())
                .run();
            const qint64 id = m_db.lastInsertRowId();
            auto file = m_db.prepare(
                QStringLiteral("INSERT INTO transfer_files(transfer_id, path, sha256, bytes) VALUES (?1, ?2, ?3, ?4)"));
            for (const TransferManifest::File& f : manifest.files)
                file.bind(1, id).bind(2, f.path).bind(3, f.sha256).bind(4, f.bytes).run();
            tx.commit();
            return id;
        });
        if (!created)
            return std::unexpected(created.error());
        transferId = *created;
    }
    outcome.transferId = transferId;

    const QString sourceName = QFileInfo(source).fileName();
    const qint64 total = std::max<qint64>(1, manifest.readCount);
    auto stored = offload.forEachBatch(
        checkpoint, kBatchReads,
        [&](QList<TransferRead>& batch, qint64 readsDone) {
            store::Transaction tx(m_db);
            auto known = m_db.prepare(QStringLiteral(
                "SELECT 1 FROM transfer_reads WHERE unit_id = ?1 AND camera = ?2 AND time_ms = ?3 AND plate = ?4"));
            QSet<QString> inBatch;
            QList<PlateRead> reads;
            QList<const TransferRead*> kept;
            qint64 duplicates = 0;
            for (TransferRead& t : batch) {
                const QString key = QStringLiteral("%1|%2|%3").arg(t.camera).arg(t.timeMs).arg(t.read.plate);
                known.bind(1, manifest.unitId).bind(2, t.camera).bind(3, t.timeMs).bind(4, t.read.plate);
                const bool stored = known.step();
                known.reset();
                if (stored || inBatch.contains(key)) {
                    ++duplicates;
                    continue;
                }
                inBatch.insert(key);
                PlateRead r = t.read;
                r.unitId = manifest.unitId;
                r.sourceFile = sourceName;
                for (auto [file, bytes] : {std::pair{&t.cropFile, &r.cropImage}, std::pair{&t.contextFile, &r.contextImage}}) {
                    if (file->isEmpty())
                        continue;
                    auto image = offload.image(*file);
                    if (!image)
                        throw ErrorException(image.error());
                    *bytes = *image;
                }
                reads.append(std::move(r));
                kept.append(&t);
            }
            ReadRepository(m_db).insert(tx, reads);
            auto key = m_db.prepare(QStringLiteral("INSERT INTO transfer_reads(unit_id, camera, time_ms, plate, "
                                                   "read_id, transfer_id, box) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
            for (qsizetype i = 0; i < reads.size(); ++i)
                key.bind(1, manifest.unitId)
                    .bind(2, kept[i]->camera)
                    .bind(3, kept[i]->timeMs)
                    .bind(4, kept[i]->read.plate)
                    .bind(5, reads[i].id)
                    .bind(6, transferId)
                    .bind(7, kept[i]->box)
                    .run();
#ifdef ALPR_HAVE_SEARCH
            outcome.watchHits += ReadIndexer::indexPending(tx, m_session.clock().nowUtc()).newWatchHits;
#endif
            m_db.prepare(QStringLiteral("UPDATE transfers SET checkpoint = ?2, stored_reads = stored_reads + ?3, "
                                        "duplicate_reads = duplicate_reads + ?4 WHERE id = ?1"))
                .bind(1, transferId)
                .bind(2, readsDone)
                .bind(3, qint64(reads.size()))
                .bind(4, duplicates)
                .run();
            tx.commit();
            outcome.storedReads += reads.size();
            outcome.duplicateReads += duplicates;
            job.reportProgress(readsDone, total, QStringLiteral("Storing"));
        },
        job);

    // The end of the import, good or cancelled, is one audited step; a failure while storing leaves the batches
    // committed so far and the checkpoint, so the next import of the offload carries on.
    const bool cancelled = !stored && stored.error().isCancellation();
    if (!stored && !cancelled) {
        diag::warning(QStringLiteral("transfer %1: %2").arg(transferId).arg(stored.error().detail));
        return std::unexpected(stored.error());
    }
    auto finished = guarded([&] {
        store::Transaction tx(m_db);
        const QDateTime now = m_session.clock().nowUtc();
        m_db.prepare(QStringLiteral("UPDATE transfers SET status = ?2, finished_utc = ?3 WHERE id = ?1"))
            .bind(1, transferId)
            .bind(2, cancelled ? QStringLiteral("cancelled") : QStringLiteral("complete"))
            .bind(3, now.toSecsSinceEpoch())
            .run();
        if (!cancelled)
            m_db.prepare(QStringLiteral("UPDATE units SET last_transfer_utc = ?2 WHERE id = ?1"))
                .bind(1, manifest.unitId)
                .bind(2, now.toString(Qt::ISODateWithMs))
                .run();
        QString result = cancelled ? QStringLiteral("cancelled: %1 new reads stored, resumes on the next import")
                                         .arg(outcome.storedReads)
                                   : QStringLiteral("complete: %1 new reads, %2 already stored, watch hits: %3")
                                         .arg(outcome.storedReads)
                                         .arg(outcome.duplicateReads)
                                         .arg(outcome.watchHits);
        if (*undocked)
            result += QStringLiteral("; undocked without approval");
        AuditLog::append(tx, m_session.auditRecord(QStringLiteral("transfer.import"),
                                                   QStringLiteral("unit:") + manifest.unitId,
                                                   parametersJson(source, &offload, outcome.storedReads,
                                                                  outcome.duplicateReads, *undocked),
                                                   {}, result));
        tx.commit();
    });
    if (!finished)
        return std::unexpected(finished.error());
    if (cancelled)
        return std::unexpected(stored.error());
    outcome.status = TransferOutcome::Status::Imported;
    job.reportProgress(total, total, QString());
    return outcome;
}

Result<QList<TransferRecord>> TransferService::list(const QString& unitId, int limit)
{
    return guarded([&] {
        auto s = m_db.prepare(QStringLiteral("SELECT %1 FROM transfers WHERE ?1 = '' OR unit_id = ?1 ORDER BY id DESC "
                                             "LIMIT ?2")
                                  .arg(QLatin1String(kRecordColumns)));
        s.bind(1, unitId).bind(2, limit > 0 ? limit : -1);
        QList<TransferRecord> out;
        while (s.step())
            out.append(recordFromRow(s));
        return out;
    });
}

} // namespace alpr
