#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace alpr::engine {

/// A decoded 8-bit BGR image, the engine's own image type so that no OpenCV type leaks into public headers.
/// Implicitly shared (QByteArray underneath): copies are cheap, and a copy made before a change stays intact.
class Frame {
public:
    /// Images larger than this are refused before decoding: no camera we read makes them, and a forged header
    /// must not make us allocate gigabytes.
    static constexpr qint64 maxPixels = 80LL * 1000 * 1000;
    static constexpr qint64 maxEncodedBytes = 256LL * 1024 * 1024;

    Frame() = default;

    /// Decodes JPEG, PNG, BMP, TIFF, WebP... Fails with InvalidInput/Corrupt for empty, truncated, non-image or
    /// absurdly large data; never throws.
    [[nodiscard]] static Result<Frame> fromEncoded(const QByteArray& encoded);
    /// Reads and decodes a file; Io when it cannot be read.
    [[nodiscard]] static Result<Frame> fromFile(const QString& path);
    /// Wraps packed BGR pixels (width * 3 bytes a row). Returns a null frame when the size does not match.
    [[nodiscard]] static Frame fromBgr(int width, int height, QByteArray bgr);

    [[nodiscard]] bool isNull() const { return m_width <= 0 || m_height <= 0; }
    [[nodiscard]] int width() const { return m_width; }
    [[nodiscard]] int height() const { return m_height; }
    /// Packed BGR, width * 3 bytes a row, top row first.
    [[nodiscard]] const QByteArray& bgr() const { return m_bgr; }

    /// Encodes as ".jpg" or ".png" (for crops stored or shown elsewhere).
    [[nodiscard]] Result<QByteArray> encode(const QString& extension = QStringLiteral(".jpg"), int quality = 90) const;

private:
    int m_width = 0;
    int m_height = 0;
    QByteArray m_bgr;
};

} // namespace alpr::engine
