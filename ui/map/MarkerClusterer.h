#pragma once

#include <QList>
#include <QPointF>
#include <QSet>

namespace alpr::ui {

/// One drawn symbol: a single marker, or a cluster standing for several that would overlap.
struct MarkerCluster {
    QPointF position; ///< mean of its markers, in the same pixel space as the input
    QList<int> markerIndexes;
    [[nodiscard]] bool isCluster() const { return markerIndexes.size() > 1; }
};

/// Groups markers that fall in the same square of cellPixels (in world pixels, so clusters do not jump while the map
/// pans). Markers in keepSeparate (highlighted ones) are never swallowed by a cluster. Linear in the markers.
class MarkerClusterer {
public:
    [[nodiscard]] static QList<MarkerCluster> cluster(const QList<QPointF>& worldPixels, const QSet<int>& keepSeparate,
                                                      double cellPixels);
};

} // namespace alpr::ui
