#pragma once

#include "canvass/GeoBox.h"
#include "canvass/GeoPoint.h"
#include "common/Result.h"

#include <QJsonObject>
#include <QList>

namespace alpr {

/// Where a canvass looks: a circle (centre and radius in ground metres) or a polygon (vertices in order, even-odd
/// rule, edges straight in latitude/longitude, which at street scale is indistinguishable from the ground).
class CanvassArea {
public:
    enum class Kind { Circle, Polygon };

    static constexpr double kMaximumRadiusMetres = 50000.0;
    static constexpr int kMaximumVertices = 1000;
    /// A polygon may be longer than the largest circle (a corridor along a highway) but not a region's size.
    static constexpr double kMaximumPolygonSpanMetres = 250000.0;

    CanvassArea() = default;
    [[nodiscard]] static CanvassArea circle(const GeoPoint& centre, double radiusMetres);
    [[nodiscard]] static CanvassArea polygon(const QList<GeoPoint>& vertices);

    [[nodiscard]] Kind kind() const { return m_kind; }
    /// The circle's centre, or the mean of the polygon's vertices (distances in results are measured from it).
    [[nodiscard]] GeoPoint centre() const;
    [[nodiscard]] double radiusMetres() const { return m_radiusMetres; }
    [[nodiscard]] const QList<GeoPoint>& vertices() const { return m_vertices; }

    /// InvalidInput naming what is wrong: coordinates out of range, radius not in (0, 50 km], fewer than three
    /// vertices, a polygon spanning more than 180 degrees of longitude.
    [[nodiscard]] VoidResult validate() const;
    [[nodiscard]] bool contains(const GeoPoint& point) const;
    /// Coarse boxes for the spatial index that cover the whole area.
    [[nodiscard]] QList<GeoBox> boundingBoxes() const;

    /// The boundary for drawing (KML, map, PDF): the polygon's vertices, or the circle as segments points on the
    /// sphere (within centimetres of the geodesic circle at canvass radii).
    [[nodiscard]] QList<GeoPoint> outline(int segments = 72) const;

    /// For the audit trail, saved scenes and exports: {"type":"circle","lat":..,"lon":..,"radius_m":..} or
    /// {"type":"polygon","points":[[lat,lon],...]}.
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Result<CanvassArea> fromJson(const QJsonObject& json);
    /// One line for people: "circle of 500 m around 39.29045, -76.61220".
    [[nodiscard]] QString describe() const;

    friend bool operator==(const CanvassArea&, const CanvassArea&) = default;

private:
    Kind m_kind = Kind::Circle;
    GeoPoint m_centre;
    double m_radiusMetres = 0.0;
    QList<GeoPoint> m_vertices;
};

} // namespace alpr
