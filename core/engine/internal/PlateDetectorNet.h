#pragma once

#include "engine/RecognizerOptions.h"

#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include <array>
#include <optional>
#include <vector>

namespace alpr::engine::internal {

/// A plate found by the detector network: corners in image pixels (TL, TR, BR, BL) and the heat-map peak.
struct PlateDetection {
    std::array<cv::Point2f, 4> quad;
    float score = 0.0f;
    /// Found in the contrast-equalised view; the second look then uses that view too.
    bool equalised = false;
};

/// The CenterNet-style plate detector (tools/engine/train_detector.py): letterboxes the image into the network's
/// input (two stacked windows for portrait photos), finds peaks in the stride-8 centre heat map and reads the four
/// corners regressed at each peak. The same network, fully convolutional, then looks again at each plate zoomed in.
class PlateDetectorNet {
public:
    struct Geometry {
        int inputWidth = 640;
        int inputHeight = 384;
        int stride = 8;
        float cornerScale = 32.0f;
    };

    /// net and refineNet are two instances of the same model, so neither reallocates for the other's input size.
    PlateDetectorNet(cv::dnn::Net net, cv::dnn::Net refineNet, Geometry geometry);

    /// view: the image as it is, its contrast-equalised copy (CLAHE on luma), or both, merged with the plain view's
    /// detections first. Throws cv::Exception on OpenCV failures (callers convert at the module edge).
    [[nodiscard]] std::vector<PlateDetection> detect(const cv::Mat& bgr, float threshold, int maxCount,
                                                     DetectionView view = DetectionView::Plain);

    /// Looks again at one detection, zoomed so the plate is about 96 px wide: corners from there, or nullopt when
    /// the zoomed view shows no plate (most false detections). Throws cv::Exception like detect().
    [[nodiscard]] std::optional<PlateDetection> refine(const cv::Mat& bgr, const PlateDetection& coarse,
                                                       float threshold);

private:
    /// Decodes the heat map of one window; image = window / scale + shift.
    void decodeWindow(cv::dnn::Net& net, const cv::Mat& canvas, double scale, cv::Point2f shift, float threshold,
                      bool equalised, std::vector<PlateDetection>& found);
    [[nodiscard]] cv::Mat equalised(const cv::Mat& bgr);

    cv::dnn::Net m_net;
    cv::dnn::Net m_refineNet;
    Geometry m_geometry;
    cv::Ptr<cv::CLAHE> m_clahe;
};

} // namespace alpr::engine::internal
