#include "canvass/CanvassArea.h"

#include "canvass/Geodesy.h"

#include <QJsonArray>

#include <algorithm>

namespace alpr {

namespace {

// Orientation of c against the line a->b in the plane of (longitude, latitude): +1, -1 or 0 (collinear). A canvass
// spans at most a city, where the plane is a fine approximation for deciding whether edges cross.
int orientation(const GeoPoint& a, const GeoPoint& b, const GeoPoint& c)
{
    const double cross = (b.longitude - a.longitude) * (c.latitude - a.latitude) -
                         (b.latitude - a.latitude) * (c.longitude - a.longitude);
    return cross > 0.0 ? 1 : cross < 0.0 ? -1 : 0;
}

bool onSegment(const GeoPoint& a, const GeoPoint& b, const GeoPoint& p)
{
    return std::min(a.longitude, b.longitude) <= p.longitude && p.longitude <= std::max(a.longitude, b.longitude) &&
           std::min(a.latitude, b.latitude) <= p.latitude && p.latitude <= std::max(a.latitude, b.latitude);
}

bool segmentsTouch(const GeoPoint& a, const GeoPoint& b, const GeoPoint& c, const GeoPoint& d)
{
    const int o1 = orientation(a, b, c), o2 = orientation(a, b, d), o3 = orientation(c, d, a),
              o4 = orientation(c, d, b);
    if (o1 != o2 && o3 != o4)
        return true;
    return (o1 == 0 && onSegment(a, b, c)) || (o2 == 0 && onSegment(a, b, d)) || (o3 == 0 && onSegment(c, d, a)) ||
           (o4 == 0 && onSegment(c, d, b));
}

// A figure-eight outline has no single inside: the even-odd test would silently leave out the part a detective
// drew. Non-adjacent edges must not touch; adjacent ones share only their common vertex.
bool selfIntersecting(const QList<GeoPoint>& v)
{
    const qsizetype n = v.size();
    for (qsizetype i = 0; i < n; ++i) {
        const GeoPoint& a = v[i];
        const GeoPoint& b = v[(i + 1) % n];
        for (qsizetype j = i + 1; j < n; ++j) {
            const bool adjacent = j == i + 1 || (i == 0 && j == n - 1);
            const GeoPoint& c = v[j];
            const GeoPoint& d = v[(j + 1) % n];
            if (adjacent) {
                // Adjacent edges overlap only when they fold back onto each other.
                const GeoPoint& shared = (j == i + 1) ? b : a;
                const GeoPoint& far1 = (j == i + 1) ? a : b;
                const GeoPoint& far2 = (j == i + 1) ? d : c;
                if (orientation(far1, shared, far2) == 0 && !onSegment(far1, far2, shared))
                    return true;
                continue;
            }
            if (segmentsTouch(a, b, c, d))
                return true;
        }
    }
    return false;
}

} // namespace

CanvassArea CanvassArea::circle(const GeoPoint& centre, double radiusMetres)
{
    CanvassArea area;
    area.m_kind = Kind::Circle;
    area.m_centre = centre;
    area.m_radiusMetres = radiusMetres;
    return area;
}

CanvassArea CanvassArea::polygon(const QList<GeoPoint>& vertices)
{
    CanvassArea area;
    area.m_kind = Kind::Polygon;
    area.m_vertices = vertices;
    // A closing vertex equal to the first adds nothing to the even-odd test; drop it so equality stays simple.
    if (area.m_vertices.size() > 3 && area.m_vertices.first() == area.m_vertices.last())
        area.m_vertices.removeLast();
    return area;
}

GeoPoint CanvassArea::centre() const
{
    if (m_kind == Kind::Circle || m_vertices.isEmpty())
        return m_centre;
    GeoPoint mean;
    for (const GeoPoint& p : m_vertices) {
        mean.latitude += p.latitude;
        mean.longitude += p.longitude;
    }
    mean.latitude /= double(m_vertices.size());
    mean.longitude /= double(m_vertices.size());
    return mean;
}

VoidResult CanvassArea::validate() const
{
    if (m_kind == Kind::Circle) {
        if (!m_centre.isValid())
            return fail(ErrorCode::InvalidInput, QStringLiteral("The canvass centre is not a valid position"));
        if (!(m_radiusMetres > 0.0) || m_radiusMetres > kMaximumRadiusMetres)
            return fail(ErrorCode::InvalidInput,
                        QStringLiteral("The canvass radius must be more than 0 and at most %1 m")
                            .arg(kMaximumRadiusMetres, 0, 'f', 0));
        return {};
    }
    if (m_vertices.size() < 3)
        return fail(ErrorCode::InvalidInput, QStringLiteral("A canvass polygon needs at least three points"));
    if (m_vertices.size() > kMaximumVertices)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("A canvass polygon may have at most %1 points").arg(kMaximumVertices));
    if (!std::all_of(m_vertices.begin(), m_vertices.end(), [](const GeoPoint& p) { return p.isValid(); }))
        return fail(ErrorCode::InvalidInput, QStringLiteral("A canvass polygon point is not a valid position"));
    const auto [west, east] =
        std::minmax_element(m_vertices.begin(), m_vertices.end(),
                            [](const GeoPoint& a, const GeoPoint& b) { return a.longitude < b.longitude; });
    if (east->longitude - west->longitude > 180.0)
        return fail(ErrorCode::InvalidInput, QStringLiteral("A canvass polygon may not cross the antimeridian"));
    // A canvass is a neighbourhood or a route, not a state.
    const auto [south, north] =
        std::minmax_element(m_vertices.begin(), m_vertices.end(),
                            [](const GeoPoint& a, const GeoPoint& b) { return a.latitude < b.latitude; });
    const double midLatitude = (south->latitude + north->latitude) / 2.0;
    if (Geodesy::distanceMetres({south->latitude, west->longitude}, {north->latitude, west->longitude}) >
            kMaximumPolygonSpanMetres ||
        Geodesy::distanceMetres({midLatitude, west->longitude}, {midLatitude, east->longitude}) >
            kMaximumPolygonSpanMetres)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("A canvass polygon may span at most %1 km in each direction")
                        .arg(kMaximumPolygonSpanMetres / 1000.0, 0, 'f', 0));
    if (selfIntersecting(m_vertices))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The canvass polygon crosses itself; draw its outline without crossing lines"));
    return {};
}

