#include "engine/PlateRecognizer.h"

#include "engine/internal/MatConversion.h"
#include "engine/internal/ModelBundle.h"

#include <QMap>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <optional>

namespace alpr::engine {

namespace {

using QuadVariant = internal::PlateOcrNet::QuadVariant;
// Reads averaged for the quad as detected: as is, a little looser, a little tighter (corners are a few pixels off).
const std::vector<QuadVariant> asDetected{{0.0f, 0.0f}, {0.10f, 0.02f}, {-0.03f, -0.03f}, {0.05f, 0.12f}};

// How many beam hypotheses are expanded with look-alike substitutions that fit a plate layout.
constexpr int hypothesesExpanded = 3;
constexpr int beamResults = 12;
// Shorter readings are nearly always fragments (a sticker's digits, a tail-light reflection, half a plate); the
// few US vanity plates that short are given up for far fewer false reads.
constexpr int minimumPlateLength = 4;
// A read shaped like no US layout in the same picture as a fairly sure read that is shaped like one is far more
// often a sticker, a dealer's text or a house number than a second, odd plate: its confidence is scaled by this
// (on us-dev it took the reads at >= 0.9 away from the labelled plate from 12 to 5; docs/engine.md).
constexpr double besidePlateLayoutConfidence = 0.5;
constexpr double unshapedBesidePlateFactor = 0.5;

// The corners of an upright rectangle, in the detector's order (TL, TR, BR, BL).
std::array<cv::Point2f, 4> cornersOf(const cv::Rect2f& r)
{
    return {cv::Point2f(r.x, r.y), cv::Point2f(r.x + r.width, r.y), cv::Point2f(r.x + r.width, r.y + r.height),
            cv::Point2f(r.x, r.y + r.height)};
}

bool fitsLayout(const PlateRead& read)
{
    return !read.candidates.isEmpty() && read.candidates.first().matchesFormat;
}

// The calibration says how likely a text is right if it is a plate, not whether it is one: the picture's other
// reads say that. Scaling every candidate keeps their order and the read equal to its first candidate.
void demoteUnshapedBesidePlates(QList<PlateRead>& reads)
{
    const bool plateInView = std::any_of(reads.begin(), reads.end(), [](const PlateRead& r) {
        return fitsLayout(r) && r.confidence >= besidePlateLayoutConfidence;
    });
    if (!plateInView)
        return;
    for (PlateRead& read : reads) {
        if (fitsLayout(read) || read.candidates.isEmpty())
            continue;
        for (PlateCandidate& c : read.candidates)
            c.confidence *= unshapedBesidePlateFactor;
        read.confidence = read.candidates.first().confidence;
    }
}

} // namespace

struct PlateRecognizer::Private {
    RecognizerOptions options;
    internal::ModelBundle models;

