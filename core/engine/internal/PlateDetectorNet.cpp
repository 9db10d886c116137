#include "engine/internal/PlateDetectorNet.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace alpr::engine::internal {

namespace {

// Two detections whose boxes overlap this much are the same plate (peaks of one blob on neighbouring cells).
constexpr float duplicateOverlap = 0.3f;

float sigmoid(float z)
{
    return 1.0f / (1.0f + std::exp(-z));
}

cv::Rect2f boundsOf(const std::array<cv::Point2f, 4>& quad)
{
    float x0 = quad[0].x, y0 = quad[0].y, x1 = x0, y1 = y0;
    for (const auto& p : quad) {
        x0 = std::min(x0, p.x);
        y0 = std::min(y0, p.y);
        x1 = std::max(x1, p.x);
        y1 = std::max(y1, p.y);
    }
    return {x0, y0, x1 - x0, y1 - y0};
}

float overlap(const cv::Rect2f& a, const cv::Rect2f& b)
{
    const float inter = (a & b).area();
    const float smaller = std::min(a.area(), b.area());
    return smaller > 0 ? inter / smaller : 0.0f;
}

} // namespace

PlateDetectorNet::PlateDetectorNet(cv::dnn::Net net, Geometry geometry) : m_net(std::move(net)), m_geometry(geometry)
{
}

std::vector<PlateDetection> PlateDetectorNet::detect(const cv::Mat& bgr, float threshold, int maxCount)
{
    const int inW = m_geometry.inputWidth;
    const int inH = m_geometry.inputHeight;
    const double scale = std::min(static_cast<double>(inW) / bgr.cols, static_cast<double>(inH) / bgr.rows);
    const int scaledW = std::max(1, std::min(inW, static_cast<int>(std::lround(bgr.cols * scale))));
    const int scaledH = std::max(1, std::min(inH, static_cast<int>(std::lround(bgr.rows * scale))));
    cv::Mat canvas(inH, inW, CV_8UC3, cv::Scalar::all(0));
    cv::resize(bgr, canvas(cv::Rect(0, 0, scaledW, scaledH)), cv::Size(scaledW, scaledH), 0, 0,
               scale < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
    m_net.setInput(cv::dnn::blobFromImage(canvas, 1.0 / 255.0));
    const cv::Mat out = m_net.forward();
    const int gridH = out.size[2];
    const int gridW = out.size[3];
    const auto channel = [&](int c) { return cv::Mat(gridH, gridW, CV_32F, const_cast<float*>(out.ptr<float>(0, c))); };
    const cv::Mat heat = channel(0);
    cv::Mat localMax;
    cv::dilate(heat, localMax, cv::Mat::ones(3, 3, CV_8U));
    const float logitThreshold = std::log(threshold / (1.0f - threshold));

    std::vector<PlateDetection> found;
    for (int y = 0; y < gridH; ++y) {
        for (int x = 0; x < gridW; ++x) {
            const float logit = heat.at<float>(y, x);
            if (logit < logitThreshold || logit < localMax.at<float>(y, x))
                continue;
            const float cellX = (x + 0.5f) * m_geometry.stride;
            const float cellY = (y + 0.5f) * m_geometry.stride;
            PlateDetection d;
            d.score = sigmoid(logit);
            for (int i = 0; i < 4; ++i) {
                const float px = cellX + channel(3 + 2 * i).at<float>(y, x) * m_geometry.cornerScale;
                const float py = cellY + channel(4 + 2 * i).at<float>(y, x) * m_geometry.cornerScale;
                d.quad[i] = cv::Point2f(static_cast<float>(px / scale), static_cast<float>(py / scale));
            }
            const cv::Rect2f box = boundsOf(d.quad);
            if (box.width < 4 || box.height < 2)
                continue;
            found.push_back(d);
        }
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
    std::vector<PlateDetection> kept;
    for (const auto& d : found) {
        const cv::Rect2f box = boundsOf(d.quad);
        const bool duplicate = std::any_of(kept.begin(), kept.end(), [&](const PlateDetection& k) {
            return overlap(box, boundsOf(k.quad)) > duplicateOverlap;
        });
        if (!duplicate)
            kept.push_back(d);
        if (static_cast<int>(kept.size()) >= maxCount)
            break;
    }
    return kept;
}

} // namespace alpr::engine::internal
