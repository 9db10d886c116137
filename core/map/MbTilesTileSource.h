#pragma once

#include "map/TileSource.h"
#include "store/Database.h"

#include <QMutex>

#include <memory>

namespace alpr::map {

/// Tiles from an MBTiles file (SQLite, TMS row order), read through an unkeyed, read-only store connection. One
/// connection serialized by a mutex: a tile read is a single indexed lookup, far cheaper than the PNG decode that
/// follows it on the caller's thread.
class MbTilesTileSource final : public TileSource {
public:
    /// Io when the file is missing; Corrupt when it is not an MBTiles file.
    [[nodiscard]] static Result<std::unique_ptr<MbTilesTileSource>> open(const QString& path);

    [[nodiscard]] Result<QByteArray> tile(const TileKey& key) override;
    [[nodiscard]] QString attribution() const override { return m_attribution; }
    [[nodiscard]] int minZoom() const override { return m_minZoom; }
    [[nodiscard]] int maxZoom() const override { return m_maxZoom; }
    [[nodiscard]] QString describe() const override;
    /// The metadata's centre (lat, lon, zoom), when the file has one: where a fresh view starts.
    [[nodiscard]] bool hasCentre() const { return m_hasCentre; }
    [[nodiscard]] double centreLatitude() const { return m_centreLatitude; }
    [[nodiscard]] double centreLongitude() const { return m_centreLongitude; }
    [[nodiscard]] int centreZoom() const { return m_centreZoom; }

private:
    explicit MbTilesTileSource(store::Database db) : m_db(std::move(db)) {}

    QMutex m_mutex;
    store::Database m_db;
    QString m_name;
    QString m_attribution;
    int m_minZoom = 0;
    int m_maxZoom = 18;
    bool m_hasCentre = false;
    double m_centreLatitude = 0;
    double m_centreLongitude = 0;
    int m_centreZoom = 0;
};

} // namespace alpr::map
