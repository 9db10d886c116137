#pragma once

#include <QHashFunctions>

namespace alpr::map {

/// A slippy-map tile: zoom, column from the west, row from the north (XYZ / Google scheme, not TMS).
struct TileKey {
    int zoom = 0;
    int x = 0;
    int y = 0;

    [[nodiscard]] bool isValid() const
    {
        return zoom >= 0 && zoom <= 24 && x >= 0 && y >= 0 && x < (1 << zoom) && y < (1 << zoom);
    }
    friend bool operator==(const TileKey&, const TileKey&) = default;
};

inline size_t qHash(const TileKey& key, size_t seed = 0)
{
    return qHashMulti(seed, key.zoom, key.x, key.y);
}

} // namespace alpr::map
