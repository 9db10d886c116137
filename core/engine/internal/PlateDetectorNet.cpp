#include "engine/internal/PlateDetectorNet.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace alpr::engine::internal {

namespace {

// Second look: the plate is zoomed to this width inside a window of this size, where the corners come out sharper
// and a false detection at coarse scale usually fades.
constexpr double refinedPlateWidth = 96.0;
const cv::Size refineWindow(192, 128);
// Two detections whose boxes overlap this much are the same plate (peaks of one blob on neighbouring cells).
constexpr float duplicateOverlap = 0.3f;
// Contrast equalisation of the equalised view: CLAHE on luma over 8x8 tiles of the detector's input. A clip limit
// of 2 lifts a washed-out plate's heat-map peak from ~0.15 to 0.35-0.8 (the drive-by's pale green plate).
constexpr double equaliseClipLimit = 2.0;
const cv::Size equaliseTiles(8, 8);

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

void PlateDetectorNet::decodeWindow(cv::dnn::Net& net, const cv::Mat& canvas, double scale, cv::Point2f shift,
                                    float threshold, bool equalised, std::vector<PlateDetection>& found)
{
    net.setInput(cv::dnn::blobFromImage(canvas, 1.0 / 255.0));
    const cv::Mat out = net.forward();
    const int gridH = out.size[2];
    const int gridW = out.size[3];
    const auto channel = [&](int c) { return cv::Mat(gridH, gridW, CV_32F, const_cast<float*>(out.ptr<float>(0, c))); };
    const cv::Mat heat = channel(0);
    cv::Mat localMax;
    cv::dilate(heat, localMax, cv::Mat::ones(3, 3, CV_8U));
    const float logitThreshold = std::log(threshold / (1.0f - threshold));
    for (int y = 0; y < gridH; ++y) {
        for (int x = 0; x < gridW; ++x) {
            const float logit = heat.at<float>(y, x);
            if (logit < logitThreshold || logit < localMax.at<float>(y, x))
                continue;
            const float cellX = (x + 0.5f) * m_geometry.stride;
            const float cellY = (y + 0.5f) * m_geometry.stride;
            PlateDetection d;
            d.score = sigmoid(logit);
            d.equalised = equalised;
            for (int i = 0; i < 4; ++i) {
                const float px = cellX + channel(3 + 2 * i).at<float>(y, x) * m_geometry.cornerScale;
                const float py = cellY + channel(4 + 2 * i).at<float>(y, x) * m_geometry.cornerScale;
                d.quad[i] = cv::Point2f(static_cast<float>(px / scale), static_cast<float>(py / scale)) + shift;
            }
            const cv::Rect2f box = boundsOf(d.quad);
            if (box.width >= 4 && box.height >= 2)
                found.push_back(d);
        }
    }
}

PlateDetectorNet::PlateDetectorNet(cv::dnn::Net net, cv::dnn::Net refineNet, Geometry geometry)
    : m_net(std::move(net)), m_refineNet(std::move(refineNet)), m_geometry(geometry),
      m_clahe(cv::createCLAHE(equaliseClipLimit, equaliseTiles))
{
}

cv::Mat PlateDetectorNet::equalised(const cv::Mat& bgr)
{
    cv::Mat ycrcb;
    cv::cvtColor(bgr, ycrcb, cv::COLOR_BGR2YCrCb);
    std::array<cv::Mat, 3> channels;
    cv::split(ycrcb, channels.data());
    m_clahe->apply(channels[0], channels[0]);
    cv::merge(channels.data(), channels.size(), ycrcb);
    cv::Mat out;
    cv::cvtColor(ycrcb, out, cv::COLOR_YCrCb2BGR);
    return out;
}

std::vector<PlateDetection> PlateDetectorNet::detect(const cv::Mat& bgr, float threshold, int maxCount,
                                                     DetectionView view)
{
    const int inW = m_geometry.inputWidth;
    const int inH = m_geometry.inputHeight;
    // Never enlarge: the detector was trained on plates up to ~150 px wide, and a small photo of a close car
    // would blow its plate past that.
    double scale = std::min({static_cast<double>(inW) / bgr.cols, static_cast<double>(inH) / bgr.rows, 1.0});
    // A portrait photo letterboxed into a landscape input leaves its plate a few pixels tall; two stacked
    // windows (one more forward pass) keep it readable.
    const double twoWindowScale = std::min({static_cast<double>(inW) / bgr.cols, 1.8 * inH / bgr.rows, 1.0});
    if (twoWindowScale > 1.3 * scale)
        scale = twoWindowScale;
    const int scaledW = std::max(1, std::min(inW, static_cast<int>(std::lround(bgr.cols * scale))));
    const int scaledH = std::max(1, static_cast<int>(std::lround(bgr.rows * scale)));
    cv::Mat scaled;
    cv::resize(bgr, scaled, cv::Size(scaledW, scaledH), 0, 0, scale < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);

    std::vector<int> windowTops{0};
    if (scaledH > inH)
        windowTops.push_back(scaledH - inH);
    std::vector<std::pair<cv::Mat, bool>> views;
    if (view != DetectionView::Equalised)
        views.emplace_back(scaled, false);
    if (view != DetectionView::Plain)
        views.emplace_back(equalised(scaled), true);
    std::vector<PlateDetection> found;
    for (const auto& [image, isEqualised] : views) {
        for (const int top : windowTops) {
            cv::Mat canvas(inH, inW, CV_8UC3, cv::Scalar::all(0));
            const int rows = std::min(inH, scaledH - top);
            image(cv::Rect(0, top, scaledW, rows)).copyTo(canvas(cv::Rect(0, 0, scaledW, rows)));
            decodeWindow(m_net, canvas, scale, cv::Point2f(0.0f, static_cast<float>(top / scale)), threshold,
                         isEqualised, found);
        }
    }
    // The plain view's detections come first, so a plate seen in both views keeps the plain (unaltered) look.
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return a.equalised != b.equalised ? !a.equalised : a.score > b.score;
    });
    std::vector<PlateDetection> kept;
    for (const auto& d : found) {
        const cv::Rect2f box = boundsOf(d.quad);
        const bool duplicate = std::any_of(kept.begin(), kept.end(), [&](const PlateDetection& k) {
            return overlap(box, boundsOf(k.quad)) > duplicateOverlap;
        });
        if (!duplicate)
            kept.push_back(d);
    }
    std::stable_sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
    if (static_cast<int>(kept.size()) > maxCount)
        kept.resize(static_cast<size_t>(maxCount));
    return kept;
}

