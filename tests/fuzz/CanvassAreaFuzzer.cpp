// Canvass areas as they come back from saved scenes and case exports (JSON: a circle or a polygon of up to 1000
// points). An area that validates must survive a round trip through its JSON unchanged, and every position it
// contains must lie in one of its bounding boxes: the boxes are the spatial index's filter, so a position outside
// them would be a read silently missing from the canvass.

#include "canvass/CanvassArea.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>
#include <cstdlib>

namespace {

bool inSomeBox(const QList<alpr::GeoBox>& boxes, const alpr::GeoPoint& p)
{
    for (const alpr::GeoBox& box : boxes)
        if (box.contains(p.latitude, p.longitude))
            return true;
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    if (!document.isObject())
        return 0;
    const auto area = alpr::CanvassArea::fromJson(document.object());
    if (!area)
        return 0;
    const auto again = alpr::CanvassArea::fromJson(area->toJson());
    if (!again || !(*again == *area))
        std::abort();
    (void)area->describe();

    // Positions to probe: the centre, each vertex (or outline point) and points just inside them towards the centre.
    const QList<alpr::GeoBox> boxes = area->boundingBoxes();
    const alpr::GeoPoint centre = area->centre();
    QList<alpr::GeoPoint> probes{centre};
    for (const alpr::GeoPoint& p : area->outline(16)) {
        probes.append(p);
        probes.append({p.latitude + (centre.latitude - p.latitude) * 0.01,
                       p.longitude + (centre.longitude - p.longitude) * 0.01});
    }
    for (const alpr::GeoPoint& p : probes)
        if (p.isValid() && area->contains(p) && !inSomeBox(boxes, p))
            std::abort();
    return 0;
}
