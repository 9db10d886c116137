#include "engine/internal/ImageProbe.h"

#include <cstdint>

namespace alpr::engine::internal {

namespace {

std::uint32_t bigEndian(const QByteArray& d, qsizetype at, int bytes)
{
    std::uint32_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v = (v << 8) | static_cast<std::uint8_t>(d[at + i]);
    return v;
}

std::uint32_t littleEndian(const QByteArray& d, qsizetype at, int bytes)
{
    std::uint32_t v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8) | static_cast<std::uint8_t>(d[at + i]);
    return v;
}

std::optional<ImageSize> probeJpeg(const QByteArray& d)
{
    // Walk the marker segments up to the first start-of-frame, which carries the size.
    qsizetype at = 2;
    while (at + 9 < d.size()) {
        if (static_cast<std::uint8_t>(d[at]) != 0xFF)
            return std::nullopt;
        const std::uint8_t marker = static_cast<std::uint8_t>(d[at + 1]);
        if (marker == 0xFF) {
            ++at;
            continue;
        }
        const bool startOfFrame =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (startOfFrame)
            return ImageSize{bigEndian(d, at + 7, 2), bigEndian(d, at + 5, 2)};
        at += 2 + bigEndian(d, at + 2, 2);
    }
    return std::nullopt;
}

} // namespace

std::optional<ImageSize> probeImageSize(const QByteArray& d)
{
    if (d.size() >= 24 && d.startsWith("\x89PNG\r\n\x1a\n"))
        return ImageSize{bigEndian(d, 16, 4), bigEndian(d, 20, 4)};
    if (d.size() >= 4 && static_cast<std::uint8_t>(d[0]) == 0xFF && static_cast<std::uint8_t>(d[1]) == 0xD8)
        return probeJpeg(d);
    if (d.size() >= 26 && d.startsWith("BM")) {
        const qint64 height = static_cast<std::int32_t>(littleEndian(d, 22, 4));
        return ImageSize{static_cast<std::int32_t>(littleEndian(d, 18, 4)), height < 0 ? -height : height};
    }
    if (d.size() >= 10 && (d.startsWith("GIF87a") || d.startsWith("GIF89a")))
        return ImageSize{littleEndian(d, 6, 2), littleEndian(d, 8, 2)};
    return std::nullopt;
}

} // namespace alpr::engine::internal
