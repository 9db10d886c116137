#include "map/MapSourceFactory.h"

#include "map/IntranetTileSource.h"
#include "map/MbTilesTileSource.h"
#include "map/XyzFolderTileSource.h"

namespace alpr::ui {

Result<std::shared_ptr<map::TileSource>> MapSourceFactory::create(const map::MapSourceSettings& settings)
{
    if (auto valid = settings.validate(); !valid)
        return std::unexpected(valid.error());
    switch (settings.kind) {
    case map::MapSourceSettings::Kind::MbTiles: {
        auto source = map::MbTilesTileSource::open(settings.path);
        if (!source)
            return std::unexpected(source.error());
        return std::shared_ptr<map::TileSource>(std::move(*source));
    }
    case map::MapSourceSettings::Kind::XyzFolder: {
        auto source = map::XyzFolderTileSource::open(settings.path);
        if (!source)
            return std::unexpected(source.error());
        return std::shared_ptr<map::TileSource>(std::move(*source));
    }
    case map::MapSourceSettings::Kind::IntranetServer:
        break;
    }
    return std::shared_ptr<map::TileSource>(std::make_shared<IntranetTileSource>(
        settings.urlTemplate, map::TileDiskCache(settings.cacheDirectory, settings.cacheMaxAgeDays)));
}

} // namespace alpr::ui
