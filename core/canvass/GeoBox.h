#pragma once

namespace alpr {

/// A latitude/longitude rectangle in degrees that never crosses the antimeridian (an area that does is split in
/// two boxes). It is the coarse filter handed to the spatial index; exact containment is tested afterwards.
struct GeoBox {
    double minLatitude = 0.0;
    double maxLatitude = 0.0;
    double minLongitude = 0.0;
    double maxLongitude = 0.0;

    [[nodiscard]] bool contains(double latitude, double longitude) const
    {
        return latitude >= minLatitude && latitude <= maxLatitude && longitude >= minLongitude &&
               longitude <= maxLongitude;
    }
};

} // namespace alpr
