// canvass_screenshot OUTPUT.png: the canvass page on the demo map with synthetic reads placed on real streets
// (resources/demo/streets.csv), one canvass run and one plate selected, grabbed with QWidget::grab(). For the
// README screenshot; run it under a real X server (xvfb-run) so fonts and styles are the desktop's.
#include "CanvassFixture.h"
#include "TestStore.h"
#include "canvass/CanvassPage.h"
#include "canvass/CanvassService.h"
#include "canvass/Geodesy.h"
#include "common/Paths.h"
#include "common/PurposeInput.h"
#include "map/MapView.h"
#include "map/MbTilesTileSource.h"

#include <QApplication>
#include <QDateTimeEdit>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTreeWidget>

#include <cstdio>

using namespace alpr;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: canvass_screenshot OUTPUT.png\n");
        return 1;
    }
    const GeoPoint scene{39.2868, -76.6050};
    const QDateTime evening(QDate(2026, 5, 30), QTime(21, 0), Qt::UTC);
    const AccessPurpose purpose{QStringLiteral("Crime scene canvass"), QStringLiteral("HOM-2026-0142")};

    QList<GeoPoint> streets;
    QFile csv(QDir(paths::sourceDirectory()).filePath(QStringLiteral("resources/demo/streets.csv")));
    if (!csv.open(QIODevice::ReadOnly))
        return 1;
    while (!csv.atEnd()) {
        const QList<QByteArray> cells = csv.readLine().split(',');
        bool ok = false;
        const double lat = cells.value(0).toDouble(&ok);
        if (ok && Geodesy::distanceMetres(scene, {lat, cells.value(1).toDouble()}) < 450)
            streets.append({lat, cells.value(1).toDouble()});
    }
    test::TestStore store;
    QRandomGenerator random(7);
    QList<PlateRead> reads;
    const QStringList regulars{QStringLiteral("8BKT412"), QStringLiteral("2FJM778"), QStringLiteral("6RWC035")};
    for (int i = 0; i < 70; ++i) {
        const QString plate =
            i % 5 == 0
                ? regulars[i % 3]
                : QStringLiteral("%1%2").arg(QChar(u'A' + random.bounded(26))).arg(random.bounded(100000, 999999));
        reads.append(test::makeRead(plate, streets[random.bounded(int(streets.size()))],
                                    evening.addSecs(random.bounded(2 * 3600)),
                                    QStringLiteral("CAR-%1").arg(random.bounded(1, 6), 2, 10, QLatin1Char('0'))));
    }
    // The suspect car, also read near the second scene where it was found.
    const GeoPoint found{39.2905, -76.6000};
    reads.append(
        test::makeRead(QStringLiteral("7LKE221"), test::EllipsoidOffset::north(scene, 60), evening.addSecs(1200)));
    reads.append(test::makeRead(QStringLiteral("7LKE221"), found, evening.addSecs(4000)));
    test::insertReads(store.session().database(), reads);
    (void)CanvassService(store.session(), store.session().database())
        .saveScene(QStringLiteral("Vehicle found, Charles St"),
                   {CanvassArea::circle(found, 200), evening, evening.addSecs(3 * 3600)}, purpose);

    ui::CanvassPage page(store.session());
    auto source = map::MbTilesTileSource::open(
        QDir(paths::sourceDirectory()).filePath(QStringLiteral("resources/demo/baltimore_demo_z12-17.mbtiles")));
    if (!source)
        return 1;
    page.setTileSource(std::shared_ptr<map::TileSource>(std::move(*source)));
    page.setWindowTitle(QStringLiteral("Canvass — ALPR investigator workstation"));
    page.resize(1400, 900);
    page.show();
    page.mapView()->setView(scene.latitude, scene.longitude, 16);
    page.mapView()->setArea(CanvassArea::circle(scene, 400));
    page.findChild<QDateTimeEdit*>(QStringLiteral("toDateTimeEdit"))->setDateTime(evening.addSecs(2 * 3600));
    page.findChild<QDateTimeEdit*>(QStringLiteral("fromDateTimeEdit"))->setDateTime(evening);
    page.findChild<ui::PurposeInput*>(QStringLiteral("purposeInput"))->setAccessPurpose(purpose);
    QSignalSpy finished(&page, &ui::CanvassPage::canvassFinished);
    page.runCanvass();
    if (!finished.wait(10000))
        return 1;
    auto* tree = page.findChild<QTreeWidget*>(QStringLiteral("resultTreeWidget"));
    tree->topLevelItem(1)->setExpanded(true);
    tree->setCurrentItem(tree->topLevelItem(1));
    for (int i = 0; i < 100 && page.mapView()->pendingTiles() > 0; ++i)
        QTest::qWait(50);
    QTest::qWait(300);
    return page.grab().save(QString::fromLocal8Bit(argv[1])) ? 0 : 1;
}
