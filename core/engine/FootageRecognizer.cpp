#include "engine/FootageRecognizer.h"

#include "common/Log.h"
#include "engine/PlateTracker.h"
#include "engine/internal/AnalysisPacer.h"
#include "engine/internal/FootageDecoder.h"
#include "engine/internal/MatConversion.h"
#include "engine/internal/MotionGate.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <opencv2/core/utility.hpp>
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

// Converted frames decoded ahead of the analysis: enough to ride out a slow frame on either side, few enough that a
// queue of 1080p frames stays small (6 MB each).
constexpr int decodeAhead = 4;

// OpenCV's thread pool is process-wide: FootageOptions::inferenceThreads holds for one run, then the caller's
// setting is back.
class InferenceThreads {
public:
    explicit InferenceThreads(int threads) : m_previous(cv::getNumThreads()), m_set(threads > 0)
    {
        if (m_set)
            cv::setNumThreads(threads);
    }
    ~InferenceThreads()
    {
        if (m_set)
            cv::setNumThreads(m_previous);
    }
    InferenceThreads(const InferenceThreads&) = delete;
    InferenceThreads& operator=(const InferenceThreads&) = delete;

private:
    int m_previous;
    bool m_set;
};

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
        QElapsedTimer timer;
        timer.start();
        internal::FootageDecoder decoder(std::move(*capture), 1, decodeAhead);
        while (decoder.next()) {
        }
        if (!decoder.error().isEmpty())
            return fail(ErrorCode::Corrupt, QStringLiteral("The footage could not be decoded"), decoder.error());
        Statistics stats;
        stats.framesDecoded = decoder.framesDecoded();
        stats.durationSeconds = decoder.lastSeconds();
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
        const bool sampling = options.analysisFps > 0;
        const qint64 every = (fps > 0 && sampling) ? std::max<qint64>(1, std::llround(fps / options.analysisFps)) : 1;
        internal::MotionGate gate(options.motionGating ? options.motionThreshold : -1.0,
                                  options.keyframeIntervalSeconds);
        internal::AnalysisPacer pacer(sampling ? options.settledAnalysisFps : 0.0,
                                      sampling ? options.idleAnalysisFps : 0.0,
                                      sampling ? options.readingDetectionFps : 0.0);
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
        // Decoding runs on its own thread from here on; this thread analyses what it hands over, in frame order.
        const InferenceThreads inferenceThreads(options.inferenceThreads);
        internal::FootageDecoder decoder(std::move(*capture), every, decodeAhead);
        for (;;) {
            job.waitWhilePaused();
            if (job.isCancelled())
                return fail(ErrorCode::Cancelled, QStringLiteral("Footage analysis was cancelled"));
            auto sample = decoder.next();
            if (!sample)
                break;
            const double seconds = sample->seconds;
            job.reportProgress(sample->index + 1, frameCount, QStringLiteral("Reading plates"));
            using Scene = internal::AnalysisPacer::Scene;
            const Scene scene = !tracker.hasOpenTracks() ? Scene::Empty
                                : tracker.hasUnsettledTracks(options.settledReads, options.settledConfidence,
                                                             options.unsettledReadsAtMost)
                                    ? Scene::Reading
                                    : Scene::Settled;
            if (!pacer.shouldAnalyse(seconds, scene))
                continue;
            if (!gate.shouldAnalyse(internal::matView(sample->frame), seconds, tracker.hasOpenTracks()))
                continue;
            const bool fullDetection = pacer.needsFullDetection(seconds, scene);
            pacer.analysed(seconds, fullDetection);
            ++m_statistics.framesAnalysed;
            if (!fullDetection)
                ++m_statistics.framesLookedNear;
            const DetectionView view = scene == Scene::Settled ? options.settledDetectionView : options.detectionView;
            auto reads = fullDetection ? m_recognizer.recognize(sample->frame, view)
                                       : m_recognizer.recognizeNear(sample->frame, tracker.openRegions());
            if (!reads)
                return std::unexpected(reads.error());
            tracker.addFrame(seconds, *reads, sample->frame);
            emitPlates(tracker.takeClosed(seconds));
        }
        m_statistics.framesDecoded = decoder.framesDecoded();
        m_statistics.durationSeconds = decoder.lastSeconds();
        if (!decoder.error().isEmpty())
            return fail(ErrorCode::Corrupt, QStringLiteral("The footage could not be decoded"), decoder.error());
        if (m_statistics.framesDecoded == 0)
            return fail(ErrorCode::InvalidInput, QStringLiteral("The footage holds no decodable frames"), path);
        emitPlates(tracker.takeAll());
        std::sort(plates.begin(), plates.end(),
                  [](const TrackedPlate& a, const TrackedPlate& b) { return a.firstSeenSeconds < b.firstSeenSeconds; });
        m_statistics.wallSeconds = timer.nsecsElapsed() / 1e9;
        job.reportProgress(frameCount, frameCount, QStringLiteral("Done"));
        diag::info(QStringLiteral("Footage analysed: %1 frames decoded, %2 analysed (%3 only near tracked plates), "
                                  "%4 plates, %5 s")
                       .arg(m_statistics.framesDecoded)
                       .arg(m_statistics.framesAnalysed)
                       .arg(m_statistics.framesLookedNear)
                       .arg(plates.size())
                       .arg(m_statistics.wallSeconds, 0, 'f', 1));
        return plates;
    } catch (const cv::Exception& e) {
        return fail(ErrorCode::Corrupt, QStringLiteral("The footage could not be decoded"),
                    QString::fromUtf8(e.what()));
    }
}

} // namespace alpr::engine
