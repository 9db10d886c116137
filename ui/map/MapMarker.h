#pragma once

#include <QColor>
#include <QString>

namespace alpr::ui {

/// A point drawn on the map, e.g. one plate read; id comes back in MapView::markerClicked.
struct MapMarker {
    qint64 id = 0;
    double latitude = 0.0;
    double longitude = 0.0;
    QString label; ///< tooltip, e.g. the plate and time
    QColor colour = QColor(0xd3, 0x2f, 0x2f);
};

} // namespace alpr::ui