    PlateRead readQuad(const cv::Mat& image, const std::array<cv::Point2f, 4>& quad, double detectionScore);
    /// The zoomed second look at a detection and, when it holds and the OCR reads something, the read.
    std::optional<PlateRead> readDetection(const cv::Mat& image, const internal::PlateDetection& detection);
    QList<PlateRead> finish(QList<PlateRead> reads) const;
    QList<PlateCandidate> rankCandidates(const CtcProbabilities& probs) const;
};

QList<PlateCandidate> PlateRecognizer::Private::rankCandidates(const CtcProbabilities& probs) const
{
    const auto hypotheses = models.decoder->decode(probs, beamResults);
    // Ordered by text: the shares below are sums, and a hash table's per-process order would change their last bits
    // (and so the confidences) from one run to the next.
    QMap<QString, double> probability;
    for (const auto& h : hypotheses)
        probability.insert(h.text, h.probability);
    for (qsizetype i = 0; i < std::min<qsizetype>(hypothesesExpanded, hypotheses.size()); ++i) {
        for (const QString& alternative : models.formats.lookalikeAlternatives(hypotheses[i].text)) {
            if (!probability.contains(alternative))
                probability.insert(alternative, models.decoder->probabilityOf(probs, alternative));
        }
    }
    // Shorter readings are dropped before the shares are taken, so a caller can recompute every feature from the
    // returned list (the calibration fit does).
    for (auto it = probability.begin(); it != probability.end();)
        it = it.key().size() < minimumPlateLength ? probability.erase(it) : std::next(it);
    double total = 0.0;
    for (auto it = probability.cbegin(); it != probability.cend(); ++it)
        total += it.value();
    QList<PlateCandidate> ranked;
    for (auto it = probability.cbegin(); it != probability.cend(); ++it) {
        const bool fits = models.formats.matches(it.key());
        const auto features = ConfidenceCalibrator::features(it.value(), total > 0 ? it.value() / total : 0.0, fits);
        ranked.append(PlateCandidate{it.key(), models.calibrator.confidence(features), fits, it.value()});
    }
    std::sort(ranked.begin(), ranked.end(), [](const PlateCandidate& a, const PlateCandidate& b) {
        return a.confidence != b.confidence ? a.confidence > b.confidence : a.text < b.text;
    });
    return ranked;
}

PlateRead PlateRecognizer::Private::readQuad(const cv::Mat& image, const std::array<cv::Point2f, 4>& quad,
                                             double detectionScore)
{
    PlateRead read;
    read.detectionScore = detectionScore;
    for (int i = 0; i < 4; ++i)
        read.quad[static_cast<size_t>(i)] = QPointF(quad[static_cast<size_t>(i)].x, quad[static_cast<size_t>(i)].y);
    const cv::Rect bounds =
        cv::boundingRect(std::vector<cv::Point2f>(quad.begin(), quad.end())) & cv::Rect(0, 0, image.cols, image.rows);
    read.box = QRect(bounds.x, bounds.y, bounds.width, bounds.height);
    read.candidates = rankCandidates(models.ocr->read(image, quad, asDetected));
    if (read.candidates.size() > options.maxCandidates)
        read.candidates.resize(options.maxCandidates);
    if (!read.candidates.isEmpty()) {
        read.text = read.candidates.first().text;
        read.confidence = read.candidates.first().confidence;
    }
    const int cropWidth = std::max(16, options.cropWidth);
    read.crop = internal::frameFromMat(internal::PlateOcrNet::rectify(image, quad, cv::Size(cropWidth, cropWidth / 2)));
    return read;
}

std::optional<PlateRead> PlateRecognizer::Private::readDetection(const cv::Mat& image,
                                                                 const internal::PlateDetection& detection)
{
    auto refined = models.detector->refine(image, detection, static_cast<float>(options.refineThreshold));
    if (!refined)
        return std::nullopt;
    PlateRead read = readQuad(image, refined->quad, std::max(detection.score, refined->score));
    read.equalisedView = refined->equalised;
    if (read.text.isEmpty())
        return std::nullopt;
    return read;
}

QList<PlateRead> PlateRecognizer::Private::finish(QList<PlateRead> reads) const
{
    demoteUnshapedBesidePlates(reads);
    reads.removeIf([&](const PlateRead& r) { return r.confidence < options.minConfidence; });
    return reads;
}

PlateRecognizer::PlateRecognizer(std::unique_ptr<Private> d) : d(std::move(d)) {}

PlateRecognizer::~PlateRecognizer() = default;

Result<std::unique_ptr<PlateRecognizer>> PlateRecognizer::create(const RecognizerOptions& options)
{
    auto models = internal::ModelBundle::load(options.modelDirectory);
    if (!models)
        return std::unexpected(models.error());
    auto d = std::make_unique<Private>();
    d->options = options;
    d->models = std::move(*models);
    return std::unique_ptr<PlateRecognizer>(new PlateRecognizer(std::move(d)));
}

void PlateRecognizer::setComputeThreads(int threads)
{
    cv::setNumThreads(threads);
}

const RecognizerOptions& PlateRecognizer::options() const
{
    return d->options;
}

Result<QList<PlateRead>> PlateRecognizer::recognize(const Frame& frame)
{
    return recognize(frame, d->options.detectionView);
}

Result<QList<PlateRead>> PlateRecognizer::recognize(const Frame& frame, DetectionView view)
{
    if (frame.isNull())
        return fail(ErrorCode::InvalidInput, QStringLiteral("There is no image to analyse"));
    try {
        const cv::Mat image = internal::matView(frame);
        const auto detections = d->models.detector->detect(image, static_cast<float>(d->options.detectionThreshold),
                                                           d->options.maxPlates, view);
        QList<PlateRead> reads;
        for (const auto& detection : detections) {
            if (auto read = d->readDetection(image, detection))
                reads.append(std::move(*read));
        }
        return d->finish(std::move(reads));
    } catch (const cv::Exception& e) {
        return fail(ErrorCode::Internal, QStringLiteral("Plate recognition failed"), QString::fromUtf8(e.what()));
    }
}

Result<QList<PlateRead>> PlateRecognizer::recognizeNear(const Frame& frame, const QList<PlateRegion>& regions)
{
    if (frame.isNull())
        return fail(ErrorCode::InvalidInput, QStringLiteral("There is no image to analyse"));
    try {
        const cv::Mat image = internal::matView(frame);
        QList<PlateRead> reads;
        for (const PlateRegion& region : regions) {
            const QRect box = region.box.intersected(QRect(0, 0, image.cols, image.rows));
            if (box.width() < 4 || box.height() < 2)
                continue;
            // The earlier box stands in for the detector's coarse find: refine() zooms on it and keeps the plate
            // nearest its centre, so a plate that moved a little between the frames is found and its corners
            // measured afresh.
            internal::PlateDetection near;
            near.quad = cornersOf(cv::Rect2f(static_cast<float>(box.x()), static_cast<float>(box.y()),
                                             static_cast<float>(box.width()), static_cast<float>(box.height())));
            near.equalised = region.equalisedView;
            // near.score is 0, so the read carries the zoomed look's own score.
            if (auto read = d->readDetection(image, near))
                reads.append(std::move(*read));
        }
        return d->finish(std::move(reads));
    } catch (const cv::Exception& e) {
        return fail(ErrorCode::Internal, QStringLiteral("Plate recognition failed"), QString::fromUtf8(e.what()));
    }
}

Result<PlateRead> PlateRecognizer::readCrop(const Frame& plateImage)
{
    if (plateImage.isNull())
        return fail(ErrorCode::InvalidInput, QStringLiteral("There is no image to analyse"));
    try {
        const cv::Mat image = internal::matView(plateImage);
        return d->readQuad(
            image, cornersOf(cv::Rect2f(0.0f, 0.0f, static_cast<float>(image.cols), static_cast<float>(image.rows))),
            1.0);
    } catch (const cv::Exception& e) {
        return fail(ErrorCode::Internal, QStringLiteral("Plate recognition failed"), QString::fromUtf8(e.what()));
    }
}

} // namespace alpr::engine
