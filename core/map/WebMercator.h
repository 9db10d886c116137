#pragma once

#include <QPointF>

namespace alpr::map {

/// Spherical (Web) Mercator, the projection of slippy-map tiles: positions as pixels of the whole world at a zoom
/// (256 px tiles). Points are QPointF; where a geographic position is returned, x is the longitude and y the latitude.
class WebMercator {
public:
    static constexpr int kTileSize = 256;
    static constexpr double kMaximumLatitude = 85.05112878;

    [[nodiscard]] static double worldSize(int zoom) { return double(kTileSize) * double(1 << zoom); }
    [[nodiscard]] static QPointF project(double latitude, double longitude, int zoom);
    /// x = longitude, y = latitude.
    [[nodiscard]] static QPointF unproject(const QPointF& pixel, int zoom);
    /// Ground metres one pixel covers at a latitude (for drawing a radius in metres).
    [[nodiscard]] static double metresPerPixel(double latitude, int zoom);
};

} // namespace alpr::map
