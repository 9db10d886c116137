#include "import/ImportService.h"

#include "accounts/Session.h"
#include "audit/AuditLog.h"
#include "common/Log.h"
#include "engine/FootageRecognizer.h"
#include "engine/GeoTrack.h"
#include "engine/PlateRecognizer.h"
#include "import/ContentHash.h"
#include "reads/PlateText.h"
#include "reads/ReadRepository.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"
#ifdef ALPR_HAVE_SEARCH
#include "search/ReadIndexer.h"
#endif

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace alpr {

namespace {

constexpr int kContextJpegQuality = 80;

struct Placement {
    std::optional<engine::GeoTrack> track;
    std::optional<engine::GeoPoint> fixed;
};

QByteArray encodeOrEmpty(const engine::Frame& frame, int quality)
{
    if (frame.isNull())
        return {};
    auto bytes = frame.encode(QStringLiteral(".jpg"), quality);
    return bytes ? *bytes : QByteArray();
}

QList<PlateCandidate> alternativesOf(const QList<engine::PlateCandidate>& candidates)
{
    QList<PlateCandidate> out;
    for (qsizetype i = 1; i < candidates.size() && out.size() < 5; ++i)
        out.append({PlateText::normalize(candidates[i].text), candidates[i].confidence});
    return out;
}

void applyLocation(PlateRead& read, const std::optional<engine::GeoPoint>& p)
{
    if (p) {
        read.latitude = p->latitude;
        read.longitude = p->longitude;
    }
}

std::optional<engine::GeoPoint> locate(const Placement& placement, const QDateTime& timeUtc)
{
    if (placement.track && timeUtc.isValid())
        if (auto p = placement.track->positionAt(timeUtc))
            return p;
    return placement.fixed;
}

PlateRead fromTrack(const engine::TrackedPlate& t, const QString& file, const QString& unit, const QDateTime& fallbackStart)
{
    PlateRead r;
    r.plate = PlateText::normalize(t.text);
    r.confidence = t.confidence;
    r.timeUtc = t.firstSeenUtc.isValid() ? t.firstSeenUtc : fallbackStart.addMSecs(qint64(t.firstSeenSeconds * 1000));
    r.unitId = unit;
    r.sourceFile = QFileInfo(file).fileName();
    r.sourceOffsetMs = qint64(t.bestSeconds * 1000.0);
    r.alternatives = alternativesOf(t.candidates);
    r.cropImage = encodeOrEmpty(t.crop, 92);
    r.contextImage = encodeOrEmpty(t.context, kContextJpegQuality);
    applyLocation(r, t.location);
    return r;
}

} // namespace

ImportService::ImportService(const Session& session, store::Database& db) : m_session(session), m_db(db) {}

ImportService::~ImportService() = default;

VoidResult ImportService::checkRequest(const ImportRequest& request)
{
    static const QRegularExpression unitFormat(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$"));
    if (!unitFormat.match(request.unitId).hasMatch())
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("Give the unit that recorded the footage (1-32 letters, digits, '.', '_', '-')"));
    if (!request.gpsTrackFile.isEmpty()) {
        if (auto track = engine::GeoTrack::load(request.gpsTrackFile); !track)
            return fail(track.error().code,
                        QStringLiteral("The GPS track cannot be used: %1").arg(track.error().message));
    }
    // Written as "not within" so that NaN, which compares false with everything, is refused too.
    if (request.latitude && request.longitude &&
        (!(std::abs(*request.latitude) <= 90.0) || !(std::abs(*request.longitude) <= 180.0)))
        return fail(ErrorCode::InvalidInput, QStringLiteral("The camera location is not a latitude/longitude"));
    return {};
}

Result<ImportSummary> ImportService::run(const ImportRequest& request, JobContext& job)
{
    if (auto allowed = m_session.require(Permission::ImportReads, QStringLiteral("import reads")); !allowed)
        return std::unexpected(allowed.error());
    if (auto valid = checkRequest(request); !valid)
        return std::unexpected(valid.error());
    if (request.files.isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("No files to import"));

    Placement placement;
    if (!request.gpsTrackFile.isEmpty()) {
        auto track = engine::GeoTrack::load(request.gpsTrackFile);
        if (!track)
            return fail(track.error().code, QStringLiteral("The GPS track cannot be used: %1").arg(track.error().message));
        placement.track = *track;
    }
    if (request.latitude && request.longitude)
        placement.fixed = engine::GeoPoint{*request.latitude, *request.longitude, {}};

    if (!m_recognizer) {
        auto created = engine::PlateRecognizer::create();
        if (!created)
            return std::unexpected(created.error());
        m_recognizer = std::move(*created);
    }
    engine::PlateRecognizer& recognizer = *m_recognizer;

    ImportSummary summary;
    const qsizetype total = request.files.size();
    for (qsizetype index = 0; index < total; ++index) {
        const QString& file = request.files[index];
        job.waitWhilePaused();
        if (job.isCancelled())
            return fail(ErrorCode::Cancelled, QStringLiteral("Import cancelled"));
        job.reportProgress(index * 1000, total * 1000, QFileInfo(file).fileName());
        ImportFileOutcome outcome{file, ImportFileOutcome::Status::Failed, 0, {}};

        auto hash = fileContentHash(file);
        if (!hash) {
            outcome.message = hash.error().message;
            summary.files.append(outcome);
            continue;
        }
        auto already = guarded([&] {
            auto s = m_db.prepare(QStringLiteral("SELECT reads FROM imports WHERE content_hash = ?1"));
            s.bind(1, *hash);
            return s.step() ? std::optional<int>(int(s.int64(0))) : std::nullopt;
        });
        if (already && *already) {
            outcome.status = ImportFileOutcome::Status::AlreadyImported;
            outcome.reads = **already;
            summary.files.append(outcome);
            continue;
        }

        // Recognition: a video gives one read per tracked vehicle pass, an image one per plate.
        const QDateTime fileTime = QFileInfo(file).lastModified().toUTC();
        const QDateTime start = request.startUtc.isValid() ? request.startUtc.toUTC() : fileTime;
        QList<PlateRead> reads;
        if (engine::FootageRecognizer::looksLikeVideo(file)) {
            engine::FootageOptions options;
            options.startTimeUtc = start;
            options.track = placement.track;
            options.fixedLocation = placement.fixed;
            // Progress of the whole import, in thousandths of a file; cancelling the import cancels the file.
            JobContext fileJob(
                [&](qint64 done, qint64 of, const QString&) {
                    if (of > 0)
                        job.reportProgress(index * 1000 + done * 1000 / of, total * 1000, QFileInfo(file).fileName());
                },
                &job);
            auto tracked = engine::FootageRecognizer(recognizer).run(file, options, fileJob);
            if (!tracked) {
                if (tracked.error().isCancellation())
                    return std::unexpected(tracked.error());
                outcome.message = tracked.error().message;
                summary.files.append(outcome);
                continue;
            }
            for (const engine::TrackedPlate& t : *tracked)
                reads.append(fromTrack(t, file, request.unitId, start));
        } else {
            auto frame = engine::Frame::fromFile(file);
            auto plates =
                frame ? recognizer.recognize(*frame) : Result<QList<engine::PlateRead>>(std::unexpected(frame.error()));
            if (!plates) {
                outcome.message = plates.error().message;
                summary.files.append(outcome);
                continue;
            }
            const QByteArray context = plates->isEmpty() ? QByteArray() : encodeOrEmpty(*frame, kContextJpegQuality);
            for (const engine::PlateRead& p : *plates) {
                if (p.confidence < request.minStillConfidence)
                    continue;
                PlateRead r;
                r.plate = PlateText::normalize(p.text);
                r.confidence = p.confidence;
                r.timeUtc = start;
                r.unitId = request.unitId;
                r.sourceFile = QFileInfo(file).fileName();
                r.alternatives = alternativesOf(p.candidates);
                r.cropImage = encodeOrEmpty(p.crop, 92);
                r.contextImage = context;
                applyLocation(r, locate(placement, start));
                reads.append(r);
            }
        }
        reads.removeIf([](const PlateRead& r) { return !PlateText::isValid(r.plate); });

        const QString parameters = QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("file"), QFileInfo(file).fileName()},
                                      {QStringLiteral("sha256"), *hash},
                                      {QStringLiteral("unit"), request.unitId},
                                      {QStringLiteral("start"), start.toString(Qt::ISODate)},
                                      {QStringLiteral("gps"), QFileInfo(request.gpsTrackFile).fileName()}})
                .toJson(QJsonDocument::Compact));
        auto stored = guarded([&] {
            store::Transaction tx(m_db);
            // The unit exists even when a file gave no reads: its transfer is recorded all the same.
            m_db.prepare(QStringLiteral("INSERT OR IGNORE INTO units(id, created_utc) VALUES (?1, ?2)"))
                .bind(1, request.unitId)
                .bind(2, m_session.clock().nowUtc().toString(Qt::ISODateWithMs))
                .run();
            ReadRepository(m_db).insert(tx, reads);
            int hits = 0;
#ifdef ALPR_HAVE_SEARCH
            hits = ReadIndexer::indexPending(tx, m_session.clock().nowUtc()).newWatchHits;
#endif
            m_db.prepare(QStringLiteral("INSERT INTO imports(content_hash, file_name, unit_id, reads, imported_by, "
                                        "imported_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"))
                .bind(1, *hash)
                .bind(2, QFileInfo(file).fileName())
                .bind(3, request.unitId)
                .bind(4, int(reads.size()))
                .bind(5, m_session.account().name)
                .bind(6, m_session.clock().nowUtc().toString(Qt::ISODateWithMs))
                .run();
            m_db.prepare(QStringLiteral("UPDATE units SET last_transfer_utc = ?2 WHERE id = ?1"))
                .bind(1, request.unitId)
                .bind(2, m_session.clock().nowUtc().toString(Qt::ISODateWithMs))
                .run();
            AuditLog::append(tx, m_session.auditRecord(QStringLiteral("import.file"), QStringLiteral("unit:") + request.unitId,
                                                       parameters, {},
                                                       QStringLiteral("reads: %1, watch hits: %2").arg(reads.size()).arg(hits)));
            tx.commit();
            return hits;
        });
        if (!stored) {
            diag::warning(QStringLiteral("import: %1").arg(stored.error().detail));
            outcome.message = stored.error().message;
            summary.files.append(outcome);
            continue;
        }
        outcome.status = ImportFileOutcome::Status::Imported;
        outcome.reads = int(reads.size());
        summary.readsStored += outcome.reads;
        summary.watchHits += *stored;
        summary.files.append(outcome);
    }
    job.reportProgress(total * 1000, total * 1000, QString());
    return summary;
}

} // namespace alpr
