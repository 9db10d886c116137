#pragma once

#include "canvass/GeoPoint.h"
#include "common/Result.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace alpr::store {
class Database;
}

namespace alpr::bench {

/// A city's worth of synthetic reads for the canvass benchmark: a 30 x 30 km area around Baltimore, 90 days, a
/// fleet of 40 cars, 60 % of reads on 300 busy corridors (Gaussian, ~300 m) and the rest spread out, in time order
/// as a feed would arrive. Written straight through one prepared INSERT in large transactions (the same columns as
/// ReadRepository, so every index on reads does its real work); 10 million rows take minutes, not hours.
class SyntheticReads {
public:
    static constexpr double kCentreLatitude = 39.29;
    static constexpr double kCentreLongitude = -76.61;
    static constexpr double kHalfSpanDegrees = 0.135; // ~15 km north-south
    static constexpr int kDays = 90;

    explicit SyntheticReads(quint32 seed);

    [[nodiscard]] QDateTime start() const { return m_start; }
    [[nodiscard]] QDateTime end() const { return m_start.addDays(kDays); }
    /// A plausible canvass centre: near a corridor or anywhere in the area.
    [[nodiscard]] GeoPoint randomScene();

    /// Appends count reads spread evenly over the 90 days, batchSize per transaction; prints progress to stderr.
    [[nodiscard]] VoidResult generate(store::Database& db, qint64 count, int batchSize);

private:
    GeoPoint randomPosition();
    QRandomGenerator m_random;
    QDateTime m_start;
    QList<GeoPoint> m_corridors;
};

} // namespace alpr::bench
