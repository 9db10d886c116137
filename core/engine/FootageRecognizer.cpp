#include "engine/FootageRecognizer.h"

#include "common/Log.h"
#include "engine/PlateTracker.h"
#include "engine/internal/MatConversion.h"
#include "engine/internal/MotionGate.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <opencv2/videoio.hpp>

#include <algorithm>
#include <cmath>

namespace alpr::engine {

namespace {

const QStringList videoExtensions{QStringLiteral("mp4"), QStringLiteral("m4v"),  QStringLiteral("avi"),
                                  QStringLiteral("mov"), QStringLiteral("mkv"),  QStringLiteral("webm"),
                                  QStringLiteral("mpg"), QStringLiteral("mpeg"), QStringLiteral("ts")};

Result<cv::VideoCapture> openVideo(const QString& path)
{
    if (!QFileInfo(path).isFile())
        return fail(ErrorCode::Io, QStringLiteral("The footage file does not exist or is not a regular file"), path);
    if (!QFileInfo(path).isReadable())
        return fail(ErrorCode::Io, QStringLiteral("The footage file cannot be read"), path);
    cv::VideoCapture capture;
    if (!capture.open(path.toStdString(), cv::CAP_FFMPEG) || !capture.isOpened())
        return fail(ErrorCode::InvalidInput, QStringLiteral("The file is not footage in a supported format"), path);
    return capture;
}

// Container time of the frame just grabbed; some streams report 0 throughout, then the frame rate decides.
double frameSeconds(cv::VideoCapture& capture, qint64 index, double fps)
{
    const double ms = capture.get(cv::CAP_PROP_POS_MSEC);
    if (ms > 0.0 || index == 0)
        return ms / 1000.0;
    return fps > 0 ? static_cast<double>(index) / fps : 0.0;
}

// Some cameras' files (GoPro with its telemetry track) make FFmpeg refuse a packet now and then in mid-stream;
// the frames after it decode fine, so a failed grab is only the end after several in a row.
constexpr int maxConsecutiveGrabFailures = 64;

bool grabNext(cv::VideoCapture& capture)
{
    for (int attempt = 0; attempt < maxConsecutiveGrabFailures; ++attempt) {
        if (capture.grab())
            return true;
    }
    return false;
}

void placeInTimeAndSpace(TrackedPlate& plate, const FootageOptions& options)
{
    if (options.startTimeUtc.isValid()) {
        const QDateTime start = options.startTimeUtc.toUTC();
        plate.firstSeenUtc = start.addMSecs(std::llround(plate.firstSeenSeconds * 1000.0));
        plate.lastSeenUtc = start.addMSecs(std::llround(plate.lastSeenSeconds * 1000.0));
        if (options.track) {
            plate.location = options.track->positionAt(start.addMSecs(std::llround(plate.bestSeconds * 1000.0)));
        }
    }
    if (!plate.location && options.fixedLocation)
        plate.location = options.fixedLocation;
}

} // namespace

FootageRecognizer::FootageRecognizer(PlateRecognizer& recognizer) : m_recognizer(recognizer) {}

bool FootageRecognizer::looksLikeVideo(const QString& path)
{
    return videoExtensions.contains(QFileInfo(path).suffix().toLower());
}

Result<FootageRecognizer::Statistics> FootageRecognizer::decodeOnly(const QString& path)
{
    try {
        auto capture = openVideo(path);
        if (!capture)
            return std::unexpected(capture.error());
        Statistics stats;
        QElapsedTimer timer;
        timer.start();
        cv::Mat frame;
        const double fps = capture->get(cv::CAP_PROP_FPS);
        while (grabNext(*capture) && capture->retrieve(frame))
            stats.durationSeconds = frameSeconds(*capture, stats.framesDecoded++, fps);
        stats.wallSeconds = timer.nsecsElapsed() / 1e9;
        return stats;
    } catch (const cv::Exception& e) {
        return fail(ErrorCode::Corrupt, QStringLiteral("The footage could not be decoded"),
                    QString::fromUtf8(e.what()));
    }
}

Result<QList<TrackedPlate>> FootageRecognizer::run(const QString& path, const FootageOptions& options, JobContext& job)
{
    m_statistics = {};
    try {
        auto capture = openVideo(path);
        if (!capture)
            return std::unexpected(capture.error());
        const double fps = capture->get(cv::CAP_PROP_FPS);
        const qint64 frameCount = std::max<qint64>(0, static_cast<qint64>(capture->get(cv::CAP_PROP_FRAME_COUNT)));
        const qint64 every =
            (fps > 0 && options.analysisFps > 0) ? std::max<qint64>(1, std::llround(fps / options.analysisFps)) : 1;
        internal::MotionGate gate(options.motionGating ? options.motionThreshold : -1.0,
                                  options.keyframeIntervalSeconds);
        PlateTracker tracker({options.trackGapSeconds, options.minObservations, options.singleReadConfidence,
                              options.unfittingTrackConfidence});
        QList<TrackedPlate> plates;
        const auto emitPlates = [&](QList<TrackedPlate> closed) {
            for (TrackedPlate& plate : closed) {
                placeInTimeAndSpace(plate, options);
                if (options.onPlate)
                    options.onPlate(plate);
                plates.append(std::move(plate));
            }
        };

        QElapsedTimer timer;
        timer.start();
        cv::Mat image;
        qint64 index = 0;
        for (;; ++index) {
            job.waitWhilePaused();
            if (job.isCancelled())
                return fail(ErrorCode::Cancelled, QStringLiteral("Footage analysis was cancelled"));
            if (!grabNext(*capture))
                break;
            const double seconds = frameSeconds(*capture, index, fps);
            ++m_statistics.framesDecoded;
            m_statistics.durationSeconds = seconds;
            if (index % every != 0)
                continue;
            if (!capture->retrieve(image) || image.empty())
                continue;
            if (!gate.shouldAnalyse(image, seconds, tracker.hasOpenTracks()))
                continue;
            ++m_statistics.framesAnalysed;
            const Frame frame = internal::frameFromMat(image);
            auto reads = m_recognizer.recognize(frame, options.detectionView);
            if (!reads)
                return std::unexpected(reads.error());
            tracker.addFrame(seconds, *reads, frame);
            emitPlates(tracker.takeClosed(seconds));
            job.reportProgress(index + 1, frameCount, QStringLiteral("Reading plates"));
        }
        if (m_statistics.framesDecoded == 0)
            return fail(ErrorCode::InvalidInput, QStringLiteral("The footage holds no decodable frames"), path);
        emitPlates(tracker.takeAll());
        std::sort(plates.begin(), plates.end(),
                  [](const TrackedPlate& a, const TrackedPlate& b) { return a.firstSeenSeconds < b.firstSeenSeconds; });
        m_statistics.wallSeconds = timer.nsecsElapsed() / 1e9;
        job.reportProgress(frameCount, frameCount, QStringLiteral("Done"));
        diag::info(QStringLiteral("Footage analysed: %1 frames decoded, %2 analysed, %3 plates, %4 s")
                       .arg(m_statistics.framesDecoded)
                       .arg(m_statistics.framesAnalysed)
                       .arg(plates.size())
                       .arg(m_statistics.wallSeconds, 0, 'f', 1));
        return plates;
    } catch (const cv::Exception& e) {
        return fail(ErrorCode::Corrupt, QStringLiteral("The footage could not be decoded"),
                    QString::fromUtf8(e.what()));
    }
}

} // namespace alpr::engine
