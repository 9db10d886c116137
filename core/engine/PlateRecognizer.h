#pragma once

#include "common/Result.h"
#include "engine/Frame.h"
#include "engine/PlateRead.h"
#include "engine/PlateRegion.h"
#include "engine/RecognizerOptions.h"

#include <QList>

#include <memory>

namespace alpr::engine {

/// Finds and reads US licence plates in still images: detector -> rectification -> CTC OCR -> US format prior ->
/// calibrated confidence (see docs/engine.md).
///
/// Loading the networks takes some tens of milliseconds, so make one recognizer and reuse it. Not thread-safe
/// (the OpenCV networks keep per-call state): give each worker thread its own instance. Never throws.
class PlateRecognizer {
public:
    ~PlateRecognizer();
    PlateRecognizer(const PlateRecognizer&) = delete;
    PlateRecognizer& operator=(const PlateRecognizer&) = delete;

    /// Loads the models (from options.modelDirectory or the compiled-in resources). Fails with NotFound or Corrupt
    /// when a model file is missing or cannot be loaded by OpenCV.
    [[nodiscard]] static Result<std::unique_ptr<PlateRecognizer>> create(const RecognizerOptions& options = {});

    /// All plates found in the frame, best detector score first. An image without plates gives an empty list.
    [[nodiscard]] Result<QList<PlateRead>> recognize(const Frame& frame);
    /// The same, with the detector looking at the given views instead of options().detectionView.
    [[nodiscard]] Result<QList<PlateRead>> recognize(const Frame& frame, DetectionView view);

    /// Looks only where plates were in an earlier frame of the same footage: each region gets the detector's
    /// zoomed second look (no pass over the whole frame) and, where that finds the plate again, the OCR. A few
    /// milliseconds a region against tens for recognize(), so footage can follow and read a plate between full
    /// detections (docs/engine.md); a plate that moved out of its region is simply not found here.
    [[nodiscard]] Result<QList<PlateRead>> recognizeNear(const Frame& frame, const QList<PlateRegion>& regions);

    /// Reads an already cropped plate image (the whole frame is the plate), skipping detection. Used to measure
    /// the OCR alone and by callers that have their own plate boxes.
    [[nodiscard]] Result<PlateRead> readCrop(const Frame& plateImage);

    [[nodiscard]] const RecognizerOptions& options() const;

    /// Threads OpenCV may use for one call, process-wide (0 = sequential). Benchmarks pin it to 1.
    static void setComputeThreads(int threads);

private:
    struct Private;
    explicit PlateRecognizer(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace alpr::engine
