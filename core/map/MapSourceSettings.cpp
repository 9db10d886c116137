#include "map/MapSourceSettings.h"

#include "common/Paths.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QUrl>

namespace alpr::map {

namespace {

const QString kKey = QStringLiteral("map/source");
const QString kPathKey = QStringLiteral("map/path");
const QString kUrlKey = QStringLiteral("map/url");
const QString kCacheKey = QStringLiteral("map/cacheDirectory");
const QString kAgeKey = QStringLiteral("map/cacheMaxAgeDays");

// Well-known public tile hosts; a tile server must be the agency's own (see the class comment).
const QStringList kPublicTileHosts{
    QStringLiteral("openstreetmap.org"), QStringLiteral("openstreetmap.fr"),  QStringLiteral("openstreetmap.de"),
    QStringLiteral("arcgisonline.com"),  QStringLiteral("google.com"),        QStringLiteral("googleapis.com"),
    QStringLiteral("mapbox.com"),        QStringLiteral("thunderforest.com"), QStringLiteral("stadiamaps.com"),
    QStringLiteral("carto.com"),         QStringLiteral("cartocdn.com"),      QStringLiteral("opentopomap.org"),
    QStringLiteral("virtualearth.net"),  QStringLiteral("here.com"),          QStringLiteral("maptiler.com"),
    QStringLiteral("wikimedia.org")};

} // namespace

MapSourceSettings MapSourceSettings::load(const QSettings& settings)
{
    MapSourceSettings s;
    const QString kind = settings.value(kKey).toString();
    s.kind = kind == QLatin1String("xyz")        ? Kind::XyzFolder
             : kind == QLatin1String("intranet") ? Kind::IntranetServer
                                                 : Kind::MbTiles;
    s.path = settings.value(kPathKey).toString();
    s.urlTemplate = settings.value(kUrlKey).toString();
    s.cacheDirectory = settings.value(kCacheKey).toString();
    s.cacheMaxAgeDays = settings.value(kAgeKey, 30).toInt();
    if (s.kind == Kind::MbTiles && s.path.isEmpty())
        s.path = demoMapPath();
    return s;
}

void MapSourceSettings::save(QSettings& settings) const
{
    settings.setValue(kKey, kind == Kind::XyzFolder        ? QStringLiteral("xyz")
                            : kind == Kind::IntranetServer ? QStringLiteral("intranet")
                                                           : QStringLiteral("mbtiles"));
    settings.setValue(kPathKey, path);
    settings.setValue(kUrlKey, urlTemplate);
    settings.setValue(kCacheKey, cacheDirectory);
    settings.setValue(kAgeKey, cacheMaxAgeDays);
}

QString MapSourceSettings::demoMapPath()
{
    const QString path =
        QDir(paths::sourceDirectory()).filePath(QStringLiteral("resources/demo/baltimore_demo_z12-17.mbtiles"));
    return QFileInfo::exists(path) ? path : QString();
}

VoidResult MapSourceSettings::validate() const
{
    if (kind != Kind::IntranetServer) {
        if (path.isEmpty())
            return fail(ErrorCode::InvalidInput, QStringLiteral("Choose a map file or tile folder"));
        return {};
    }
    const QUrl url(urlTemplate);
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
        !urlTemplate.contains(QLatin1String("{z}")) || !urlTemplate.contains(QLatin1String("{x}")) ||
        !urlTemplate.contains(QLatin1String("{y}")))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The tile server address must be an http(s) URL with {z}, {x} and {y}"));
    const QString host = url.host().toLower();
    for (const QString& publicHost : kPublicTileHosts) {
        if (host == publicHost || host.endsWith(QLatin1Char('.') + publicHost))
            return fail(ErrorCode::InvalidInput,
                        QStringLiteral("%1 is a public tile server; use the agency's own tile server").arg(host));
    }
    if (cacheDirectory.isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("Choose a folder for the tile cache"));
    return {};
}

} // namespace alpr::map
