#pragma once

#include "engine/CtcBeamDecoder.h"

#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>

#include <array>

namespace alpr::engine::internal {

/// The CTC plate reader (tools/engine/train_ocr.py): rectifies a plate quad to the network's fixed grey input and
/// returns per-column class probabilities. Reads a few slightly different quads and averages them, because the
/// detector's corners are a few pixels off and the average is steadier than any single read.
class PlateOcrNet {
public:
    PlateOcrNet(cv::dnn::Net net, int inputWidth, int inputHeight);

    /// How a read changes the detected quad: relative growth in width and height (negative = tighter).
    struct QuadVariant {
        float growX = 0.0f;
        float growY = 0.0f;
    };

    /// Reads the quad changed by each variant and returns the averaged per-column probabilities.
    /// Throws cv::Exception on OpenCV failures (callers convert at the module edge).
    [[nodiscard]] CtcProbabilities read(const cv::Mat& bgr, const std::array<cv::Point2f, 4>& quad,
                                        const std::vector<QuadVariant>& variants);

    /// The quad warped to a fronto-parallel BGR image of the given size.
    [[nodiscard]] static cv::Mat rectify(const cv::Mat& bgr, const std::array<cv::Point2f, 4>& quad, cv::Size size);

private:
    [[nodiscard]] cv::Mat forward(const cv::Mat& gray);

    cv::dnn::Net m_net;
    int m_inputWidth;
    int m_inputHeight;
};

} // namespace alpr::engine::internal
