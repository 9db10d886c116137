#pragma once

#include <QByteArray>

#include <optional>

namespace alpr::engine::internal {

/// Width and height read from an image header without decoding it, so that a forged header announcing a
/// gigapixel image is refused before OpenCV allocates for it. Knows PNG, JPEG, BMP and GIF; nullopt otherwise
/// (the caller then relies on OpenCV's own limits and checks the decoded size).
struct ImageSize {
    qint64 width = 0;
    qint64 height = 0;
};

[[nodiscard]] std::optional<ImageSize> probeImageSize(const QByteArray& data);

} // namespace alpr::engine::internal
