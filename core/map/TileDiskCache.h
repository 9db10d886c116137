#pragma once

#include "map/TileKey.h"

#include <QByteArray>
#include <QString>

namespace alpr::map {

/// Tiles fetched from the agency's tile server, kept on disk as {z}/{x}/{y}.tile so the map keeps working when the
/// server is unreachable. Writes are atomic (QSaveFile), so concurrent loaders never see half a tile.
class TileDiskCache {
public:
    struct Entry {
        QByteArray bytes;   ///< empty when not cached
        bool fresh = false; ///< younger than the maximum age
    };

    TileDiskCache(QString directory, int maxAgeDays) : m_directory(std::move(directory)), m_maxAgeDays(maxAgeDays) {}

    [[nodiscard]] Entry lookup(const TileKey& key) const;
    /// False when the cache folder cannot be written (the tile is still shown, only not kept).
    bool store(const TileKey& key, const QByteArray& bytes) const;
    [[nodiscard]] const QString& directory() const { return m_directory; }

private:
    [[nodiscard]] QString pathFor(const TileKey& key) const;
    QString m_directory;
    int m_maxAgeDays;
};

} // namespace alpr::map
