// MBTiles map files (SQLite) as an agency hands them out or a detective picks one in the map settings: any bytes,
// written to a file and opened through the same read-only, unkeyed store connection the workstation uses. A file
// that opens must report zoom levels a tile key can have and, if it names a centre, one on the globe; reading tiles
// from it must not crash.

#include "map/MbTilesTileSource.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using alpr::map::MbTilesTileSource;
    using alpr::map::TileKey;
    // One folder for the whole run (creating one per input would dominate the run time); the file is rewritten.
    static const QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("fuzz.mbtiles"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            std::abort();
        file.write(reinterpret_cast<const char*>(data), static_cast<qint64>(size));
    }
    auto source = MbTilesTileSource::open(path);
    if (!source)
        return 0;
    const MbTilesTileSource& map = **source;
    if (map.minZoom() < 0 || map.maxZoom() > 24 || map.minZoom() > map.maxZoom())
        std::abort();
    if (map.hasCentre() && !(map.centreLatitude() >= -90.0 && map.centreLatitude() <= 90.0 &&
                             map.centreLongitude() >= -180.0 && map.centreLongitude() <= 180.0))
        std::abort();
    (void)map.describe();
    for (const int zoom : {map.minZoom(), map.maxZoom()}) {
        const int last = (1 << zoom) - 1;
        for (const TileKey key : {TileKey{zoom, 0, 0}, TileKey{zoom, last, last}, TileKey{zoom, last / 2, last / 3}})
            (void)(*source)->tile(key);
    }
    return 0;
}
