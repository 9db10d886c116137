#include "map/MarkerClusterer.h"

#include <QHash>

#include <cmath>

namespace alpr::ui {

QList<MarkerCluster> MarkerClusterer::cluster(const QList<QPointF>& worldPixels, const QSet<int>& keepSeparate,
                                              double cellPixels)
{
    QList<MarkerCluster> out;
    QHash<QPair<qint64, qint64>, qsizetype> clusterOfCell;
    for (int i = 0; i < worldPixels.size(); ++i) {
        const QPointF& p = worldPixels[i];
        if (keepSeparate.contains(i)) {
            out.append({p, {i}});
            continue;
        }
        const QPair<qint64, qint64> cell{qint64(std::floor(p.x() / cellPixels)),
                                         qint64(std::floor(p.y() / cellPixels))};
        const auto found = clusterOfCell.constFind(cell);
        if (found == clusterOfCell.constEnd()) {
            clusterOfCell.insert(cell, out.size());
            out.append({p, {i}});
            continue;
        }
        MarkerCluster& c = out[*found];
        const double n = double(c.markerIndexes.size());
        c.position = (c.position * n + p) / (n + 1.0);
        c.markerIndexes.append(i);
    }
    return out;
}

} // namespace alpr::ui
