#pragma once

#include "common/Result.h"
#include "engine/ConfidenceCalibrator.h"
#include "engine/CtcBeamDecoder.h"
#include "engine/PlateFormatBook.h"
#include "engine/internal/PlateDetectorNet.h"
#include "engine/internal/PlateOcrNet.h"

#include <QString>

#include <memory>

namespace alpr::engine::internal {

/// Everything engine.json names, loaded and ready: the two networks, the decoder, the plate formats and the
/// calibration. One bundle per recognizer (the networks are not thread-safe).
struct ModelBundle {
    std::unique_ptr<PlateDetectorNet> detector;
    std::unique_ptr<PlateOcrNet> ocr;
    std::unique_ptr<CtcBeamDecoder> decoder;
    PlateFormatBook formats;
    ConfidenceCalibrator calibrator;

    /// directory empty = the compiled-in resources (":/alpr/models").
    [[nodiscard]] static Result<ModelBundle> load(const QString& directory);
};

} // namespace alpr::engine::internal
