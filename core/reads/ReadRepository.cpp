#include "reads/ReadRepository.h"

#include "store/Database.h"
#include "store/RowWriter.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QSet>

#include <algorithm>
#include <tuple>

namespace alpr {

namespace {

QString imageMime(const QByteArray& bytes)
{
    return bytes.startsWith("\x89PNG") ? QStringLiteral("image/png") : QStringLiteral("image/jpeg");
}

} // namespace

namespace {

// The columns an insert writes, in bindRead's order (after the id on a server).
const QStringList& readInsertColumns()
{
    static const QStringList columns{QStringLiteral("plate"),
                                     QStringLiteral("confidence"),
                                     QStringLiteral("time_utc"),
                                     QStringLiteral("lat"),
                                     QStringLiteral("lon"),
                                     QStringLiteral("unit_id"),
                                     QStringLiteral("source_file"),
                                     QStringLiteral("source_offset_ms"),
                                     QStringLiteral("frame"),
                                     QStringLiteral("crop_image_id"),
                                     QStringLiteral("context_image_id"),
                                     QStringLiteral("imported_utc")};
    return columns;
}

// The read's columns as ?first..?first+11, in readInsertColumns()' order.
void bindRead(store::Statement& statement, int first, const PlateRead& r, qint64 importedUtc)
{
    statement.bind(first, r.plate)
        .bind(first + 1, r.confidence)
        .bind(first + 2, r.timeUtc.toSecsSinceEpoch())
        .bind(first + 3, r.latitude)
        .bind(first + 4, r.longitude)
        .bind(first + 5, r.unitId)
        .bind(first + 6, r.sourceFile)
        .bind(first + 7, r.sourceOffsetMs)
        .bind(first + 8, r.frame)
        .bind(first + 9, r.cropImageId ? std::optional<qint64>(r.cropImageId) : std::nullopt)
        .bind(first + 10, r.contextImageId ? std::optional<qint64>(r.contextImageId) : std::nullopt)
        .bind(first + 11, importedUtc);
}

// PostgreSQL: the ids are drawn from the identity's sequence first, so that the rows and their alternatives can go
// in by COPY (store::RowWriter) with the ids known; a statement a read would be a server round trip each.
void insertOnServer(store::Database& db, QList<PlateRead>& reads, qint64 importedUtc)
{
    auto ids = db.prepare(QStringLiteral("SELECT nextval(pg_get_serial_sequence('reads', 'id')) "
                                         "FROM generate_series(1, ?1)"));
    ids.bind(1, qint64(reads.size()));
    for (PlateRead& r : reads)
        if (ids.step())
            r.id = ids.int64(0);
    ids.reset();
    store::RowWriter rows(db, QStringLiteral("reads"), QStringList{QStringLiteral("id")} + readInsertColumns());
    for (const PlateRead& r : reads)
        rows.row(r.id, r.plate, r.confidence, r.timeUtc.toSecsSinceEpoch(), r.latitude, r.longitude, r.unitId,
                 r.sourceFile, r.sourceOffsetMs, r.frame,
                 r.cropImageId ? std::optional<qint64>(r.cropImageId) : std::nullopt,
                 r.contextImageId ? std::optional<qint64>(r.contextImageId) : std::nullopt, importedUtc);
    rows.finish();
    store::RowWriter alternatives(
        db, QStringLiteral("read_alternatives"),
        {QStringLiteral("read_id"), QStringLiteral("rank"), QStringLiteral("plate"), QStringLiteral("confidence")});
    for (const PlateRead& r : reads) {
        int rank = 1;
        for (const PlateCandidate& c : r.alternatives)
            alternatives.row(r.id, rank++, c.plate, c.confidence);
    }
    alternatives.finish();
}

} // namespace

void ReadRepository::addServerMonths(store::Database& db, const QList<qint64>& times)
{
    // One time a month is enough for the server, and keeps the array short.
    QSet<qint64> months;
    for (qint64 t : times) {
        const QDate day = QDateTime::fromSecsSinceEpoch(t, Qt::UTC).date();
        months.insert(t < 0 ? t
                            : QDateTime(QDate(day.year(), day.month(), 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch());
    }
    if (months.isEmpty())
        return;
    QStringList values;
    for (qint64 m : months)
        values.append(QString::number(m));
    db.prepare(QStringLiteral("SELECT alpr_add_read_months(CAST(?1 AS BIGINT[]))"))
        .bind(1, QString(QLatin1Char('{') + values.join(QLatin1Char(',')) + QLatin1Char('}')))
        .run();
}

void ReadRepository::insert(store::Transaction& transaction, QList<PlateRead>& reads)
{
    store::Database& db = transaction.database();
    auto unit = db.prepare(QStringLiteral("INSERT OR IGNORE INTO units(id, created_utc) VALUES (?1, ?2)"));
    auto image = db.prepare(QStringLiteral("INSERT INTO images(mime, data) VALUES (?1, ?2)"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString nowText = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QSet<QString> knownUnits;
    if (db.isPostgres()) {
        // Before this transaction writes units or images: making a month attaches partitions whose foreign keys
        // name those tables, which waits for other writers of them (docs/server.md, "Reads by month").
        QList<qint64> times;
        times.reserve(reads.size());
        for (const PlateRead& r : reads)
            times.append(r.timeUtc.toSecsSinceEpoch());
        addServerMonths(db, times);
    }
    auto storeImage = [&](const QByteArray& bytes) -> qint64 {
        if (bytes.isEmpty())
            return 0;
        image.bind(1, imageMime(bytes)).bind(2, db.sealed(bytes)).run(); // a server holds it sealed
        return db.lastInsertRowId();
    };
    for (PlateRead& r : reads) {
        if (!knownUnits.contains(r.unitId)) {
            unit.bind(1, r.unitId).bind(2, nowText).run();
            knownUnits.insert(r.unitId);
        }
        r.cropImageId = r.cropImageId ? r.cropImageId : storeImage(r.cropImage);
        r.contextImageId = r.contextImageId ? r.contextImageId : storeImage(r.contextImage);
    }
    if (db.isPostgres()) {
        insertOnServer(db, reads, now);
        return;
    }
    auto read = db.prepare(
        QStringLiteral("INSERT INTO reads(%1) VALUES (%2)")
            .arg(readInsertColumns().join(u", "), store::Database::placeholders(1, int(readInsertColumns().size()))));
    auto alternative = db.prepare(
        QStringLiteral("INSERT INTO read_alternatives(read_id, rank, plate, confidence) VALUES (?1, ?2, ?3, ?4)"));
    for (PlateRead& r : reads) {
        bindRead(read, 1, r, now);
        read.run();
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
        return s.step() ? m_db.unsealed(s.blob(0)) : QByteArray();
    });
}

Result<qint64> ReadRepository::count()
{
    return guarded([&] { return m_db.queryInt64(QStringLiteral("SELECT count(*) FROM reads")); });
}

} // namespace alpr
