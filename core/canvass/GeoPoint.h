#pragma once

namespace alpr {

/// A WGS84 position in decimal degrees (latitude north, longitude east).
struct GeoPoint {
    double latitude = 0.0;
    double longitude = 0.0;

    [[nodiscard]] bool isValid() const
    {
        return latitude >= -90.0 && latitude <= 90.0 && longitude >= -180.0 && longitude <= 180.0;
    }
    friend bool operator==(const GeoPoint&, const GeoPoint&) = default;
};

} // namespace alpr
