#include "CanvassFixture.h"
#include "canvass/Geodesy.h"

#include <QTest>

using namespace alpr;
using alpr::test::EllipsoidOffset;

class TestGeodesy : public QObject {
    Q_OBJECT

private slots:
    void distanceMatchesEllipsoid_data()
    {
        QTest::addColumn<double>("latitude");
        QTest::newRow("Baltimore demo map") << 39.2850;
        QTest::newRow("65 N") << 65.0;
        QTest::newRow("equator") << 0.0;
        QTest::newRow("southern") << -33.9;
    }
    void distanceMatchesEllipsoid()
    {
        QFETCH(double, latitude);
        const GeoPoint centre{latitude, 20.0};
        for (double metres : {10.0, 500.0, 2000.0}) {
            QVERIFY(std::abs(Geodesy::distanceMetres(centre, EllipsoidOffset::north(centre, metres)) - metres) < 0.01);
            QVERIFY(std::abs(Geodesy::distanceMetres(centre, EllipsoidOffset::east(centre, metres)) - metres) < 0.01);
        }
    }

    void knownLongDistance()
    {
        // Flinders Peak to Buninyong, Vincenty's own test line: 54 972.271 m.
        const GeoPoint flinders{-(37 + 57.0 / 60 + 3.72030 / 3600), 144 + 25.0 / 60 + 29.52440 / 3600};
        const GeoPoint buninyong{-(37 + 39.0 / 60 + 10.15610 / 3600), 143 + 55.0 / 60 + 35.38390 / 3600};
        QCOMPARE(qRound(Geodesy::distanceMetres(flinders, buninyong) * 1000), 54972271);
    }

    void sphereWouldMissTheEdge()
    {
        // At 65 N a mean-radius haversine is ~0.27 % short north-south: the reason containment is geodesic.
        const GeoPoint centre{65.0, 25.0};
        const GeoPoint outside = EllipsoidOffset::north(centre, 500.5);
        QVERIFY(Geodesy::haversineMetres(centre, outside) < 500.0);
        QVERIFY(Geodesy::distanceMetres(centre, outside) > 500.0);
    }

    void boundingBoxCoversCircle()
    {
        for (double latitude : {0.0, 39.285, 65.0, -80.0}) {
            const GeoPoint centre{latitude, 10.0};
            const QList<GeoBox> boxes = Geodesy::boundingBoxes(centre, 2000.0);
            QCOMPARE(boxes.size(), 1);
            for (int bearing = 0; bearing < 360; bearing += 5) {
                const GeoPoint edge = Geodesy::destination(centre, bearing, 1999.0);
                QVERIFY2(boxes.first().contains(edge.latitude, edge.longitude),
                         qPrintable(QStringLiteral("lat %1 bearing %2").arg(latitude).arg(bearing)));
            }
        }
    }

    void boundingBoxSplitsAtAntimeridian()
    {
        const GeoPoint centre{-17.7, 179.999};
        const QList<GeoBox> boxes = Geodesy::boundingBoxes(centre, 1000.0);
        QCOMPARE(boxes.size(), 2);
        const GeoPoint across = EllipsoidOffset::east(centre, 500.0); // longitude just over 180
        const double wrapped = across.longitude - 360.0;
        QVERIFY(wrapped < -179.99);
        QVERIFY(boxes[0].contains(across.latitude, wrapped) || boxes[1].contains(across.latitude, wrapped));
        QVERIFY(Geodesy::distanceMetres(centre, {across.latitude, wrapped}) < 501.0);
    }

    void poleCoversAllLongitudes()
    {
        const QList<GeoBox> boxes = Geodesy::boundingBoxes({89.999, 0.0}, 5000.0);
        QCOMPARE(boxes.size(), 1);
        QCOMPARE(boxes.first().minLongitude, -180.0);
        QCOMPARE(boxes.first().maxLongitude, 180.0);
    }
};

QTEST_GUILESS_MAIN(TestGeodesy)
#include "TestGeodesy.moc"
