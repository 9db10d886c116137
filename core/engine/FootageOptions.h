#pragma once

#include "engine/GeoPoint.h"
#include "engine/GeoTrack.h"
#include "engine/RecognizerOptions.h"
#include "engine/TrackedPlate.h"

#include <QDateTime>

#include <functional>
#include <optional>

namespace alpr::engine {

/// How footage is sampled, tracked and placed in time and space.
struct FootageOptions {
    /// Frames analysed per second of footage at most (the rest are decoded and skipped); 0 = every frame. Plates
    /// stay in view for a second or more, so 10/s gives every pass several reads for the vote.
    double analysisFps = 10.0;
    /// Fewer frames where there is little to learn (0 = off, every sampled frame is analysed): once every vehicle in
    /// view has been read alike settledReads times, one at settledConfidence or more, it is looked at only
    /// settledAnalysisFps times a second (often enough to keep its track open, see trackGapSeconds); with no
    /// vehicle being tracked, idleAnalysisFps. docs/engine.md has the figures.
    double settledAnalysisFps = 1.5;
    double idleAnalysisFps = 5.0;
    /// While a vehicle in view is being read, the whole frame is searched for plates this often (0 = every
    /// analysed frame); the frames between only look near the plates already tracked (the detector's zoomed look
    /// and the OCR, a few ms a plate against ~50 for the full pass), which reads them as often as before. New
    /// vehicles are found at this rate, as with nothing in view (idleAnalysisFps). docs/engine.md has the figures.
    double readingDetectionFps = 5.0;
    int settledReads = 2;
    double settledConfidence = 0.9;
    /// A track that has not settled after this many reads (a sticker, a plate too far away to read) no longer
    /// keeps the analysis dense.
    int unsettledReadsAtMost = 8;
    /// Views the detector looks at in each analysed frame. Both by default: footage is often washed out (sun,
    /// cheap sensors), and the contrast-equalised second pass found the drive-by's pale plate (docs/engine.md);
    /// Plain is faster.
    DetectionView detectionView = DetectionView::Both;
    /// The view for frames analysed while every tracked vehicle has settled (see settledAnalysisFps): those frames
    /// only keep the tracks open, and the plain view finds the plates already found; a new washed-out plate is
    /// found in the next frame that looks with detectionView (docs/engine.md).
    DetectionView settledDetectionView = DetectionView::Plain;
    /// OpenCV threads for inference during run(), which decodes on a thread of its own beside it. Two (both cores)
    /// measured 9-20% faster than one in the final bench run under load, one faster in an earlier run: the decoding
    /// thread needs well under a core, and inference takes up the rest (docs/engine.md). 0 = leave the
    /// process-wide setting alone; it is process-wide, so it is put back when run() returns.
    int inferenceThreads = 2;
    /// Skip sampled frames where nothing moved since the last analysed frame and no plate is being tracked.
    bool motionGating = true;
    /// Mean absolute grey-level difference (0-255) on a thumbnail that counts as motion.
    double motionThreshold = 1.5;
    /// Even a still scene is analysed this often (a parked car is still read).
    double keyframeIntervalSeconds = 2.0;
    /// A track not seen for this long is closed (the vehicle has passed).
    double trackGapSeconds = 1.0;
    /// A track needs this many reads, or one read at singleReadConfidence that fits a US plate layout.
    int minObservations = 2;
    double singleReadConfidence = 0.9;
    /// A pass whose consensus fits no US plate layout is reported only at this confidence or more, and only when
    /// at least minObservations frames read that text best.
    double unfittingTrackConfidence = 0.5;
    /// Wall-clock time of the first frame; invalid = unknown (then no UTC times and no GPS matching).
    QDateTime startTimeUtc;
    /// Camera positions over time; takes precedence over fixedLocation when it covers the time.
    std::optional<GeoTrack> track;
    std::optional<GeoPoint> fixedLocation;
    /// Called for each plate as soon as its track closes (from the calling thread), e.g. to store it at once.
    std::function<void(const TrackedPlate&)> onPlate;

    /// The reference the shipped settings are measured against (bench, tests): every frame analysed at full
    /// resolution with both detector views (the default), no gate of any kind. Many times slower than the defaults.
    [[nodiscard]] static FootageOptions everyFrame()
    {
        FootageOptions options;
        options.analysisFps = 0.0;
        options.settledAnalysisFps = 0.0;
        options.idleAnalysisFps = 0.0;
        options.readingDetectionFps = 0.0;
        options.settledDetectionView = options.detectionView;
        options.motionGating = false;
        return options;
    }
};

} // namespace alpr::engine
