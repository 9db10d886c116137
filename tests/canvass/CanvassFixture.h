#pragma once

#include "canvass/GeoPoint.h"
#include "reads/PlateRead.h"
#include "reads/ReadRepository.h"
#include "store/Database.h"
#include "store/Transaction.h"

#include <QTest>

#include <cmath>
#include <numbers>

namespace alpr::test {

/// Offsets on the WGS84 ellipsoid from its radii of curvature, independent of the code under test: north uses the
/// meridional radius M, east the parallel's radius N*cos(latitude). At a few hundred metres both are exact to
/// well under a millimetre, so points placed radius +- 0.3 m away must land on the matching side of a circle.
class EllipsoidOffset {
public:
    static constexpr double kA = 6378137.0;
    static constexpr double kE2 = 0.00669437999014;

    static GeoPoint north(const GeoPoint& from, double metres)
    {
        const double phi = from.latitude * std::numbers::pi / 180.0;
        const double w = 1.0 - kE2 * std::sin(phi) * std::sin(phi);
        const double meridional = kA * (1.0 - kE2) / std::pow(w, 1.5);
        return {from.latitude + metres / meridional * 180.0 / std::numbers::pi, from.longitude};
    }
    static GeoPoint east(const GeoPoint& from, double metres)
    {
        const double phi = from.latitude * std::numbers::pi / 180.0;
        const double normal = kA / std::sqrt(1.0 - kE2 * std::sin(phi) * std::sin(phi));
        return {from.latitude, from.longitude + metres / (normal * std::cos(phi)) * 180.0 / std::numbers::pi};
    }
};

/// Data rows for the radius-edge tests: the demo map's latitude, and 65 N where a spherical shortcut lands points
/// on the wrong side.
inline void addEdgeLatitudeRows()
{
    QTest::addColumn<double>("latitude");
    QTest::addColumn<double>("longitude");
    QTest::newRow("Baltimore demo map") << 39.2850 << -76.5800;
    QTest::newRow("65 N") << 65.0 << 25.47;
}

/// A read at a place and time; the unit defaults to one car.
inline PlateRead makeRead(const QString& plate, const GeoPoint& at, const QDateTime& time,
                          const QString& unit = QStringLiteral("CAR-12"))
{
    PlateRead read;
    read.plate = plate;
    read.confidence = 0.9;
    read.timeUtc = time;
    read.latitude = at.latitude;
    read.longitude = at.longitude;
    read.unitId = unit;
    return read;
}

/// Inserts reads through the repository every importer uses (so every index on reads is maintained) and returns their ids.
inline QList<qint64> insertReads(store::Database& db, QList<PlateRead> reads)
{
    auto inserted = guarded([&] {
        store::Transaction tx(db);
        ReadRepository(db).insert(tx, reads);
        tx.commit();
    });
    if (!inserted)
        qWarning("insertReads: %s", qPrintable(inserted.error().toString()));
    QList<qint64> ids;
    for (const PlateRead& r : reads)
        ids.append(r.id);
    return ids;
}

} // namespace alpr::test
