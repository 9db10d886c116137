#pragma once

#include "canvass/GeoBox.h"
#include "canvass/GeoPoint.h"

#include <QList>

namespace alpr {

/// Ground distances on the WGS84 ellipsoid. A canvass radius is a promise in metres on the ground, so distances are
/// geodesic (Vincenty's inverse formula, sub-millimetre at canvass scales) rather than spherical: a haversine on a
/// mean-radius sphere is off by up to 0.5 %, i.e. metres at the edge of a 500 m circle.
class Geodesy {
public:
    static constexpr double kSemiMajorAxisMetres = 6378137.0;
    static constexpr double kFlattening = 1.0 / 298.257223563;
    static constexpr double kMeanRadiusMetres = 6371008.8;

    /// Geodesic distance in metres. Falls back to the haversine on the mean sphere in the rare nearly antipodal
    /// cases where Vincenty's iteration does not converge (never at canvass distances).
    [[nodiscard]] static double distanceMetres(const GeoPoint& a, const GeoPoint& b);
    [[nodiscard]] static double haversineMetres(const GeoPoint& a, const GeoPoint& b);

    /// The point distanceMetres away from start on the initial bearing (degrees clockwise from north), on the mean
    /// sphere: for drawing outlines, not for deciding containment.
    [[nodiscard]] static GeoPoint destination(const GeoPoint& start, double bearingDegrees, double distanceMetres);

    /// Boxes that certainly contain every point within radiusMetres of centre (slightly larger than needed). Two
    /// boxes when the circle crosses the antimeridian; one spanning all longitudes when it reaches a pole.
    [[nodiscard]] static QList<GeoBox> boundingBoxes(const GeoPoint& centre, double radiusMetres);
};

} // namespace alpr
