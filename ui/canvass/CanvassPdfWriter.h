#pragma once

#include "canvass/CanvassResult.h"
#include "common/Result.h"

#include <QImage>

class QIODevice;

namespace alpr::ui {

/// The canvass report for the case file: the map as it was on screen (area and markers), the area, the window, the
/// purpose and case, then the plates and every read. Paints with QPdfWriter onto any device, so CanvassService can
/// commit the file together with its audit record. Safe off the GUI thread (it paints onto the PDF only).
class CanvassPdfWriter {
public:
    [[nodiscard]] static VoidResult write(QIODevice& device, const CanvassResult& result, const QImage& mapImage,
                                          const QString& generatedBy);
};

} // namespace alpr::ui
