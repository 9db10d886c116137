#include "map/MbTilesTileSource.h"

#include "store/Statement.h"

#include <QFileInfo>
#include <QMutexLocker>

namespace alpr::map {

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
                source->m_minZoom = value.toInt();
            } else if (name == QLatin1String("maxzoom")) {
                source->m_maxZoom = value.toInt();
            } else if (name == QLatin1String("center")) {
                const QStringList parts = value.split(QLatin1Char(','));
                if (parts.size() == 3) {
                    source->m_hasCentre = true;
                    source->m_centreLongitude = parts[0].toDouble();
                    source->m_centreLatitude = parts[1].toDouble();
                    source->m_centreZoom = parts[2].toInt();
                }
            }
        }
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
