#include "map/MarkerClusterer.h"

#include <QTest>

using namespace alpr::ui;

class TestMarkerClusterer : public QObject {
    Q_OBJECT

private slots:
    void nearbyMarkersCluster()
    {
        const QList<QPointF> points{{10, 10}, {20, 30}, {40, 40}, {100, 10}, {500, 500}};
        const QList<MarkerCluster> clusters = MarkerClusterer::cluster(points, {}, 44);
        QCOMPARE(clusters.size(), 3);
        QCOMPARE(clusters[0].markerIndexes, (QList<int>{0, 1, 2}));
        QCOMPARE(clusters[0].position, QPointF(70.0 / 3, 80.0 / 3));
        QVERIFY(!clusters[1].isCluster());
        QVERIFY(!clusters[2].isCluster());
    }

    void highlightedStaysSeparate()
    {
        const QList<QPointF> points{{10, 10}, {12, 12}, {14, 14}};
        const QList<MarkerCluster> clusters = MarkerClusterer::cluster(points, {1}, 44);
        QCOMPARE(clusters.size(), 2);
        QCOMPARE(clusters[0].markerIndexes, (QList<int>{0, 2}));
        QCOMPARE(clusters[1].markerIndexes, QList<int>{1});
    }
};

QTEST_GUILESS_MAIN(TestMarkerClusterer)
#include "TestMarkerClusterer.moc"
