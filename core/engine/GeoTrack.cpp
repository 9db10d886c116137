#include "engine/GeoTrack.h"

#include <QFile>
#include <QTimeZone>
#include <QXmlStreamReader>

#include <algorithm>

namespace alpr::engine {

namespace {

// A fix off the globe (NaN, infinity, latitude 123) is no fix: reads stamped with it would land nowhere on the map
// and poison canvass and evidence figures, so it is skipped like a fix without a time.
bool onTheGlobe(double latitude, double longitude)
{
    return latitude >= -90.0 && latitude <= 90.0 && longitude >= -180.0 && longitude <= 180.0;
}

Result<QList<GeoPoint>> parseGpx(const QByteArray& data)
{
    QList<GeoPoint> points;
    QXmlStreamReader xml(data);
    GeoPoint current;
    bool inPoint = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("trkpt") || name == QLatin1String("rtept")) {
                bool latOk = false;
                bool lonOk = false;
                current = GeoPoint{};
                current.latitude = xml.attributes().value(QLatin1String("lat")).toDouble(&latOk);
                current.longitude = xml.attributes().value(QLatin1String("lon")).toDouble(&lonOk);
                inPoint = latOk && lonOk && onTheGlobe(current.latitude, current.longitude);
            } else if (inPoint && name == QLatin1String("time")) {
                current.timeUtc = QDateTime::fromString(xml.readElementText().trimmed(), Qt::ISODateWithMs).toUTC();
            }
        } else if (xml.isEndElement() && inPoint &&
                   (xml.name() == QLatin1String("trkpt") || xml.name() == QLatin1String("rtept"))) {
            if (current.timeUtc.isValid())
                points.append(current);
            inPoint = false;
        }
    }
    if (xml.hasError())
        return fail(ErrorCode::InvalidInput, QStringLiteral("The GPX file is malformed"), xml.errorString());
    return points;
}

// ddmm.mmmm / dddmm.mmmm with a hemisphere letter -> signed decimal degrees.
std::optional<double> nmeaDegrees(const QString& value, const QString& hemisphere)
{
    bool ok = false;
    const double raw = value.toDouble(&ok);
    // Also refuses NaN and anything past 180 degrees before the integer conversion below, which would overflow.
    if (!ok || value.isEmpty() || !(raw >= 0.0 && raw < 18100.0))
        return std::nullopt;
    const int wholeDegrees = static_cast<int>(raw / 100);
    const double minutes = raw - 100.0 * wholeDegrees;
    if (minutes >= 60.0)
        return std::nullopt;
    const double degrees = wholeDegrees + minutes / 60.0;
    return (hemisphere == QLatin1String("S") || hemisphere == QLatin1String("W")) ? -degrees : degrees;
}

QList<GeoPoint> parseNmea(const QByteArray& data)
{
    QList<GeoPoint> points;
    for (const QByteArray& rawLine : data.split('\n')) {
        QString line = QString::fromLatin1(rawLine).trimmed();
        const qsizetype star = line.indexOf(QLatin1Char('*'));
        if (star >= 0)
            line.truncate(star);
        const QStringList f = line.split(QLatin1Char(','));
        // $xxRMC,hhmmss.ss,A,lat,N,lon,W,speed,course,ddmmyy,...
        if (f.size() < 10 || !f[0].endsWith(QLatin1String("RMC")) || f[2] != QLatin1String("A"))
            continue;
        const auto lat = nmeaDegrees(f[3], f[4]);
        const auto lon = nmeaDegrees(f[5], f[6]);
        // Two-digit years: NMEA 0183 receivers pivot at 1980 (GPS week zero).
        QDate date = QDate::fromString(f[9], QStringLiteral("ddMMyy"));
        if (date.isValid() && date.year() < 1980)
            date = date.addYears(100);
        const QString clock = f[1].section(QLatin1Char('.'), 0, 0);
        const QTime time = QTime::fromString(clock, QStringLiteral("hhmmss"));
        if (!lat || !lon || !onTheGlobe(*lat, *lon) || !date.isValid() || !time.isValid())
            continue;
        const int ms =
            static_cast<int>(f[1].section(QLatin1Char('.'), 1).leftJustified(3, QLatin1Char('0')).left(3).toInt());
        points.append(GeoPoint{*lat, *lon, QDateTime(date, time.addMSecs(ms), QTimeZone::utc())});
    }
    return points;
}

} // namespace

GeoTrack::GeoTrack(QList<GeoPoint> points) : m_points(std::move(points))
{
    std::stable_sort(m_points.begin(), m_points.end(),
                     [](const GeoPoint& a, const GeoPoint& b) { return a.timeUtc < b.timeUtc; });
}

Result<GeoTrack> GeoTrack::parse(const QByteArray& data)
{
    QList<GeoPoint> points;
    if (data.trimmed().startsWith('<')) {
        auto gpx = parseGpx(data);
        if (!gpx)
            return std::unexpected(gpx.error());
        points = std::move(*gpx);
    } else {
        points = parseNmea(data);
    }
    if (points.isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("The GPS track has no timed positions (GPX or NMEA RMC)"));
    return GeoTrack(std::move(points));
}

Result<GeoTrack> GeoTrack::load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, QStringLiteral("The GPS track cannot be read"),
                    path + QStringLiteral(": ") + file.errorString());
    auto track = parse(file.readAll());
    if (!track)
        track.error().detail = path;
    return track;
}

std::optional<GeoPoint> GeoTrack::positionAt(const QDateTime& timeUtc) const
{
    if (m_points.isEmpty() || !timeUtc.isValid())
        return std::nullopt;
    const auto after = std::lower_bound(m_points.begin(), m_points.end(), timeUtc,
                                        [](const GeoPoint& p, const QDateTime& t) { return p.timeUtc < t; });
    if (after == m_points.begin()) {
        if (after->timeUtc.msecsTo(timeUtc) < -edgeToleranceMs)
            return std::nullopt;
        return GeoPoint{after->latitude, after->longitude, timeUtc};
    }
    if (after == m_points.end()) {
        const GeoPoint& last = m_points.last();
        if (last.timeUtc.msecsTo(timeUtc) > edgeToleranceMs)
            return std::nullopt;
        return GeoPoint{last.latitude, last.longitude, timeUtc};
    }
    const GeoPoint& before = *(after - 1);
    const qint64 span = before.timeUtc.msecsTo(after->timeUtc);
    if (span > maxInterpolationGapMs)
        return std::nullopt;
    const double f = span > 0 ? static_cast<double>(before.timeUtc.msecsTo(timeUtc)) / static_cast<double>(span) : 0.0;
    return GeoPoint{before.latitude + f * (after->latitude - before.latitude),
                    before.longitude + f * (after->longitude - before.longitude), timeUtc};
}

} // namespace alpr::engine
