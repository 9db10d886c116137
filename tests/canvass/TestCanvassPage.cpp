#include "CanvassFixture.h"
#include "TestStore.h"
#include "audit/AuditLog.h"
#include "canvass/CanvassPage.h"
#include "canvass/Geodesy.h"
#include "common/Paths.h"
#include "common/PurposeInput.h"
#include "map/MapView.h"
#include "map/MbTilesTileSource.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace alpr;
using namespace alpr::test;
using namespace alpr::ui;

namespace {

const GeoPoint kScene{39.2855, -76.6070}; // by the Inner Harbor, on the demo map
const QDateTime kEvening(QDate(2026, 5, 30), QTime(18, 0), Qt::UTC);
const AccessPurpose kPurpose{QStringLiteral("Crime scene canvass"), QStringLiteral("HOM-2026-0142")};

/// The colours a blank (tile-less) map would not have: the demo tiles are drawn when many colours appear.
int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

} // namespace

class TestCanvassPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the map setting is not the user's
    }

    void init()
    {
        m_store = std::make_unique<TestStore>();
        QVERIFY(m_store->isValid());
        m_ids = insertReads(
            m_store->session().database(),
            {makeRead(QStringLiteral("ABC1234"), kScene, kEvening),
             makeRead(QStringLiteral("ABC1234"), kScene, kEvening.addSecs(900), QStringLiteral("CAR-3")),
             makeRead(QStringLiteral("ABC1234"), EllipsoidOffset::north(kScene, 150), kEvening.addSecs(1800)),
             makeRead(QStringLiteral("XYZ987"), EllipsoidOffset::east(kScene, 150), kEvening.addSecs(600)),
             makeRead(QStringLiteral("FARAWAY1"), EllipsoidOffset::east(kScene, 800), kEvening),
             makeRead(QStringLiteral("TOOLATE1"), kScene, kEvening.addSecs(3 * 3600))});
        m_page = std::make_unique<CanvassPage>(m_store->session());
        auto source = map::MbTilesTileSource::open(
            QDir(paths::sourceDirectory()).filePath(QStringLiteral("resources/demo/baltimore_demo_z12-17.mbtiles")));
        QVERIFY(source);
        m_page->setTileSource(std::shared_ptr<map::TileSource>(std::move(*source)));
        m_page->resize(1300, 820);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        map()->setView(kScene.latitude, kScene.longitude, 16);
        map()->setArea(CanvassArea::circle(kScene, 500));
        child<QDateTimeEdit>("toDateTimeEdit")->setDateTime(kEvening.addSecs(2 * 3600));
        child<QDateTimeEdit>("fromDateTimeEdit")->setDateTime(kEvening.addSecs(-600));
        child<PurposeInput>("purposeInput")->setAccessPurpose(kPurpose);
    }

    void cleanup()
    {
        m_page.reset();
        m_store.reset();
    }

    void canvassShowsMarkersRowsAndMap()
    {
        QSignalSpy finished(m_page.get(), &CanvassPage::canvassFinished);
        child<QPushButton>("runPushButton")->click();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toBool(), true);

        auto* tree = child<QTreeWidget>("resultTreeWidget");
        QCOMPARE(tree->topLevelItemCount(), 2);
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("ABC1234"));
        QCOMPARE(tree->topLevelItem(0)->text(1), QStringLiteral("3"));
        QCOMPARE(tree->topLevelItem(0)->text(4), QStringLiteral("CAR-12, CAR-3"));
        QCOMPARE(tree->topLevelItem(1)->text(0), QStringLiteral("XYZ987"));
        QCOMPARE(map()->markers().size(), 4);
        // Two reads at the same spot make one cluster; the other two stand alone at zoom 16 (~80 px apart).
        QCOMPARE(map()->visibleClusters(), 1);
        QCOMPARE(map()->visibleMarkerSymbols(), 2);

        QTRY_COMPARE_WITH_TIMEOUT(map()->pendingTiles(), 0, 10000);
        const QImage shot = map()->grab().toImage();
        QVERIFY2(distinctColours(shot) > 40, "the demo map tiles were not drawn");

        AuditFilter filter;
        filter.action = QStringLiteral("canvass.run");
        const auto records = AuditLog::list(m_store->session().database(), filter);
        QCOMPARE(records->size(), 1);
        QCOMPARE(records->first().caseNumber, QStringLiteral("HOM-2026-0142"));
        QCOMPARE(records->first().outcome, QStringLiteral("results: 4 reads, 2 plates"));
    }

    void listAndMapAreLinked()
    {
        QSignalSpy finished(m_page.get(), &CanvassPage::canvassFinished);
        child<QPushButton>("runPushButton")->click();
        QVERIFY(finished.wait(10000));
        auto* tree = child<QTreeWidget>("resultTreeWidget");

        // Row -> marker.
        tree->setCurrentItem(tree->topLevelItem(1)->child(0));
        QCOMPARE(map()->highlighted(), QSet<qint64>{m_ids[3]});

        // Marker -> row: click the lone read 150 m north of the scene.
        const GeoPoint north = EllipsoidOffset::north(kScene, 150);
        QTest::mouseClick(map(), Qt::LeftButton, {}, map()->screenPosition(north.latitude, north.longitude));
        QVERIFY(tree->currentItem());
        QCOMPARE(tree->currentItem()->parent()->text(0), QStringLiteral("ABC1234"));
        QCOMPARE(map()->highlighted(), QSet<qint64>{m_ids[2]});
    }

    void draggingTheEdgeChangesTheRadius()
    {
        auto* radius = child<QSpinBox>("radiusSpinBox");
        QCOMPARE(radius->value(), 500);
        map()->setArea(CanvassArea::circle(kScene, 450)); // the controls follow the map
        QCOMPARE(radius->value(), 450);
        map()->setArea(CanvassArea::circle(kScene, 500));
        const GeoPoint edge = Geodesy::destination(kScene, 90, 500);
        const GeoPoint target = Geodesy::destination(kScene, 90, 300);
        const QPoint from = map()->screenPosition(edge.latitude, edge.longitude);
        const QPoint to = map()->screenPosition(target.latitude, target.longitude);
        QTest::mousePress(map(), Qt::LeftButton, {}, from);
        QMouseEvent move(QEvent::MouseMove, QPointF(to), map()->mapToGlobal(QPointF(to)), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QApplication::sendEvent(map(), &move);
        QTest::mouseRelease(map(), Qt::LeftButton, {}, to);
        QVERIFY2(std::abs(radius->value() - 300) <= 5, qPrintable(QString::number(radius->value())));
        QCOMPARE(map()->area().kind(), CanvassArea::Kind::Circle);
    }

    void polygonDrawnOnTheMap()
    {
        child<QComboBox>("shapeComboBox")->setCurrentIndex(1); // starts drawing
        // A rectangle from 200 m west to 100 m east of the scene: the read 150 m east stays outside.
        const GeoPoint north = EllipsoidOffset::north(kScene, 200), south = EllipsoidOffset::north(kScene, -200);
        for (const GeoPoint& corner : {EllipsoidOffset::east(north, -200), EllipsoidOffset::east(north, 100),
                                       EllipsoidOffset::east(south, 100), EllipsoidOffset::east(south, -200)})
            QTest::mouseClick(map(), Qt::LeftButton, {}, map()->screenPosition(corner.latitude, corner.longitude));
        QTest::keyClick(map(), Qt::Key_Return);
        QCOMPARE(map()->area().kind(), CanvassArea::Kind::Polygon);
        QCOMPARE(map()->area().vertices().size(), 4);
        QVERIFY(child<QLabel>("areaLabel")->text().startsWith(QStringLiteral("polygon of 4 points")));

        QSignalSpy finished(m_page.get(), &CanvassPage::canvassFinished);
        child<QPushButton>("runPushButton")->click();
        QVERIFY(finished.wait(10000));
        auto* tree = child<QTreeWidget>("resultTreeWidget");
        QCOMPARE(tree->topLevelItemCount(), 1);
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("ABC1234"));
        QCOMPARE(map()->markers().size(), 3);
    }

    void refusedWithoutCase()
    {
        child<PurposeInput>("purposeInput")->setAccessPurpose({kPurpose.purpose, QString()});
        QSignalSpy finished(m_page.get(), &CanvassPage::canvassFinished);
        child<QPushButton>("runPushButton")->click();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(child<QTreeWidget>("resultTreeWidget")->topLevelItemCount(), 0);
        QVERIFY(map()->markers().isEmpty());
    }

    void pdfExportIsWrittenAndAudited()
    {
        QSignalSpy finished(m_page.get(), &CanvassPage::canvassFinished);
        child<QPushButton>("runPushButton")->click();
        QVERIFY(finished.wait(10000));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("canvass.pdf"));
        QSignalSpy exported(m_page.get(), &CanvassPage::exportFinished);
        m_page->exportTo(QStringLiteral("pdf"), path);
        QVERIFY(exported.wait(20000));
        QVERIFY2(exported.first().first().toBool(), qPrintable(exported.first().at(1).toString()));
        QFile pdf(path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QVERIFY(pdf.size() > 20000); // the map image is in it
        AuditFilter filter;
        filter.action = QStringLiteral("canvass.export");
        const auto records = AuditLog::list(m_store->session().database(), filter);
        QCOMPARE(records->size(), 1);
        QVERIFY(records->first().parameters.contains(QStringLiteral("\"format\":\"pdf\"")));
    }

private:
    template <typename T> T* child(const char* name) const
    {
        T* found = m_page->findChild<T*>(QLatin1String(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }
    MapView* map() const { return m_page->mapView(); }

    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<CanvassPage> m_page;
    QList<qint64> m_ids;
};

QTEST_MAIN(TestCanvassPage)
#include "TestCanvassPage.moc"
