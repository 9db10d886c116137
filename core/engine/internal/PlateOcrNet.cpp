#include "engine/internal/PlateOcrNet.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace alpr::engine::internal {

namespace {

// A rectified plate using less grey range than this is washed out and is stretched before reading (64-128 measured
// alike on us-dev and the drive-by; 160 already turned non-plates into confident reads).
constexpr double lowContrastRange = 128.0;

// Grows the quad along its own axes (left-right and top-bottom), not the image's.
std::array<cv::Point2f, 4> grown(const std::array<cv::Point2f, 4>& quad, float growX, float growY)
{
    const cv::Point2f across = ((quad[1] - quad[0]) + (quad[2] - quad[3])) * 0.5f;
    const cv::Point2f down = ((quad[3] - quad[0]) + (quad[2] - quad[1])) * 0.5f;
    const cv::Point2f dx = across * (growX * 0.5f);
    const cv::Point2f dy = down * (growY * 0.5f);
    return {quad[0] - dx - dy, quad[1] + dx - dy, quad[2] + dx + dy, quad[3] - dx + dy};
}

} // namespace

PlateOcrNet::PlateOcrNet(cv::dnn::Net net, int inputWidth, int inputHeight)
    : m_net(std::move(net)), m_inputWidth(inputWidth), m_inputHeight(inputHeight)
{
}

cv::Mat PlateOcrNet::rectify(const cv::Mat& bgr, const std::array<cv::Point2f, 4>& quad, cv::Size size)
{
    const std::array<cv::Point2f, 4> target{
        cv::Point2f(0, 0), cv::Point2f(static_cast<float>(size.width), 0),
        cv::Point2f(static_cast<float>(size.width), static_cast<float>(size.height)),
        cv::Point2f(0, static_cast<float>(size.height))};
    const cv::Mat transform = cv::getPerspectiveTransform(quad.data(), target.data());
    cv::Mat out;
    cv::warpPerspective(bgr, out, transform, size, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return out;
}

cv::Mat PlateOcrNet::forward(const cv::Mat& gray)
{
    m_net.setInput(cv::dnn::blobFromImage(gray, 1.0 / 255.0));
    return m_net.forward().clone();
}

CtcProbabilities PlateOcrNet::read(const cv::Mat& bgr, const std::array<cv::Point2f, 4>& quad,
                                   const std::vector<QuadVariant>& variants)
{
    const cv::Size inputSize(m_inputWidth, m_inputHeight);
    // A plate much larger than the input is shrunk in two steps so the warp does not alias thin strokes.
    cv::Mat source = bgr;
    float shrink = 1.0f;
    const float quadWidth = static_cast<float>(cv::norm(quad[1] - quad[0]));
    if (quadWidth > 2.5f * m_inputWidth) {
        shrink = 2.0f * m_inputWidth / quadWidth;
        cv::resize(bgr, source, cv::Size(), shrink, shrink, cv::INTER_AREA);
    }
    CtcProbabilities result;
    for (const QuadVariant& variant : variants) {
        auto scaled = grown(quad, variant.growX, variant.growY);
        for (auto& p : scaled)
            p *= shrink;
        cv::Mat gray;
        cv::cvtColor(rectify(source, scaled, inputSize), gray, cv::COLOR_BGR2GRAY);
        // Washed-out and tinted plates (faded paint, glare, a pale green or blue background) reach the network with
        // a few dozen grey levels between ink and background; stretched to the full range they read like the rest.
        // Crops with more contrast are left alone: stretched, a red-and-white barrier or a fog lamp became "text"
        // read at full confidence.
        double darkest = 0.0, brightest = 0.0;
        cv::minMaxLoc(gray, &darkest, &brightest);
        if (brightest - darkest < lowContrastRange)
            cv::normalize(gray, gray, 0, 255, cv::NORM_MINMAX);
        const cv::Mat logits = forward(gray); // 1 x classes x 1 x steps
        const int classes = logits.size[1];
        const int steps = logits.size[3];
        if (result.values.empty()) {
            result.classes = classes;
            result.steps = steps;
            result.values.assign(static_cast<size_t>(classes) * steps, 0.0f);
        }
        for (int t = 0; t < steps; ++t) {
            float maxLogit = -1e30f;
            for (int c = 0; c < classes; ++c)
                maxLogit = std::max(maxLogit, logits.ptr<float>(0, c)[t]);
            float sum = 0.0f;
            std::vector<float> e(static_cast<size_t>(classes));
            for (int c = 0; c < classes; ++c) {
                e[static_cast<size_t>(c)] = std::exp(logits.ptr<float>(0, c)[t] - maxLogit);
                sum += e[static_cast<size_t>(c)];
            }
            for (int c = 0; c < classes; ++c)
                result.values[static_cast<size_t>(t) * classes + c] +=
                    e[static_cast<size_t>(c)] / sum / static_cast<float>(variants.size());
        }
    }
    return result;
}

} // namespace alpr::engine::internal
