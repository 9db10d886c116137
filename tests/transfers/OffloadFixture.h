#pragma once

#include "store/Database.h"
#include "store/Statement.h"
#include "transfers/OffloadWriter.h"

#include <QDir>
#include <QFile>

namespace alpr::test {

/// A read as a unit's software would write it.
inline TransferRead transferRead(const QString& plate, const QDateTime& timeUtc, const QString& camera = QStringLiteral("front"))
{
    TransferRead t;
    t.read.plate = plate;
    t.read.confidence = 0.9;
    t.read.timeUtc = timeUtc;
    t.read.latitude = 39.29;
    t.read.longitude = -76.61;
    t.read.alternatives = {{plate.left(plate.size() - 1) + QLatin1Char('8'), 0.05}};
    t.timeMs = timeUtc.toMSecsSinceEpoch();
    t.camera = camera;
    t.box = QStringLiteral("10,20,120,40");
    return t;
}

/// n reads a minute apart from start, plates P0000001, P0000002 ...
inline QList<TransferRead> transferReads(const QDateTime& start, int first, int count)
{
    QList<TransferRead> out;
    for (int i = first; i < first + count; ++i)
        out.append(transferRead(QStringLiteral("P%1").arg(i, 7, 10, QLatin1Char('0')), start.addSecs(60LL * i)));
    return out;
}

/// Writes an offload of our format; images are small stand-ins (the store keeps encoded bytes as they come).
inline bool writeOffload(const QString& directory, const QString& unitId, QList<TransferRead> reads, bool withImages = false)
{
    OffloadWriter writer(directory, unitId);
    if (!writer.beginReadsFile(QStringLiteral("reads/reads-1.jsonl")))
        return false;
    for (qsizetype i = 0; i < reads.size(); ++i) {
        if (withImages) {
            reads[i].cropFile = QStringLiteral("images/%1-crop.jpg").arg(i);
            reads[i].contextFile = QStringLiteral("images/%1.jpg").arg(i);
            if (!writer.addImage(reads[i].cropFile, QByteArray("\xff\xd8\xff crop ") + reads[i].read.plate.toLatin1()) ||
                !writer.addImage(reads[i].contextFile, QByteArray("\xff\xd8\xff scene ") + QByteArray::number(i)))
                return false;
        }
        if (!writer.addRead(reads[i]))
            return false;
    }
    return bool(writer.finish());
}

/// What an offload can change in the store; a rejected offload must leave all of it as it was.
struct StoreCounts {
    qint64 reads = 0;
    qint64 images = 0;
    qint64 alternatives = 0;
    qint64 keys = 0;
    qint64 indexed = 0;
    QString units;
    bool operator==(const StoreCounts&) const = default;
};

inline StoreCounts storeCounts(store::Database& db)
{
    StoreCounts c;
    c.reads = db.queryInt64(QStringLiteral("SELECT count(*) FROM reads"));
    c.images = db.queryInt64(QStringLiteral("SELECT count(*) FROM images"));
    c.alternatives = db.queryInt64(QStringLiteral("SELECT count(*) FROM read_alternatives"));
    c.keys = db.queryInt64(QStringLiteral("SELECT count(*) FROM transfer_reads"));
    c.indexed = db.queryInt64(QStringLiteral("SELECT count(*) FROM search_reads"));
    QStringList units;
    auto s =
        db.prepare(QStringLiteral("SELECT id || ':' || status || ':' || coalesce(last_transfer_utc, '-') FROM units "
                                  "ORDER BY id"));
    while (s.step())
        units << s.text(0);
    c.units = units.join(QLatin1Char(','));
    return c;
}

inline bool rewrite(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

inline QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace alpr::test
