#include "reads/ReadRepository.h"

#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QSet>


namespace alpr {

namespace {

QString imageMime(const QByteArray& bytes)
{
    return bytes.startsWith("\x89PNG") ? QStringLiteral("image/png") : QStringLiteral("image/jpeg");
}

} // namespace

void ReadRepository::insert(store::Transaction& transaction, QList<PlateRead>& reads)
{
    store::Database& db = transaction.database();
    auto unit = db.prepare(QStringLiteral("INSERT OR IGNORE INTO units(id, created_utc) VALUES (?1, ?2)"));
    auto image = db.prepare(QStringLiteral("INSERT INTO images(mime, data) VALUES (?1, ?2)"));
    auto read = db.prepare(QStringLiteral(
        "INSERT INTO reads(plate, confidence, time_utc, lat, lon, unit_id, source_file, source_offset_ms, frame, "
        "crop_image_id, context_image_id, imported_utc) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)"));
    auto alternative = db.prepare(
        QStringLiteral("INSERT INTO read_alternatives(read_id, rank, plate, confidence) VALUES (?1, ?2, ?3, ?4)"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString nowText = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QSet<QString> knownUnits;
    auto storeImage = [&](const QByteArray& bytes) -> qint64 {
        if (bytes.isEmpty())
            return 0;
        image.bind(1, imageMime(bytes)).bind(2, bytes).run();
        return db.lastInsertRowId();
    };
    for (PlateRead& r : reads) {
        if (!knownUnits.contains(r.unitId)) {
            unit.bind(1, r.unitId).bind(2, nowText).run();
            knownUnits.insert(r.unitId);
        }
        r.cropImageId = r.cropImageId ? r.cropImageId : storeImage(r.cropImage);
        r.contextImageId = r.contextImageId ? r.contextImageId : storeImage(r.contextImage);
        read.bind(1, r.plate)
            .bind(2, r.confidence)
            .bind(3, r.timeUtc.toSecsSinceEpoch())
            .bind(4, r.latitude)
            .bind(5, r.longitude)
            .bind(6, r.unitId)
            .bind(7, r.sourceFile)
            .bind(8, r.sourceOffsetMs)
            .bind(9, r.frame);
        if (r.cropImageId)
            read.bind(10, r.cropImageId);
        if (r.contextImageId)
            read.bind(11, r.contextImageId);
        read.bind(12, now).run();
        r.id = db.lastInsertRowId();
        int rank = 1;
        for (const PlateCandidate& c : r.alternatives)
            alternative.bind(1, r.id).bind(2, rank++).bind(3, c.plate).bind(4, c.confidence).run();
    }
}

PlateRead ReadRepository::readFromRow(const store::Statement& s)
{
    PlateRead r;
    r.id = s.int64(0);
    r.plate = s.text(1);
    r.confidence = s.real(2);
    r.timeUtc = QDateTime::fromSecsSinceEpoch(s.int64(3), Qt::UTC);
    r.latitude = s.optionalReal(4);
    r.longitude = s.optionalReal(5);
    r.unitId = s.text(6);
    r.sourceFile = s.text(7);
    if (!s.isNull(8))
        r.sourceOffsetMs = s.int64(8);
    if (!s.isNull(9))
        r.frame = s.int64(9);
    r.cropImageId = s.isNull(10) ? 0 : s.int64(10);
    r.contextImageId = s.isNull(11) ? 0 : s.int64(11);
    return r;
}

void ReadRepository::loadAlternatives(QList<PlateRead>& reads)
{
    if (reads.isEmpty())
        return;
    auto s = m_db.prepare(QStringLiteral(
        "SELECT read_id, plate, confidence FROM read_alternatives WHERE read_id = ?1 ORDER BY rank"));
    for (PlateRead& r : reads) {
        r.alternatives.clear();
        s.bind(1, r.id);
        while (s.step())
            r.alternatives.append({s.text(1), s.real(2)});
        s.reset();
    }
}

Result<std::optional<PlateRead>> ReadRepository::find(qint64 id)
{
    auto many = findMany({id});
    if (!many)
        return std::unexpected(many.error());
    return many->isEmpty() ? std::nullopt : std::optional<PlateRead>(many->first());
}

Result<QList<PlateRead>> ReadRepository::findMany(const QList<qint64>& ids)
{
    return guarded([&] {
        QList<PlateRead> out;
        auto s = m_db.prepare(QStringLiteral("SELECT %1 FROM reads WHERE id = ?1").arg(QLatin1String(kReadColumns)));
        for (qint64 id : ids) {
            s.bind(1, id);
            if (s.step())
                out.append(readFromRow(s));
            s.reset();
        }
        loadAlternatives(out);
        return out;
    });
}

Result<QByteArray> ReadRepository::image(qint64 imageId)
{
    return guarded([&] {
        auto s = m_db.prepare(QStringLiteral("SELECT data FROM images WHERE id = ?1"));
        s.bind(1, imageId);
        return s.step() ? s.blob(0) : QByteArray();
    });
}

Result<qint64> ReadRepository::count()
{
    return guarded([&] { return m_db.queryInt64(QStringLiteral("SELECT count(*) FROM reads")); });
}

} // namespace alpr
