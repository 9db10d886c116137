#include "map/TileDiskCache.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace alpr::map {

QString TileDiskCache::pathFor(const TileKey& key) const
{
    return QStringLiteral("%1/%2/%3/%4.tile").arg(m_directory).arg(key.zoom).arg(key.x).arg(key.y);
}

TileDiskCache::Entry TileDiskCache::lookup(const TileKey& key) const
{
    QFile file(pathFor(key));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QDateTime modified = QFileInfo(file).lastModified();
    return {file.readAll(), modified.addDays(m_maxAgeDays) > QDateTime::currentDateTime()};
}

bool TileDiskCache::store(const TileKey& key, const QByteArray& bytes) const
{
    const QString path = pathFor(key);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return false;
    return file.commit();
}

} // namespace alpr::map
