#include "DriveByClipMaker.h"

#include "engine/Frame.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QStringList>

#include <algorithm>
#include <random>

namespace alpr::testsupport {

namespace {

struct LabelledPhoto {
    QString file;
    double plateCentreX = 0.0;
    double plateCentreY = 0.0;
    QString plate;
};

QList<LabelledPhoto> readGroundTruth(const QString& dir)
{
    QList<LabelledPhoto> photos;
    QFile file(dir + QStringLiteral("/groundtruth.tsv"));
    if (!file.open(QIODevice::ReadOnly))
        return photos;
    for (const QByteArray& line : file.readAll().split('\n')) {
        const QList<QByteArray> f = line.trimmed().split('\t');
        if (f.size() < 6)
            continue;
        photos.append({dir + QLatin1Char('/') + QString::fromUtf8(f[0]), f[1].toDouble() + f[3].toDouble() / 2,
                       f[2].toDouble() + f[4].toDouble() / 2, QString::fromUtf8(f[5])});
    }
    // The file's line order is not ours to keep stable; the seed alone decides.
    std::sort(photos.begin(), photos.end(), [](const auto& a, const auto& b) { return a.file < b.file; });
    return photos;
}

// Fisher-Yates with the generator's raw output: std::shuffle's use of the generator differs between libraries.
void seededShuffle(QList<LabelledPhoto>& photos, quint32 seed)
{
    std::mt19937 generator(seed);
    for (qsizetype i = photos.size() - 1; i > 0; --i)
        std::swap(photos[i], photos[static_cast<qsizetype>(generator() % static_cast<quint32>(i + 1))]);
}

// One car: the photo cropped to the clip's shape around its plate, then zoomed in by a third over its time with the
// plate's point fixed on screen (x = P(1 - 1/zoom)), so the plate grows but never leaves the picture.
QString carFilter(int input, const LabelledPhoto& photo, QSize photoSize, const DriveByClipMaker::Options& options,
                  int frames)
{
    const double aspect = static_cast<double>(options.size.width()) / options.size.height();
    const double cropW = std::min<double>(photoSize.width(), photoSize.height() * aspect);
    const double cropH = cropW / aspect;
    const double cropX = std::clamp(photo.plateCentreX - cropW / 2, 0.0, photoSize.width() - cropW);
    const double cropY = std::clamp(photo.plateCentreY - cropH / 2, 0.0, photoSize.height() - cropH);
    const double scale = options.size.width() / cropW;
    const double plateX = (photo.plateCentreX - cropX) * scale;
    const double plateY = (photo.plateCentreY - cropY) * scale;
    return QStringLiteral("[%1:v]crop=%2:%3:%4:%5,scale=%6:%7,setsar=1,"
                          "zoompan=z='1+0.33*on/%8':x='%9*(1-1/zoom)':y='%10*(1-1/zoom)':d=%11:s=%6x%7:fps=%12[v%1]")
        .arg(input)
        .arg(qRound(cropW))
        .arg(qRound(cropH))
        .arg(qRound(cropX))
        .arg(qRound(cropY))
        .arg(options.size.width())
        .arg(options.size.height())
        .arg(std::max(1, frames - 1))
        .arg(plateX, 0, 'f', 1)
        .arg(plateY, 0, 'f', 1)
        .arg(frames)
        .arg(options.framesPerSecond);
}

} // namespace

QString DriveByClipMaker::ffmpegProgram()
{
    return QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
}

Result<DriveByClip> DriveByClipMaker::make(const QString& usDevDirectory, const QString& outputPath,
                                           const Options& options)
{
    const QString ffmpeg = ffmpegProgram();
    if (ffmpeg.isEmpty())
        return fail(ErrorCode::NotFound, QStringLiteral("ffmpeg is not installed"));
    QList<LabelledPhoto> photos = readGroundTruth(usDevDirectory);
    if (photos.size() < options.cars)
        return fail(ErrorCode::NotFound, QStringLiteral("The labelled us-dev photos are missing"), usDevDirectory);
    seededShuffle(photos, options.seed);

    const int frames = std::max(2, qRound(options.secondsPerCar * options.framesPerSecond));
    DriveByClip clip{outputPath, options.size, options.framesPerSecond, {}};
    QStringList arguments{QStringLiteral("-nostdin"), QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"),
                          QStringLiteral("error"), QStringLiteral("-y")};
    QStringList filters;
    QString concatInputs;
    for (int car = 0; car < options.cars; ++car) {
        const LabelledPhoto& photo = photos[car];
        const auto image = engine::Frame::fromFile(photo.file);
        if (!image)
            return std::unexpected(image.error());
        arguments << QStringLiteral("-i") << photo.file;
        filters << carFilter(car, photo, QSize(image->width(), image->height()), options, frames);
        concatInputs += QStringLiteral("[v%1]").arg(car);
        const double start = static_cast<double>(car * frames) / options.framesPerSecond;
        clip.passes.append({start, start + static_cast<double>(frames) / options.framesPerSecond, photo.plate});
    }
    filters << concatInputs + QStringLiteral("concat=n=%1:v=1:a=0,format=yuv420p[out]").arg(options.cars);
    // Single-threaded x264: its output is then the same bytes on every machine and run.
    arguments << QStringLiteral("-filter_complex") << filters.join(QLatin1Char(';')) << QStringLiteral("-map")
              << QStringLiteral("[out]") << QStringLiteral("-c:v") << QStringLiteral("libx264")
              << QStringLiteral("-preset") << QStringLiteral("veryfast") << QStringLiteral("-crf")
              << QStringLiteral("20") << QStringLiteral("-g") << QString::number(2 * options.framesPerSecond)
              << QStringLiteral("-threads") << QStringLiteral("1") << QStringLiteral("-r")
              << QString::number(options.framesPerSecond) << outputPath;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(ffmpeg, arguments);
    if (!process.waitForFinished(600'000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return fail(ErrorCode::Io, QStringLiteral("ffmpeg could not make the drive-by clip"),
                    QString::fromUtf8(process.readAll().right(2000)));
    if (!QFileInfo(outputPath).isFile())
        return fail(ErrorCode::Io, QStringLiteral("ffmpeg wrote no clip"), outputPath);
    return clip;
}

} // namespace alpr::testsupport
