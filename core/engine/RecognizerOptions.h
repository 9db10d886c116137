#pragma once

#include <QString>

namespace alpr::engine {

/// Which views of an image the detector looks at. Equalised is a contrast-equalised copy (CLAHE on luma): it
/// brings out washed-out and low-contrast plates (faded paint, glare, pale coloured backgrounds) but on ordinary
/// photos finds more non-plates, so it is best as a second look (Both: one more detector pass and the reads it
/// adds, ~+40 ms a 720p frame here; docs/engine.md).
enum class DetectionView { Plain, Equalised, Both };

/// Tuning of PlateRecognizer. The defaults are the ones measured in docs/engine.md.
struct RecognizerOptions {
    /// Directory with engine.json, plate_formats.json and the ONNX files; empty = the models compiled into the
    /// engine (resources/models at build time).
    QString modelDirectory;
    /// Detector heat-map peak needed to consider a region at all.
    double detectionThreshold = 0.3;
    /// Views the detector looks at when recognize() is not told otherwise.
    DetectionView detectionView = DetectionView::Plain;
    /// Each detection is looked at again zoomed in; it is kept when the zoomed heat map peaks above this.
    double refineThreshold = 0.3;
    /// Reads whose calibrated confidence is below this are dropped. 0 by default: every read carries its calibrated
    /// confidence and the zoomed second look already removes most non-plates, so the caller decides (footage
    /// tracking needs repeated reads anyway).
    double minConfidence = 0.0;
    /// At most this many plates per image are read (largest detector scores first).
    int maxPlates = 8;
    /// Candidates returned per plate.
    int maxCandidates = 10;
    /// Width of the rectified crop in PlateRead::crop (height is half).
    int cropWidth = 256;
};

} // namespace alpr::engine
