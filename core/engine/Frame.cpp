#include "engine/Frame.h"

#include "engine/internal/ImageProbe.h"
#include "engine/internal/MatConversion.h"

#include <QFile>
#include <QFileInfo>

#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <vector>

namespace alpr::engine {

namespace {

// Starts like an image file we could decode: a failure to decode it then means damage, not a wrong file type.
bool hasImageSignature(const QByteArray& data)
{
    static const QList<QByteArray> signatures{
        QByteArray("\x89PNG\r\n\x1a\n"), QByteArray("\xFF\xD8\xFF"), QByteArray("BM"),  QByteArray("GIF8"),
        QByteArray("II*\0", 4),          QByteArray("MM\0*", 4),     QByteArray("RIFF")};
    return std::any_of(signatures.begin(), signatures.end(), [&](const QByteArray& s) { return data.startsWith(s); });
}

} // namespace

Result<Frame> Frame::fromEncoded(const QByteArray& encoded)
{
    if (auto admitted = internal::checkBeforeDecoding(encoded, maxEncodedBytes, maxPixels); !admitted)
        return std::unexpected(admitted.error());
    try {
        const std::vector<uchar> bytes(encoded.begin(), encoded.end());
        const cv::Mat decoded = cv::imdecode(bytes, cv::IMREAD_COLOR);
        if (decoded.empty()) {
            if (internal::probeImageSize(encoded) || hasImageSignature(encoded))
                return fail(ErrorCode::Corrupt, QStringLiteral("The image is damaged or truncated"));
            return fail(ErrorCode::InvalidInput, QStringLiteral("The file is not an image in a supported format"));
        }
        if (static_cast<qint64>(decoded.cols) * decoded.rows > maxPixels)
            return fail(ErrorCode::InvalidInput, QStringLiteral("The image is too large to analyse (%1 pixels)")
                                                     .arg(internal::imageSizeText(decoded.cols, decoded.rows)));
        return internal::frameFromMat(decoded);
    } catch (const cv::Exception& e) {
        return fail(ErrorCode::Corrupt, QStringLiteral("The image could not be decoded"), QString::fromUtf8(e.what()));
    } catch (const std::bad_alloc&) {
        return fail(ErrorCode::InvalidInput, QStringLiteral("The image is too large to analyse"));
    }
}

Result<Frame> Frame::fromFile(const QString& path)
{
    QFile file(path);
    if (!QFileInfo(path).isFile())
        return fail(ErrorCode::Io, QStringLiteral("The file does not exist or is not a regular file"), path);
    if (file.size() > maxEncodedBytes)
        return fail(ErrorCode::InvalidInput, QStringLiteral("The image file is too large"), path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, QStringLiteral("The file cannot be read"),
                    path + QStringLiteral(": ") + file.errorString());
    const QByteArray data = file.readAll();
    auto frame = fromEncoded(data);
    if (!frame)
        frame.error().detail =
            frame.error().detail.isEmpty() ? path : path + QStringLiteral(": ") + frame.error().detail;
    return frame;
}

Frame Frame::fromBgr(int width, int height, QByteArray bgr)
{
    Frame frame;
    if (width <= 0 || height <= 0 || bgr.size() != static_cast<qsizetype>(width) * height * 3)
        return frame;
    frame.m_width = width;
    frame.m_height = height;
    frame.m_bgr = std::move(bgr);
    return frame;
}

Result<QByteArray> Frame::encode(const QString& extension, int quality) const
{
    if (isNull())
        return fail(ErrorCode::InvalidInput, QStringLiteral("There is no image to encode"));
    try {
        std::vector<uchar> out;
        std::vector<int> params;
        if (extension == QStringLiteral(".jpg") || extension == QStringLiteral(".jpeg"))
            params = {cv::IMWRITE_JPEG_QUALITY, quality};
        if (!cv::imencode(extension.toStdString(), internal::matView(*this), out, params))
            return fail(ErrorCode::Unsupported, QStringLiteral("The image could not be encoded"), extension);
        return QByteArray(reinterpret_cast<const char*>(out.data()), static_cast<qsizetype>(out.size()));
    } catch (const cv::Exception& e) {
        return fail(ErrorCode::Unsupported, QStringLiteral("The image could not be encoded"),
                    QString::fromUtf8(e.what()));
    }
}

} // namespace alpr::engine
