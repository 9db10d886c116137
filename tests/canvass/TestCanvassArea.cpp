#include "CanvassFixture.h"
#include "canvass/CanvassArea.h"
#include "canvass/CanvassQuery.h"
#include "canvass/Geodesy.h"

#include <QTest>

using namespace alpr;
using alpr::test::EllipsoidOffset;

class TestCanvassArea : public QObject {
    Q_OBJECT

private slots:
    void circleEdges_data() { alpr::test::addEdgeLatitudeRows(); }
    void circleEdges()
    {
        QFETCH(double, latitude);
        QFETCH(double, longitude);
        const GeoPoint centre{latitude, longitude};
        const CanvassArea area = CanvassArea::circle(centre, 500.0);
        for (double sign : {1.0, -1.0}) {
            QVERIFY(area.contains(EllipsoidOffset::north(centre, sign * 499.7)));
            QVERIFY(!area.contains(EllipsoidOffset::north(centre, sign * 500.3)));
            QVERIFY(area.contains(EllipsoidOffset::east(centre, sign * 499.7)));
            QVERIFY(!area.contains(EllipsoidOffset::east(centre, sign * 500.3)));
        }
    }

    void concavePolygon()
    {
        // An L: the notch at the top right is outside.
        const CanvassArea l = CanvassArea::polygon(
            {{39.28, -76.60}, {39.30, -76.60}, {39.30, -76.59}, {39.29, -76.59}, {39.29, -76.58}, {39.28, -76.58}});
        QVERIFY(l.validate());
        QVERIFY(l.contains({39.285, -76.585}));  // lower arm
        QVERIFY(l.contains({39.295, -76.595}));  // upper arm
        QVERIFY(!l.contains({39.295, -76.585})); // the notch
        QVERIFY(!l.contains({39.275, -76.59}));  // south of it
        QVERIFY(!l.contains({39.285, -76.575})); // east of it
        const GeoBox box = l.boundingBoxes().first();
        QCOMPARE(box.minLatitude, 39.28);
        QCOMPARE(box.maxLongitude, -76.58);
    }

    void closedRingEqualsOpenRing()
    {
        const QList<GeoPoint> open{{1, 1}, {1, 2}, {2, 2}};
        QList<GeoPoint> closed = open;
        closed.append(open.first());
        QVERIFY(CanvassArea::polygon(open) == CanvassArea::polygon(closed));
    }

    void invalidAreas()
    {
        QCOMPARE(CanvassArea::circle({39.0, -76.0}, 0.0).validate().error().code, ErrorCode::InvalidInput);
        QVERIFY(!CanvassArea::circle({39.0, -76.0}, 50001.0).validate());
        QVERIFY(!CanvassArea::circle({91.0, -76.0}, 100.0).validate());
        QVERIFY(!CanvassArea::polygon({{1, 1}, {1, 2}}).validate());
        QVERIFY(!CanvassArea::polygon({{1, -179}, {1, 179}, {2, 179}}).validate());
    }

    void crossingOrHugePolygonsAreRefused()
    {
        // A concave outline (an L around a block) is fine; a figure eight or an edge folding back is not.
        QVERIFY(
            CanvassArea::polygon(
                {{39.28, -76.62}, {39.28, -76.60}, {39.29, -76.60}, {39.29, -76.61}, {39.30, -76.61}, {39.30, -76.62}})
                .validate());
        const auto bowTie =
            CanvassArea::polygon({{39.29, -76.62}, {39.30, -76.61}, {39.29, -76.61}, {39.30, -76.62}}).validate();
        QVERIFY(!bowTie);
        QVERIFY(bowTie.error().message.contains(QLatin1String("crosses itself")));
        QVERIFY(!CanvassArea::polygon({{39.28, -76.62}, {39.28, -76.60}, {39.28, -76.61}, {39.29, -76.61}}).validate());
        // Wider than a region (about 1,600 km north to south).
        QVERIFY(!CanvassArea::polygon({{30, -90}, {30, -89}, {45, -89}, {45, -90}}).validate());
    }

    void jsonRoundTrip()
    {
        const CanvassArea circle = CanvassArea::circle({39.2850, -76.5800}, 750.0);
        QVERIFY(*CanvassArea::fromJson(circle.toJson()) == circle);
        const CanvassArea polygon = CanvassArea::polygon({{1, 1}, {1, 2}, {2, 2}, {2, 1}});
        QVERIFY(*CanvassArea::fromJson(polygon.toJson()) == polygon);
        QCOMPARE(CanvassArea::fromJson({{QStringLiteral("type"), QStringLiteral("hexagon")}}).error().code,
                 ErrorCode::Corrupt);
    }

    void outlineLiesOnCircle()
    {
        const CanvassArea circle = CanvassArea::circle({65.0, 25.0}, 500.0);
        const QList<GeoPoint> outline = circle.outline(36);
        QCOMPARE(outline.size(), 36);
        for (const GeoPoint& p : outline)
            QVERIFY(std::abs(Geodesy::distanceMetres({65.0, 25.0}, p) - 500.0) < 2.0);
    }

    void windowValidation()
    {
        CanvassQuery q;
        q.area = CanvassArea::circle({39.0, -76.0}, 100.0);
        QVERIFY(!q.validate()); // no window
        q.fromUtc = QDateTime(QDate(2026, 6, 1), QTime(20, 0), Qt::UTC);
        q.toUtc = q.fromUtc.addSecs(-1);
        QVERIFY(!q.validate());
        q.toUtc = q.fromUtc; // a single second is a valid window
        QVERIFY(q.validate());
        q.toUtc = q.fromUtc.addDays(32);
        QVERIFY(!q.validate());
    }
};

QTEST_GUILESS_MAIN(TestCanvassArea)
#include "TestCanvassArea.moc"
