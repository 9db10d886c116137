#pragma once

#include <QDateTime>
#include <QStringList>

#include <optional>

namespace alpr {

/// A map rectangle in WGS84 degrees.
struct GeoRect {
    double south = 0, west = 0, north = 0, east = 0;
    [[nodiscard]] bool isValid() const
    {
        return south >= -90 && north <= 90 && south <= north && west >= -180 && east <= 180 && west <= east;
    }
};

/// Narrows a search to reads taken in a time range, by some units, above a confidence, inside a rectangle.
/// Empty or unset members do not filter.
struct SearchFilters {
    QDateTime fromUtc;
    QDateTime toUtc;
    QStringList units;
    std::optional<double> minConfidence;
    std::optional<GeoRect> area;
};

/// What the detective typed: the pattern (PlatePattern grammar), the tolerance (0 exact, 1 look-alikes, 2 plus one
/// edit), the filters and how many reads to return at most (the best ranked).
struct SearchQuery {
    static constexpr int kDefaultLimit = 100000;
    static constexpr int kMaxLimit = 2000000;

    QString pattern;
    int tolerance = 0;
    SearchFilters filters;
    int limit = kDefaultLimit;
};

} // namespace alpr