bool CanvassArea::contains(const GeoPoint& point) const
{
    if (m_kind == Kind::Circle)
        return Geodesy::distanceMetres(m_centre, point) <= m_radiusMetres;
    // Even-odd ray casting towards increasing longitude.
    bool inside = false;
    const qsizetype n = m_vertices.size();
    for (qsizetype i = 0, j = n - 1; i < n; j = i++) {
        const GeoPoint& a = m_vertices[i];
        const GeoPoint& b = m_vertices[j];
        if ((a.latitude > point.latitude) != (b.latitude > point.latitude)) {
            const double crossing =
                a.longitude + (point.latitude - a.latitude) * (b.longitude - a.longitude) / (b.latitude - a.latitude);
            if (point.longitude < crossing)
                inside = !inside;
        }
    }
    return inside;
}

QList<GeoBox> CanvassArea::boundingBoxes() const
{
    if (m_kind == Kind::Circle)
        return Geodesy::boundingBoxes(m_centre, m_radiusMetres);
    GeoBox box{90.0, -90.0, 180.0, -180.0};
    for (const GeoPoint& p : m_vertices) {
        box.minLatitude = std::min(box.minLatitude, p.latitude);
        box.maxLatitude = std::max(box.maxLatitude, p.latitude);
        box.minLongitude = std::min(box.minLongitude, p.longitude);
        box.maxLongitude = std::max(box.maxLongitude, p.longitude);
    }
    return {box};
}

QList<GeoPoint> CanvassArea::outline(int segments) const
{
    if (m_kind == Kind::Polygon)
        return m_vertices;
    QList<GeoPoint> points;
    for (int i = 0; i < segments; ++i)
        points.append(Geodesy::destination(m_centre, 360.0 * i / segments, m_radiusMetres));
    return points;
}

QJsonObject CanvassArea::toJson() const
{
    if (m_kind == Kind::Circle)
        return {{QStringLiteral("type"), QStringLiteral("circle")},
                {QStringLiteral("lat"), m_centre.latitude},
                {QStringLiteral("lon"), m_centre.longitude},
                {QStringLiteral("radius_m"), m_radiusMetres}};
    QJsonArray points;
    for (const GeoPoint& p : m_vertices)
        points.append(QJsonArray{p.latitude, p.longitude});
    return {{QStringLiteral("type"), QStringLiteral("polygon")}, {QStringLiteral("points"), points}};
}

Result<CanvassArea> CanvassArea::fromJson(const QJsonObject& json)
{
    const QString type = json.value(QStringLiteral("type")).toString();
    CanvassArea area;
    if (type == QStringLiteral("circle")) {
        area = circle({json.value(QStringLiteral("lat")).toDouble(), json.value(QStringLiteral("lon")).toDouble()},
                      json.value(QStringLiteral("radius_m")).toDouble());
    } else if (type == QStringLiteral("polygon")) {
        QList<GeoPoint> vertices;
        for (const QJsonValue& v : json.value(QStringLiteral("points")).toArray()) {
            const QJsonArray pair = v.toArray();
            if (pair.size() != 2)
                return fail(ErrorCode::Corrupt, QStringLiteral("A saved canvass polygon is damaged"));
            vertices.append({pair.at(0).toDouble(), pair.at(1).toDouble()});
        }
        area = polygon(vertices);
    } else {
        return fail(ErrorCode::Corrupt, QStringLiteral("A saved canvass area has an unknown shape"), type);
    }
    if (auto valid = area.validate(); !valid)
        return std::unexpected(valid.error());
    return area;
}

QString CanvassArea::describe() const
{
    if (m_kind == Kind::Circle)
        return QStringLiteral("circle of %1 m around %2, %3")
            .arg(m_radiusMetres, 0, 'f', 0)
            .arg(m_centre.latitude, 0, 'f', 5)
            .arg(m_centre.longitude, 0, 'f', 5);
    const GeoPoint c = centre();
    return QStringLiteral("polygon of %1 points around %2, %3")
        .arg(m_vertices.size())
        .arg(c.latitude, 0, 'f', 5)
        .arg(c.longitude, 0, 'f', 5);
}

} // namespace alpr
