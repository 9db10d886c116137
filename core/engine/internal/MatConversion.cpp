#include "engine/internal/MatConversion.h"

#include <opencv2/imgproc.hpp>

namespace alpr::engine::internal {

cv::Mat matView(const Frame& frame)
{
    if (frame.isNull())
        return {};
    // cv::Mat wants a non-const pointer; the view is only ever read.
    return cv::Mat(frame.height(), frame.width(), CV_8UC3, const_cast<char*>(frame.bgr().constData()));
}

Frame frameFromMat(const cv::Mat& image)
{
    if (image.empty())
        return {};
    cv::Mat bgr;
    if (image.channels() == 1)
        cv::cvtColor(image, bgr, cv::COLOR_GRAY2BGR);
    else if (image.channels() == 4)
        cv::cvtColor(image, bgr, cv::COLOR_BGRA2BGR);
    else
        bgr = image;
    if (bgr.depth() != CV_8U)
        bgr.convertTo(bgr, CV_8U);
    QByteArray bytes(static_cast<qsizetype>(bgr.cols) * bgr.rows * 3, Qt::Uninitialized);
    cv::Mat target(bgr.rows, bgr.cols, CV_8UC3, bytes.data());
    bgr.copyTo(target);
    return Frame::fromBgr(bgr.cols, bgr.rows, std::move(bytes));
}

} // namespace alpr::engine::internal
