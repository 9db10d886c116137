#include "EngineTestData.h"
#include "engine/GeoTrack.h"

#include <QTimeZone>
#include <QtTest>

using namespace alpr;
using namespace alpr::engine;

class TestGeoTrack : public QObject {
    Q_OBJECT

private:
    static QDateTime utc(const QString& iso) { return QDateTime::fromString(iso, Qt::ISODateWithMs).toUTC(); }

private slots:
    void gpxInterpolates()
    {
        // Not a raw string literal: moc 6.4 loses track of the class after one containing "<?".
        const QByteArray gpx =
            "<?xml version=\"1.0\"?><gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\">"
            "<trk><trkseg>"
            "<trkpt lat=\"39.0\" lon=\"-76.0\"><time>2024-05-01T12:00:00Z</time></trkpt>"
            "<trkpt lat=\"39.1\" lon=\"-76.2\"><time>2024-05-01T12:00:10Z</time></trkpt>"
            "<trkpt lat=\"39.2\" lon=\"-76.4\"><time>2024-05-01T12:01:10Z</time></trkpt>"
            "</trkseg></trk></gpx>";
        const auto track = GeoTrack::parse(gpx);
        QVERIFY(track.has_value());
        QCOMPARE(track->points().size(), 3);
        const auto mid = track->positionAt(utc(QStringLiteral("2024-05-01T12:00:05Z")));
        QVERIFY(mid.has_value());
        QVERIFY(qAbs(mid->latitude - 39.05) < 1e-9);
        QVERIFY(qAbs(mid->longitude + 76.1) < 1e-9);
        // 60 s between the last two fixes is a gap: no invented position inside it.
        QVERIFY(!track->positionAt(utc(QStringLiteral("2024-05-01T12:00:40Z"))).has_value());
        // Just outside the ends: the end fix; far outside: nothing.
        QVERIFY(track->positionAt(utc(QStringLiteral("2024-05-01T11:59:58Z"))).has_value());
        QVERIFY(!track->positionAt(utc(QStringLiteral("2024-05-01T11:50:00Z"))).has_value());
    }

    void nmeaRmc()
    {
        const QByteArray nmea = "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47\r\n"
                                "$GPRMC,123519.00,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A\r\n"
                                "$GPRMC,123529.50,A,4807.138,N,01131.100,E,022.4,084.4,230394,003.1,W*6A\r\n"
                                "$GPRMC,123539,V,,,,,,,230394,,*00\r\n";
        const auto track = GeoTrack::parse(nmea);
        QVERIFY(track.has_value());
        QCOMPARE(track->points().size(), 2); // GGA has no date, the void fix is skipped
        QCOMPARE(track->points()[0].timeUtc, QDateTime(QDate(1994, 3, 23), QTime(12, 35, 19), QTimeZone::utc()));
        QCOMPARE(track->points()[1].timeUtc.time().msec(), 500);
        QVERIFY(qAbs(track->points()[0].latitude - (48 + 7.038 / 60)) < 1e-9);
        QVERIFY(qAbs(track->points()[0].longitude - (11 + 31.0 / 60)) < 1e-9);
    }

    void southWestIsNegative()
    {
        const auto track = GeoTrack::parse("$GNRMC,010203,A,3307.522,S,11719.864,W,0,0,170417,,*00\n");
        QVERIFY(track.has_value());
        QVERIFY(track->points()[0].latitude < 0 && track->points()[0].longitude < 0);
    }

    void fixesOffTheGlobeAreSkipped()
    {
        // NaN, infinity and out-of-range coordinates (found by GeoTrackFuzzer) are no fixes; the good one stays.
        const QByteArray gpx = "<gpx><trk><trkseg>"
                               "<trkpt lat=\"nan\" lon=\"-76.0\"><time>2024-05-01T12:00:00Z</time></trkpt>"
                               "<trkpt lat=\"39.0\" lon=\"inf\"><time>2024-05-01T12:00:01Z</time></trkpt>"
                               "<trkpt lat=\"91.0\" lon=\"-76.0\"><time>2024-05-01T12:00:02Z</time></trkpt>"
                               "<trkpt lat=\"39.0\" lon=\"-76.0\"><time>2024-05-01T12:00:03Z</time></trkpt>"
                               "</trkseg></trk></gpx>";
        const auto track = GeoTrack::parse(gpx);
        QVERIFY(track.has_value());
        QCOMPARE(track->points().size(), 1);
        QCOMPARE(track->points()[0].latitude, 39.0);
        // NMEA: 9959 is 99 degrees 59 minutes of latitude; 1e300 would overflow the degree conversion; 4861 has
        // 61 minutes. Only the last line is a fix.
        const QByteArray nmea = "$GPRMC,123519,A,9959.000,N,01131.000,E,0,0,230394,,*00\n"
                                "$GPRMC,123520,A,1e300,N,01131.000,E,0,0,230394,,*00\n"
                                "$GPRMC,123521,A,4861.000,N,01131.000,E,0,0,230394,,*00\n"
                                "$GPRMC,123522,A,4807.038,N,01131.000,E,0,0,230394,,*00\n";
        const auto fixes = GeoTrack::parse(nmea);
        QVERIFY(fixes.has_value());
        QCOMPARE(fixes->points().size(), 1);
        QCOMPARE(fixes->points()[0].timeUtc.time(), QTime(12, 35, 22));
        QVERIFY(!GeoTrack::parse("$GPRMC,123519,A,nan,N,01131.000,E,0,0,230394,,*00\n"));
    }

    void rejectsGarbage()
    {
        QVERIFY(!GeoTrack::parse("hello"));
        QVERIFY(!GeoTrack::parse("<gpx><trk><trkpt lat=\"1\" lon=\"2\"></trkpt></trk></gpx>")); // no time
        QVERIFY(!GeoTrack::parse("<gpx><unclosed>"));
        QCOMPARE(GeoTrack::load(QStringLiteral("/nonexistent/track.gpx")).error().code, ErrorCode::Io);
    }

    void sharedGoProTrack()
    {
        const QString path = enginetest::sharedFootage(QStringLiteral("karma.gpx"));
        if (path.isEmpty())
            QSKIP("shared data (../shared/data or ALPR_SHARED_DATA) is absent");
        const auto track = GeoTrack::load(path);
        QVERIFY(track.has_value());
        QVERIFY(track->points().size() >= 10);
        const auto p = track->positionAt(utc(QStringLiteral("2017-04-17T19:28:03Z")));
        QVERIFY(p.has_value());
        QVERIFY(qAbs(p->latitude - 33.1256) < 0.001); // Carlsbad, CA
        QVERIFY(qAbs(p->longitude + 117.3312) < 0.001);
    }
};

QTEST_GUILESS_MAIN(TestGeoTrack)
#include "TestGeoTrack.moc"
