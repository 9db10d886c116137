#pragma once

#include <opencv2/core.hpp>

namespace alpr::engine::internal {

/// Decides whether a sampled frame is worth the detector: something moved since the last analysed frame, or it
/// has been a while. Works on a small grey thumbnail, so it costs well under a millisecond a frame.
class MotionGate {
public:
    MotionGate(double threshold, double keyframeIntervalSeconds);

    /// force = analyse regardless (a plate is being tracked). Remembers the frame when it says yes.
    [[nodiscard]] bool shouldAnalyse(const cv::Mat& bgr, double seconds, bool force);
    [[nodiscard]] double lastDifference() const { return m_lastDifference; }

private:
    double m_threshold;
    double m_keyframeInterval;
    cv::Mat m_reference;
    double m_referenceSeconds = -1e9;
    double m_lastDifference = 0.0;
};

} // namespace alpr::engine::internal
