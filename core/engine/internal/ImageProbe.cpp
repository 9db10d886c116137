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

// libjpeg happily returns a grey-padded picture for a cut-off file. An intact JPEG ends its last scan with an
// end-of-image marker; entropy-coded data cannot contain 0xFFD9 or 0xFFDA (byte stuffing), so a last start-of-scan
// after the last end-of-image means the file was truncated.
bool jpegLooksTruncated(const QByteArray& data)
{
    if (data.size() < 4 || static_cast<unsigned char>(data[0]) != 0xFF || static_cast<unsigned char>(data[1]) != 0xD8)
        return false;
    const qsizetype lastEnd = data.lastIndexOf(QByteArrayView("\xFF\xD9", 2));
    const qsizetype lastScan = data.lastIndexOf(QByteArrayView("\xFF\xDA", 2));
    return lastEnd < 0 || lastEnd < lastScan;
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

QString imageSizeText(qint64 width, qint64 height)
{
    return QStringLiteral("%1x%2").arg(width).arg(height);
}

VoidResult checkBeforeDecoding(const QByteArray& encoded, qint64 maxEncodedBytes, qint64 maxPixels)
{
    if (encoded.isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("The file is empty"));
    if (encoded.size() > maxEncodedBytes)
        return fail(ErrorCode::InvalidInput, QStringLiteral("The image file is too large"),
                    QStringLiteral("%1 bytes").arg(encoded.size()));
    if (const auto probed = probeImageSize(encoded)) {
        if (probed->width <= 0 || probed->height <= 0)
            return fail(ErrorCode::Corrupt, QStringLiteral("The image header is damaged"),
                        imageSizeText(probed->width, probed->height));
        // Divided, not multiplied: two 32-bit sides multiply past what qint64 holds.
        if (probed->width > maxPixels / probed->height)
            return fail(ErrorCode::InvalidInput, QStringLiteral("The image is too large to analyse (%1 pixels)")
                                                     .arg(imageSizeText(probed->width, probed->height)));
    }
    if (jpegLooksTruncated(encoded))
        return fail(ErrorCode::Corrupt, QStringLiteral("The JPEG image is truncated"));
    return {};
}

} // namespace alpr::engine::internal
