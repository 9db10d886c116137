#include "map/XyzFolderTileSource.h"

#include <QDir>
#include <QFile>

#include <memory>

namespace alpr::map {

Result<std::unique_ptr<XyzFolderTileSource>> XyzFolderTileSource::open(const QString& directory, int minZoom,
                                                                       int maxZoom)
{
    if (!QDir(directory).exists())
        return fail(ErrorCode::Io, QStringLiteral("The tile folder %1 does not exist").arg(directory));
    std::unique_ptr<XyzFolderTileSource> source(new XyzFolderTileSource);
    source->m_directory = QDir(directory).absolutePath();
    source->m_minZoom = minZoom;
    source->m_maxZoom = maxZoom;
    QFile attribution(QDir(directory).filePath(QStringLiteral("attribution.txt")));
    if (attribution.open(QIODevice::ReadOnly))
        source->m_attribution = QString::fromUtf8(attribution.readAll()).trimmed().section(QLatin1Char('\n'), 0, 0);
    if (source->m_attribution.isEmpty())
        source->m_attribution = defaultAttribution();
    return source;
}

Result<QByteArray> XyzFolderTileSource::tile(const TileKey& key)
{
    if (!key.isValid() || key.zoom < m_minZoom || key.zoom > m_maxZoom)
        return QByteArray();
    for (const char* extension : {"png", "jpg", "jpeg"}) {
        QFile file(QStringLiteral("%1/%2/%3/%4.%5")
                       .arg(m_directory)
                       .arg(key.zoom)
                       .arg(key.x)
                       .arg(key.y)
                       .arg(QLatin1String(extension)));
        if (!file.exists())
            continue;
        if (!file.open(QIODevice::ReadOnly))
            return fail(ErrorCode::Io, QStringLiteral("Cannot read a map tile"), file.fileName());
        return file.readAll();
    }
    return QByteArray();
}

QString XyzFolderTileSource::describe() const
{
    return QStringLiteral("tile folder %1, zoom %2-%3").arg(m_directory).arg(m_minZoom).arg(m_maxZoom);
}

} // namespace alpr::map
