#pragma once

#include "map/TileDiskCache.h"
#include "map/TileSource.h"

namespace alpr::ui {

/// Tiles from the agency's own tile server (MapSourceSettings refuses public ones), kept in a disk cache so the map
/// still works when the server is down. tile() blocks: the map view calls it on its loader pool, where each call
/// runs a short event loop of its own for the request (10 s timeout).
class IntranetTileSource final : public map::TileSource {
public:
    IntranetTileSource(QString urlTemplate, map::TileDiskCache cache, QString attribution = {});

    [[nodiscard]] Result<QByteArray> tile(const map::TileKey& key) override;
    [[nodiscard]] QString attribution() const override { return m_attribution; }
    [[nodiscard]] int minZoom() const override { return 0; }
    [[nodiscard]] int maxZoom() const override { return 19; }
    [[nodiscard]] QString describe() const override;

private:
    QString m_urlTemplate;
    map::TileDiskCache m_cache;
    QString m_attribution;
};

} // namespace alpr::ui
