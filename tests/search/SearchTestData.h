#pragma once

#include "reads/ReadRepository.h"
#include "store/Transaction.h"

#include <QList>

namespace alpr::test {

/// Inserts reads the way an import does (one transaction); returns their ids.
inline QList<qint64> insertReads(store::Database& db, QList<PlateRead> reads)
{
    store::Transaction tx(db);
    ReadRepository(db).insert(tx, reads);
    tx.commit();
    QList<qint64> ids;
    for (const PlateRead& r : reads)
        ids.append(r.id);
    return ids;
}

inline PlateRead makeRead(const QString& plate, const QDateTime& time, const QString& unit = QStringLiteral("UNIT-01"),
                          double confidence = 0.9, QList<PlateCandidate> alternatives = {}, double lat = 39.28,
                          double lon = -76.57)
{
    PlateRead r;
    r.plate = plate;
    r.timeUtc = time;
    r.unitId = unit;
    r.confidence = confidence;
    r.alternatives = std::move(alternatives);
    r.latitude = lat;
    r.longitude = lon;
    return r;
}

} // namespace alpr::test
