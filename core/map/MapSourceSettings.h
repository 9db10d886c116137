#pragma once

#include "common/Result.h"

#include <QString>

class QSettings;

namespace alpr::map {

/// Which map the workstation shows: a setting, because every agency has its own. MBTiles file (default: the demo
/// map in a source checkout), XYZ tile folder, or the agency's intranet tile server with an on-disk cache. The
/// server is off unless configured, and public tile servers are refused: workstations are offline by policy, and
/// a tile request would tell an outside server where detectives are looking.
struct MapSourceSettings {
    enum class Kind { MbTiles, XyzFolder, IntranetServer };

    Kind kind = Kind::MbTiles;
    QString path;        ///< MBTiles file or tile folder
    QString urlTemplate; ///< e.g. https://tiles.agency.local/osm/{z}/{x}/{y}.png
    QString cacheDirectory;
    int cacheMaxAgeDays = 30;

    /// Reads group "map"; an empty setting falls back to the demo map when it exists.
    [[nodiscard]] static MapSourceSettings load(const QSettings& settings);
    void save(QSettings& settings) const;
    /// resources/demo/baltimore_demo_z12-17.mbtiles in the source tree, or empty.
    [[nodiscard]] static QString demoMapPath();
    /// InvalidInput for an empty path, a URL without {z}/{x}/{y}, or a public tile server.
    [[nodiscard]] VoidResult validate() const;
};

} // namespace alpr::map
