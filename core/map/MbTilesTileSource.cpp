#include "map/MbTilesTileSource.h"

#include "store/Statement.h"

#include <QFileInfo>
#include <QMutexLocker>

#include <utility>

namespace alpr::map {

namespace {

// Zoom levels come from the file's metadata table: anything that is not a slippy-map zoom (0-24, what TileKey
// allows) keeps the fallback, so a hostile file cannot make the view ask for 2^99 tiles.
int zoomLevel(const QString& text, int fallback)
{
    bool ok = false;
    const int zoom = text.trimmed().toInt(&ok);
    return ok && zoom >= 0 && zoom <= 24 ? zoom : fallback;
}

} // namespace

Result<std::unique_ptr<MbTilesTileSource>> MbTilesTileSource::open(const QString& path)
{
    if (!QFileInfo(path).isFile())
        return fail(ErrorCode::Io, QStringLiteral("The map file %1 does not exist").arg(path));
    auto db = store::Database::openPlain(path, true);
    if (!db)
        return std::unexpected(db.error());
    std::unique_ptr<MbTilesTileSource> source(new MbTilesTileSource(std::move(*db)));
    auto loaded = guarded([&] {
        auto metadata = source->m_db.prepare(QStringLiteral("SELECT name, value FROM metadata"));
        while (metadata.step()) {
            const QString name = metadata.text(0);
            const QString value = metadata.text(1);
            if (name == QLatin1String("name")) {
                source->m_name = value;
            } else if (name == QLatin1String("attribution")) {
                source->m_attribution = value;
            } else if (name == QLatin1String("minzoom")) {
                source->m_minZoom = zoomLevel(value, source->m_minZoom);
            } else if (name == QLatin1String("maxzoom")) {
                source->m_maxZoom = zoomLevel(value, source->m_maxZoom);
            } else if (name == QLatin1String("center")) {
                const QStringList parts = value.split(QLatin1Char(','));
                bool lonOk = false;
                bool latOk = false;
                const double longitude = parts.value(0).toDouble(&lonOk);
                const double latitude = parts.value(1).toDouble(&latOk);
                // A centre off the globe (NaN, 1e300) would put the first view nowhere: ignored, as if absent.
                if (parts.size() == 3 && lonOk && latOk && latitude >= -90.0 && latitude <= 90.0 &&
                    longitude >= -180.0 && longitude <= 180.0) {
                    source->m_hasCentre = true;
                    source->m_centreLongitude = longitude;
                    source->m_centreLatitude = latitude;
                    source->m_centreZoom = zoomLevel(parts[2], 0);
                }
            }
        }
        if (source->m_minZoom > source->m_maxZoom)
            std::swap(source->m_minZoom, source->m_maxZoom);
        // Proves the tiles table is there before the view asks for the first tile.
        (void)source->m_db.queryInt64(QStringLiteral("SELECT count(*) FROM tiles WHERE zoom_level = -1"));
    });
    if (!loaded)
        return fail(ErrorCode::Corrupt, QStringLiteral("%1 is not an MBTiles map").arg(path), loaded.error().detail);
    if (source->m_attribution.isEmpty())
        source->m_attribution = defaultAttribution();
    return source;
}

Result<QByteArray> MbTilesTileSource::tile(const TileKey& key)
{
    if (!key.isValid() || key.zoom < m_minZoom || key.zoom > m_maxZoom)
        return QByteArray();
    QMutexLocker lock(&m_mutex);
    return guarded([&] {
        auto statement = m_db.prepare(
            QStringLiteral("SELECT tile_data FROM tiles WHERE zoom_level = ?1 AND tile_column = ?2 AND tile_row = ?3"));
        // MBTiles rows count from the south (TMS).
        statement.bind(1, key.zoom).bind(2, key.x).bind(3, (1 << key.zoom) - 1 - key.y);
        return statement.step() ? statement.blob(0) : QByteArray();
    });
}

QString MbTilesTileSource::describe() const
{
    return QStringLiteral("MBTiles %1 (%2), zoom %3-%4").arg(m_db.path(), m_name).arg(m_minZoom).arg(m_maxZoom);
}

} // namespace alpr::map
