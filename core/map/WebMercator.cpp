#include "map/WebMercator.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace alpr::map {

namespace {
constexpr double kEarthRadiusMetres = 6378137.0; // the sphere Web Mercator is defined on
}

QPointF WebMercator::project(double latitude, double longitude, int zoom)
{
    const double size = worldSize(zoom);
    const double phi = std::clamp(latitude, -kMaximumLatitude, kMaximumLatitude) * std::numbers::pi / 180.0;
    const double x = (longitude + 180.0) / 360.0 * size;
    const double y = (1.0 - std::log(std::tan(phi) + 1.0 / std::cos(phi)) / std::numbers::pi) / 2.0 * size;
    return {x, y};
}

QPointF WebMercator::unproject(const QPointF& pixel, int zoom)
{
    const double size = worldSize(zoom);
    const double longitude = pixel.x() / size * 360.0 - 180.0;
    const double n = std::numbers::pi * (1.0 - 2.0 * pixel.y() / size);
    const double latitude = std::atan(std::sinh(n)) * 180.0 / std::numbers::pi;
    return {longitude, latitude};
}

double WebMercator::metresPerPixel(double latitude, int zoom)
{
    return std::cos(latitude * std::numbers::pi / 180.0) * 2.0 * std::numbers::pi * kEarthRadiusMetres /
           worldSize(zoom);
}

} // namespace alpr::map
