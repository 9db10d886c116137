#pragma once

#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>

#include <array>
#include <vector>

namespace alpr::engine::internal {

/// A plate found by the detector network: corners in image pixels (TL, TR, BR, BL) and the heat-map peak.
struct PlateDetection {
    std::array<cv::Point2f, 4> quad;
    float score = 0.0f;
};

/// The CenterNet-style plate detector (tools/engine/train_detector.py): letterboxes the image into the network's
/// fixed input, finds peaks in the stride-8 centre heat map and reads the four corners regressed at each peak.
class PlateDetectorNet {
public:
    struct Geometry {
        int inputWidth = 640;
        int inputHeight = 384;
        int stride = 8;
        float cornerScale = 32.0f;
    };

    PlateDetectorNet(cv::dnn::Net net, Geometry geometry);

    /// Throws cv::Exception on OpenCV failures (callers convert at the module edge).
    [[nodiscard]] std::vector<PlateDetection> detect(const cv::Mat& bgr, float threshold, int maxCount);

private:
    cv::dnn::Net m_net;
    Geometry m_geometry;
};

} // namespace alpr::engine::internal
