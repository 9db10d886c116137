#include "engine/internal/ModelBundle.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <opencv2/dnn.hpp>

#include <vector>

namespace alpr::engine::internal {

namespace {

const QString compiledInModels = QStringLiteral(":/alpr/models");

Result<QByteArray> readModelFile(const QString& directory, const QString& name)
{
    const QString path = QDir(directory).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::NotFound, QStringLiteral("A recognition model file is missing"), path);
    return file.readAll();
}

Result<cv::dnn::Net> loadNet(const QByteArray& onnx, const QString& name)
{
    try {
        const std::vector<uchar> bytes(onnx.begin(), onnx.end());
        cv::dnn::Net net = cv::dnn::readNetFromONNX(bytes);
        if (net.empty())
            return fail(ErrorCode::Corrupt, QStringLiteral("A recognition model could not be loaded"), name);
        net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
        net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
        return net;
    } catch (const cv::Exception& e) {
        return fail(ErrorCode::Corrupt, QStringLiteral("A recognition model could not be loaded"),
                    name + QStringLiteral(": ") + QString::fromUtf8(e.what()));
    }
}

Result<cv::dnn::Net> loadNetFile(const QString& directory, const QString& name)
{
    const auto bytes = readModelFile(directory, name);
    if (!bytes)
        return std::unexpected(bytes.error());
    return loadNet(*bytes, name);
}

} // namespace

Result<ModelBundle> ModelBundle::load(const QString& requestedDirectory)
{
    const QString directory = requestedDirectory.isEmpty() ? compiledInModels : requestedDirectory;
    const auto configBytes = readModelFile(directory, QStringLiteral("engine.json"));
    if (!configBytes)
        return std::unexpected(configBytes.error());
    const QJsonObject config = QJsonDocument::fromJson(*configBytes).object();
    const QJsonObject detectorConfig = config.value(QStringLiteral("detector")).toObject();
    const QJsonObject ocrConfig = config.value(QStringLiteral("ocr")).toObject();
    const QString alphabet = ocrConfig.value(QStringLiteral("alphabet")).toString();
    if (detectorConfig.isEmpty() || ocrConfig.isEmpty() || alphabet.isEmpty())
        return fail(ErrorCode::Corrupt, QStringLiteral("The recognition engine configuration is incomplete"),
                    QDir(directory).filePath(QStringLiteral("engine.json")));

    ModelBundle bundle;
    const auto formatBytes = readModelFile(directory, config.value(QStringLiteral("formats")).toString());
    if (!formatBytes)
        return std::unexpected(formatBytes.error());
    auto formats = PlateFormatBook::fromJson(*formatBytes);
    if (!formats)
        return std::unexpected(formats.error());
    bundle.formats = std::move(*formats);
    bundle.calibrator = ConfidenceCalibrator::fromJson(config.value(QStringLiteral("calibration")).toObject());
    bundle.decoder = std::make_unique<CtcBeamDecoder>(alphabet);

    const QString detectorFile = detectorConfig.value(QStringLiteral("file")).toString();
    auto detectorNet = loadNetFile(directory, detectorFile);
    if (!detectorNet)
        return std::unexpected(detectorNet.error());
    auto refineNet = loadNetFile(directory, detectorFile);
    if (!refineNet)
        return std::unexpected(refineNet.error());
    PlateDetectorNet::Geometry geometry;
    geometry.inputWidth = detectorConfig.value(QStringLiteral("width")).toInt(geometry.inputWidth);
    geometry.inputHeight = detectorConfig.value(QStringLiteral("height")).toInt(geometry.inputHeight);
    geometry.stride = detectorConfig.value(QStringLiteral("stride")).toInt(geometry.stride);
    geometry.cornerScale = static_cast<float>(detectorConfig.value(QStringLiteral("corner_scale")).toDouble(32.0));
    bundle.detector = std::make_unique<PlateDetectorNet>(std::move(*detectorNet), std::move(*refineNet), geometry);

    auto ocrNet = loadNetFile(directory, ocrConfig.value(QStringLiteral("file")).toString());
    if (!ocrNet)
        return std::unexpected(ocrNet.error());
    bundle.ocr = std::make_unique<PlateOcrNet>(std::move(*ocrNet), ocrConfig.value(QStringLiteral("width")).toInt(128),
                                               ocrConfig.value(QStringLiteral("height")).toInt(48));
    return bundle;
}

} // namespace alpr::engine::internal
