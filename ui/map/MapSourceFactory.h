#pragma once

#include "common/Result.h"
#include "map/MapSourceSettings.h"
#include "map/TileSource.h"

#include <memory>

namespace alpr::ui {

/// Turns the map source setting into a tile source (the intranet server needs QtNetwork, so this lives in ui/).
class MapSourceFactory {
public:
    [[nodiscard]] static Result<std::shared_ptr<map::TileSource>> create(const map::MapSourceSettings& settings);
};

} // namespace alpr::ui
