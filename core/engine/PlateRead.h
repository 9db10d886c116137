#pragma once

#include "engine/Frame.h"

#include <QList>
#include <QPointF>
#include <QRect>
#include <QString>

#include <array>

namespace alpr::engine {

/// One possible reading of a plate. confidence is calibrated: among readings given 0.9, about 9 in 10 are right.
struct PlateCandidate {
    QString text;
    double confidence = 0.0;
    /// True when the text fits one of the US plate formats in resources/models/plate_formats.json.
    bool matchesFormat = false;
    /// The OCR network's own probability of this exact text (CTC), before calibration; what the calibration is
    /// fitted on.
    double ocrProbability = 0.0;
};

/// A plate found in one image.
struct PlateRead {
    /// The best reading (equal to candidates.first().text); letters and digits only, no spaces or dashes.
    QString text;
    double confidence = 0.0;
    /// Corners in image pixels: top-left, top-right, bottom-right, bottom-left.
    std::array<QPointF, 4> quad;
    /// The quad's bounding box, clipped to the image.
    QRect box;
    /// How sure the detector is that this is a plate at all (0-1, uncalibrated).
    double detectionScore = 0.0;
    /// Found only in the detector's contrast-equalised view (DetectionView::Equalised or Both).
    bool equalisedView = false;
    /// Ranked readings, best first, the best one included.
    QList<PlateCandidate> candidates;
    /// The plate rectified to a fronto-parallel view (BGR, 2:1).
    Frame crop;
};

} // namespace alpr::engine
