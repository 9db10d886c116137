#include "engine/internal/MotionGate.h"

#include <opencv2/imgproc.hpp>

namespace alpr::engine::internal {

namespace {

const cv::Size thumbnailSize(96, 54);

} // namespace

MotionGate::MotionGate(double threshold, double keyframeIntervalSeconds)
    : m_threshold(threshold), m_keyframeInterval(keyframeIntervalSeconds)
{
}

bool MotionGate::shouldAnalyse(const cv::Mat& bgr, double seconds, bool force)
{
    cv::Mat small;
    cv::Mat gray;
    cv::resize(bgr, small, thumbnailSize, 0, 0, cv::INTER_AREA);
    cv::cvtColor(small, gray, cv::COLOR_BGR2GRAY);
    m_lastDifference = 255.0;
    if (!m_reference.empty()) {
        cv::Mat diff;
        cv::absdiff(gray, m_reference, diff);
        m_lastDifference = cv::mean(diff)[0];
    }
    const bool analyse = force || m_lastDifference >= m_threshold || seconds - m_referenceSeconds >= m_keyframeInterval;
    if (analyse) {
        m_reference = gray;
        m_referenceSeconds = seconds;
    }
    return analyse;
}

} // namespace alpr::engine::internal
