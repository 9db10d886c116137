#include "common/Paths.h"
#include "map/MapSourceSettings.h"
#include "map/MbTilesTileSource.h"
#include "map/TileDiskCache.h"
#include "map/WebMercator.h"
#include "map/XyzFolderTileSource.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace alpr;
using namespace alpr::map;

namespace {
QString demoMap()
{
    return QDir(paths::sourceDirectory()).filePath(QStringLiteral("resources/demo/baltimore_demo_z12-17.mbtiles"));
}

TileKey tileAt(double latitude, double longitude, int zoom)
{
    const QPointF p = WebMercator::project(latitude, longitude, zoom);
    return {zoom, int(p.x()) / WebMercator::kTileSize, int(p.y()) / WebMercator::kTileSize};
}
} // namespace

class TestMapTiles : public QObject {
    Q_OBJECT

private slots:
    void demoMapReadsTilesInXyzOrder()
    {
        auto source = MbTilesTileSource::open(demoMap());
        QVERIFY2(source, qPrintable(source ? QString() : source.error().toString()));
        QCOMPARE((*source)->minZoom(), 12);
        QCOMPARE((*source)->maxZoom(), 17);
        QVERIFY((*source)->attribution().contains(QStringLiteral("© OpenStreetMap contributors")));
        // Inner Harbor is on the map at every zoom; the MBTiles TMS row must be flipped to find it.
        for (int zoom = 12; zoom <= 17; ++zoom) {
            const auto bytes = (*source)->tile(tileAt(39.2855, -76.6100, zoom));
            QVERIFY(bytes);
            QVERIFY2(bytes->startsWith("\x89PNG"), qPrintable(QStringLiteral("zoom %1").arg(zoom)));
        }
        // Off the map and beyond its zooms: no tile, no error.
        QVERIFY((*source)->tile(tileAt(40.5, -75.0, 15))->isEmpty());
        QVERIFY((*source)->tile(tileAt(39.2855, -76.6100, 18))->isEmpty());
        QVERIFY((*source)->hasCentre());
    }

    void badMapFiles()
    {
        QCOMPARE(MbTilesTileSource::open(QStringLiteral("/nonexistent/map.mbtiles")).error().code, ErrorCode::Io);
        QTemporaryDir dir;
        const QString notMbtiles = dir.filePath(QStringLiteral("notes.mbtiles"));
        QFile file(notMbtiles);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("these are not map tiles");
        file.close();
        QCOMPARE(MbTilesTileSource::open(notMbtiles).error().code, ErrorCode::Corrupt);
    }

    void xyzFolder()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("15/9371/12537")));
        QFile tile(dir.filePath(QStringLiteral("15/9371/12537.png")));
        QVERIFY(tile.open(QIODevice::WriteOnly));
        tile.write("\x89PNG fake");
        tile.close();
        auto source = XyzFolderTileSource::open(dir.path());
        QVERIFY(source);
        QCOMPARE(*(*source)->tile({15, 9371, 12537}), QByteArray("\x89PNG fake"));
        QVERIFY((*source)->tile({15, 9371, 12538})->isEmpty());
        QCOMPARE((*source)->attribution(), QStringLiteral("© OpenStreetMap contributors"));
        QCOMPARE(XyzFolderTileSource::open(dir.filePath(QStringLiteral("absent"))).error().code, ErrorCode::Io);
    }

    void diskCacheRoundTrip()
    {
        QTemporaryDir dir;
        const TileDiskCache cache(dir.path(), 30);
        QVERIFY(cache.lookup({3, 1, 2}).bytes.isEmpty());
        QVERIFY(cache.store({3, 1, 2}, "tile bytes"));
        const TileDiskCache::Entry entry = cache.lookup({3, 1, 2});
        QCOMPARE(entry.bytes, QByteArray("tile bytes"));
        QVERIFY(entry.fresh);
        QVERIFY(!TileDiskCache(dir.path(), -1).lookup({3, 1, 2}).fresh);
    }

    void mercatorRoundTrip()
    {
        for (double latitude : {-60.0, 0.0, 39.2826, 65.0}) {
            const QPointF p = WebMercator::project(latitude, -76.5685, 16);
            const QPointF back = WebMercator::unproject(p, 16);
            QVERIFY(std::abs(back.y() - latitude) < 1e-9);
            QVERIFY(std::abs(back.x() + 76.5685) < 1e-9);
        }
        QCOMPARE(WebMercator::project(0, 0, 1), QPointF(256, 256));
        QVERIFY(std::abs(WebMercator::metresPerPixel(0, 0) - 156543.03) < 0.01);
    }

    void publicTileServersRefused()
    {
        MapSourceSettings s;
        s.kind = MapSourceSettings::Kind::IntranetServer;
        s.cacheDirectory = QStringLiteral("/tmp/tiles");
        s.urlTemplate = QStringLiteral("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
        QCOMPARE(s.validate().error().code, ErrorCode::InvalidInput);
        s.urlTemplate = QStringLiteral("https://a.basemaps.cartocdn.com/light_all/{z}/{x}/{y}.png");
        QVERIFY(!s.validate());
        s.urlTemplate = QStringLiteral("https://tiles.pd.example.gov/osm/{z}/{x}/{y}.png");
        QVERIFY(s.validate());
        s.urlTemplate = QStringLiteral("https://tiles.pd.example.gov/osm/tile.png");
        QVERIFY(!s.validate());
    }
};

QTEST_GUILESS_MAIN(TestMapTiles)
#include "TestMapTiles.moc"
