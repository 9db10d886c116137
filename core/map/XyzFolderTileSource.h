#pragma once

#include "map/TileSource.h"

namespace alpr::map {

/// Tiles from a folder laid out as {z}/{x}/{y}.png (or .jpg), as tile renderers and downloaders write them. An
/// attribution.txt in the folder overrides the default OpenStreetMap attribution.
class XyzFolderTileSource final : public TileSource {
public:
    /// Io when the folder does not exist.
    [[nodiscard]] static Result<std::unique_ptr<XyzFolderTileSource>> open(const QString& directory, int minZoom = 0,
                                                                           int maxZoom = 19);

    [[nodiscard]] Result<QByteArray> tile(const TileKey& key) override;
    [[nodiscard]] QString attribution() const override { return m_attribution; }
    [[nodiscard]] int minZoom() const override { return m_minZoom; }
    [[nodiscard]] int maxZoom() const override { return m_maxZoom; }
    [[nodiscard]] QString describe() const override;

private:
    XyzFolderTileSource() = default;
    QString m_directory;
    QString m_attribution;
    int m_minZoom = 0;
    int m_maxZoom = 19;
};

} // namespace alpr::map
