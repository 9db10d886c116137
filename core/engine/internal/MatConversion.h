#pragma once

#include "engine/Frame.h"

#include <opencv2/core.hpp>

namespace alpr::engine::internal {

/// A read-only cv::Mat over the frame's pixels (no copy). The frame must outlive the view.
[[nodiscard]] cv::Mat matView(const Frame& frame);
/// Copies an 8-bit BGR (or gray, converted) image into a Frame.
[[nodiscard]] Frame frameFromMat(const cv::Mat& image);

} // namespace alpr::engine::internal
