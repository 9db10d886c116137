#pragma once

#include "common/Result.h"
#include "map/TileKey.h"

#include <QByteArray>
#include <QString>

namespace alpr::map {

/// Where map tiles come from. Implementations are safe to call from several threads at once (the map view loads
/// tiles on a pool). A tile the source does not have is an empty QByteArray, not an error: maps have edges.
class TileSource {
public:
    virtual ~TileSource() = default;

    /// The encoded image (PNG or JPEG) of one tile. Io or Corrupt when the source itself fails.
    [[nodiscard]] virtual Result<QByteArray> tile(const TileKey& key) = 0;
    /// Shown on every view of the map, as the tile licence requires (e.g. "© OpenStreetMap contributors").
    [[nodiscard]] virtual QString attribution() const = 0;
    [[nodiscard]] virtual int minZoom() const = 0;
    [[nodiscard]] virtual int maxZoom() const = 0;
    /// One line for settings and logs.
    [[nodiscard]] virtual QString describe() const = 0;
};

/// Every map view must show this; sources without an attribution of their own use it.
inline QString defaultAttribution()
{
    return QStringLiteral("© OpenStreetMap contributors");
}

} // namespace alpr::map
