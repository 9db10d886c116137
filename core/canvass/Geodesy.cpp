#include "canvass/Geodesy.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace alpr {

namespace {

constexpr double kDegrees = std::numbers::pi / 180.0;
// The smallest radius of curvature of the ellipsoid (meridional, at the equator): dividing by it over-estimates the
// latitude span of a circle, which keeps the bounding box conservative.
constexpr double kMinimumRadiusOfCurvature = 6335439.0;
constexpr int kVincentyIterations = 200;

} // namespace

double Geodesy::haversineMetres(const GeoPoint& a, const GeoPoint& b)
{
    const double phi1 = a.latitude * kDegrees;
    const double phi2 = b.latitude * kDegrees;
    const double dPhi = phi2 - phi1;
    const double dLambda = (b.longitude - a.longitude) * kDegrees;
    const double h = std::sin(dPhi / 2) * std::sin(dPhi / 2) +
                     std::cos(phi1) * std::cos(phi2) * std::sin(dLambda / 2) * std::sin(dLambda / 2);
    return 2.0 * kMeanRadiusMetres * std::asin(std::min(1.0, std::sqrt(h)));
}

double Geodesy::distanceMetres(const GeoPoint& a, const GeoPoint& b)
{
    if (a == b)
        return 0.0;
    const double semiMinor = kSemiMajorAxisMetres * (1.0 - kFlattening);
    const double u1 = std::atan((1.0 - kFlattening) * std::tan(a.latitude * kDegrees));
    const double u2 = std::atan((1.0 - kFlattening) * std::tan(b.latitude * kDegrees));
    const double sinU1 = std::sin(u1), cosU1 = std::cos(u1);
    const double sinU2 = std::sin(u2), cosU2 = std::cos(u2);
    const double l = (b.longitude - a.longitude) * kDegrees;
    double lambda = l;
    double sinSigma = 0, cosSigma = 0, sigma = 0, cosSqAlpha = 0, cos2SigmaM = 0;
    bool converged = false;
    for (int i = 0; i < kVincentyIterations; ++i) {
        const double sinLambda = std::sin(lambda), cosLambda = std::cos(lambda);
        const double t1 = cosU2 * sinLambda;
        const double t2 = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda;
        sinSigma = std::sqrt(t1 * t1 + t2 * t2);
        if (sinSigma == 0.0)
            return 0.0; // coincident points
        cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
        sigma = std::atan2(sinSigma, cosSigma);
        const double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
        cosSqAlpha = 1.0 - sinAlpha * sinAlpha;
        cos2SigmaM = cosSqAlpha != 0.0 ? cosSigma - 2.0 * sinU1 * sinU2 / cosSqAlpha : 0.0; // equatorial line
        const double c = kFlattening / 16.0 * cosSqAlpha * (4.0 + kFlattening * (4.0 - 3.0 * cosSqAlpha));
        const double previous = lambda;
        lambda = l + (1.0 - c) * kFlattening * sinAlpha *
                         (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1.0 + 2.0 * cos2SigmaM * cos2SigmaM)));
        if (std::abs(lambda - previous) < 1e-12) {
            converged = true;
            break;
        }
    }
    if (!converged)
        return haversineMetres(a, b);
    const double a2 = kSemiMajorAxisMetres * kSemiMajorAxisMetres;
    const double uSq = cosSqAlpha * (a2 - semiMinor * semiMinor) / (semiMinor * semiMinor);
    const double bigA = 1.0 + uSq / 16384.0 * (4096.0 + uSq * (-768.0 + uSq * (320.0 - 175.0 * uSq)));
    const double bigB = uSq / 1024.0 * (256.0 + uSq * (-128.0 + uSq * (74.0 - 47.0 * uSq)));
    const double deltaSigma = bigB * sinSigma *
                              (cos2SigmaM + bigB / 4.0 *
                                                (cosSigma * (-1.0 + 2.0 * cos2SigmaM * cos2SigmaM) -
                                                 bigB / 6.0 * cos2SigmaM * (-3.0 + 4.0 * sinSigma * sinSigma) *
                                                     (-3.0 + 4.0 * cos2SigmaM * cos2SigmaM)));
    return semiMinor * bigA * (sigma - deltaSigma);
}

GeoPoint Geodesy::destination(const GeoPoint& start, double bearingDegrees, double distanceMetres)
{
    const double delta = distanceMetres / kMeanRadiusMetres;
    const double theta = bearingDegrees * kDegrees;
    const double phi1 = start.latitude * kDegrees;
    const double lambda1 = start.longitude * kDegrees;
    const double phi2 =
        std::asin(std::sin(phi1) * std::cos(delta) + std::cos(phi1) * std::sin(delta) * std::cos(theta));
    const double lambda2 = lambda1 + std::atan2(std::sin(theta) * std::sin(delta) * std::cos(phi1),
                                                std::cos(delta) - std::sin(phi1) * std::sin(phi2));
    double longitude = lambda2 / kDegrees;
    longitude = std::fmod(longitude + 540.0, 360.0) - 180.0;
    return {phi2 / kDegrees, longitude};
}

QList<GeoBox> Geodesy::boundingBoxes(const GeoPoint& centre, double radiusMetres)
{
    // 0.1 % and a few centimetres of slack absorb rounding; exact containment is decided by distanceMetres().
    const double spanLatitude = radiusMetres / kMinimumRadiusOfCurvature / kDegrees * 1.001 + 1e-6;
    GeoBox box;
    box.minLatitude = std::max(-90.0, centre.latitude - spanLatitude);
    box.maxLatitude = std::min(90.0, centre.latitude + spanLatitude);
    const double farthestLatitude = std::max(std::abs(box.minLatitude), std::abs(box.maxLatitude));
    if (farthestLatitude >= 89.9) {
        box.minLongitude = -180.0;
        box.maxLongitude = 180.0;
        return {box};
    }
    // A parallel's radius is at least a*cos(latitude); using the most poleward latitude keeps the span an upper bound.
    const double parallelRadius = kSemiMajorAxisMetres * std::cos(farthestLatitude * kDegrees);
    const double spanLongitude = radiusMetres / parallelRadius / kDegrees * 1.001 + 1e-6;
    if (spanLongitude >= 180.0) {
        box.minLongitude = -180.0;
        box.maxLongitude = 180.0;
        return {box};
    }
    box.minLongitude = centre.longitude - spanLongitude;
    box.maxLongitude = centre.longitude + spanLongitude;
    if (box.minLongitude < -180.0) {
        GeoBox wrapped = box;
        wrapped.minLongitude = box.minLongitude + 360.0;
        wrapped.maxLongitude = 180.0;
        box.minLongitude = -180.0;
        return {box, wrapped};
    }
    if (box.maxLongitude > 180.0) {
        GeoBox wrapped = box;
        wrapped.minLongitude = -180.0;
        wrapped.maxLongitude = box.maxLongitude - 360.0;
        box.maxLongitude = 180.0;
        return {box, wrapped};
    }
    return {box};
}

} // namespace alpr
