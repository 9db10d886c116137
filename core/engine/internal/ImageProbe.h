#pragma once

#include "common/Result.h"

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

/// "WIDTHxHEIGHT", as error details name an image's size.
[[nodiscard]] QString imageSizeText(qint64 width, qint64 height);

/// The gate every encoded still or frame passes before OpenCV sees it: InvalidInput when empty, over maxEncodedBytes
/// or announcing more than maxPixels; Corrupt when the header gives a size of zero or less, or a JPEG is cut off.
/// Passing says nothing about the pixels: the decoder may still fail.
[[nodiscard]] VoidResult checkBeforeDecoding(const QByteArray& encoded, qint64 maxEncodedBytes, qint64 maxPixels);

} // namespace alpr::engine::internal
