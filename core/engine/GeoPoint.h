#pragma once

#include <QDateTime>

namespace alpr::engine {

/// A WGS84 position, with the time it was recorded when it comes from a track.
struct GeoPoint {
    double latitude = 0.0;
    double longitude = 0.0;
    QDateTime timeUtc;
};

} // namespace alpr::engine