std::optional<PlateDetection> PlateDetectorNet::refine(const cv::Mat& bgr, const PlateDetection& coarse,
                                                       float threshold)
{
    const cv::Rect2f box = boundsOf(coarse.quad);
    const cv::Point2f centre(box.x + box.width / 2, box.y + box.height / 2);
    const double scale = refinedPlateWidth / std::max(4.0f, box.width);
    const cv::Point2f origin = centre - cv::Point2f(static_cast<float>(refineWindow.width / 2 / scale),
                                                    static_cast<float>(refineWindow.height / 2 / scale));
    const cv::Matx23d toWindow(scale, 0, -origin.x * scale, 0, scale, -origin.y * scale);
    cv::Mat window;
    cv::warpAffine(bgr, window, toWindow, refineWindow, scale < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR,
                   cv::BORDER_CONSTANT, cv::Scalar::all(0));
    // A plate found only in the equalised view is usually too faint for the plain one at any zoom.
    if (coarse.equalised)
        window = equalised(window);
    std::vector<PlateDetection> found;
    decodeWindow(m_refineNet, window, scale, origin, threshold, coarse.equalised, found);
    // The plate we zoomed on is the peak nearest the window centre; others are neighbours seen at the edge.
    const auto nearest = std::min_element(found.begin(), found.end(), [&](const auto& a, const auto& b) {
        const cv::Rect2f ra = boundsOf(a.quad), rb = boundsOf(b.quad);
        return cv::norm(cv::Point2f(ra.x + ra.width / 2, ra.y + ra.height / 2) - centre) <
               cv::norm(cv::Point2f(rb.x + rb.width / 2, rb.y + rb.height / 2) - centre);
    });
    if (nearest == found.end() || overlap(boundsOf(nearest->quad), box) < 0.3f)
        return std::nullopt;
    return *nearest;
}

} // namespace alpr::engine::internal
