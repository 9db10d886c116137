#pragma once

#include "common/Result.h"
#include "engine/GeoPoint.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace alpr::engine {

/// A GPS track (GPX 1.0/1.1 track or route points, or NMEA 0183 RMC sentences) that answers "where was the camera
/// at time t" by linear interpolation between the two fixes around t.
class GeoTrack {
public:
    /// Fixes further apart than this are a gap (tunnel, power off): no position is invented across it.
    static constexpr qint64 maxInterpolationGapMs = 30'000;
    /// A time this close before the first or after the last fix still gets that fix's position.
    static constexpr qint64 edgeToleranceMs = 5'000;

    GeoTrack() = default;
    explicit GeoTrack(QList<GeoPoint> points);

    /// Detects GPX or NMEA by content. InvalidInput when the data is neither or holds no timed fix.
    [[nodiscard]] static Result<GeoTrack> parse(const QByteArray& data);
    [[nodiscard]] static Result<GeoTrack> load(const QString& path);

    [[nodiscard]] std::optional<GeoPoint> positionAt(const QDateTime& timeUtc) const;
    [[nodiscard]] const QList<GeoPoint>& points() const { return m_points; }
    [[nodiscard]] bool isEmpty() const { return m_points.isEmpty(); }

private:
    QList<GeoPoint> m_points; // sorted by time
};

} // namespace alpr::engine
