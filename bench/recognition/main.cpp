// alpr_bench_recognition: accuracy and speed of the recognition engine on the shared benchmark data.
//
//   alpr_bench_recognition [--data DIR] [--skip-footage] [--repeat N] [--detection-threshold X] [--min-confidence X]
//                          [--models DIR] [--dump DIR] [--clip FILE]... [--detection-view plain|both|equalised]
//                          [--list-away]   also list each us-dev read away from the labelled plate
//   alpr_bench_recognition --footage [--seed N] [--cars N] [--keep-clips DIR]   generated 1080p and 720p drive-by clips
//   (ffmpeg): decode
//                          only, every frame at full resolution and the shipped pipeline, their passes and losses
//   alpr_bench_recognition --calibrate [--write FILE]   refit the confidence calibration on the us-crops
//                                                        validation split (never on us-dev) and print/write it
//
// Prints a table: plates detected, top-1 exact, top-5, median and p90 ms per image on one thread (decode included
// and recognition alone), calibration check, OCR-only accuracy on our us-crops validation split, and for the
// synthetic drive-by footage frames/s analysed against frames/s decoded only, and the plain-view-only detector as
// a baseline, in the same run. Each --clip lists every pass found on another clip (no ground truth) with the plain
// view only and with both views.

#include "common/JobContext.h"
#include "common/Paths.h"
#include "engine/ConfidenceCalibrator.h"
#include "engine/FootageRecognizer.h"
#include "engine/PlateRecognizer.h"
#include "engine/PlateTracker.h"

#include "DriveByClipMaker.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <optional>
#include <vector>

using namespace alpr;
using namespace alpr::engine;

namespace {

QTextStream out(stdout);

struct DevImage {
    QString file;
    QRect box;
    QString plate;
};

struct CropSample {
    QString file;
    QString plate;
};

// CPU time of this thread: on a shared machine, wall time also counts the time other processes held the core.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const double index = p * static_cast<double>(values.size() - 1);
    const auto lo = static_cast<size_t>(std::floor(index));
    const auto hi = static_cast<size_t>(std::ceil(index));
    return values[lo] + (values[hi] - values[lo]) * (index - static_cast<double>(lo));
}

QList<DevImage> loadDevSet(const QString& dir)
{
    QList<DevImage> images;
    QFile file(dir + QStringLiteral("/groundtruth.tsv"));
    if (!file.open(QIODevice::ReadOnly))
        return images;
    for (const QByteArray& line : file.readAll().split('\n')) {
        const QList<QByteArray> f = line.trimmed().split('\t');
        if (f.size() < 6)
            continue;
        images.append({dir + QLatin1Char('/') + QString::fromUtf8(f[0]),
                       QRect(f[1].toInt(), f[2].toInt(), f[3].toInt(), f[4].toInt()), QString::fromUtf8(f[5])});
    }
    return images;
}

// The same split as tools/engine/platedata.py: 15% of the crops by a hash of the file name, O folded into 0.
QList<CropSample> loadCropValidation(const QString& dir)
{
    QList<CropSample> samples;
    QFile file(dir + QStringLiteral("/groundtruth.csv"));
    if (!file.open(QIODevice::ReadOnly))
        return samples;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> f = lines[i].trimmed().split(',');
        if (f.size() < 3)
            continue;
        QString plate = QString::fromUtf8(f[2]).trimmed().toUpper().replace(QLatin1Char('O'), QLatin1Char('0'));
        if (plate.size() < 2 || plate.size() > 8 || plate.contains(QRegularExpression(QStringLiteral("[^0-9A-Z]"))))
            continue;
        const QByteArray digest = QCryptographicHash::hash(f[0], QCryptographicHash::Sha1).toHex().left(8);
        if (digest.toULongLong(nullptr, 16) % 100 < 15)
            samples.append({dir + QLatin1Char('/') + QString::fromUtf8(f[0]), plate});
    }
    return samples;
}

double iou(const QRect& a, const QRect& b)
{
    const QRect inter = a.intersected(b);
    if (inter.isEmpty())
        return 0.0;
    const double i = static_cast<double>(inter.width()) * inter.height();
    return i / (static_cast<double>(a.width()) * a.height() + static_cast<double>(b.width()) * b.height() - i);
}

// Reads that are right among those given at least each confidence: the calibration check.
struct ReliabilityRow {
    double threshold;
    int reads = 0;
    int right = 0;
};

void printReliability(const QString& title, const std::vector<std::pair<double, bool>>& reads)
{
    out << title << "\n";
    for (const double threshold : {0.5, 0.7, 0.8, 0.9, 0.95}) {
        ReliabilityRow row{threshold};
        for (const auto& [confidence, right] : reads) {
            if (confidence >= threshold) {
                ++row.reads;
                row.right += right ? 1 : 0;
            }
        }
        out << QStringLiteral("    confidence >= %1: %2 reads, %3% right\n")
                   .arg(threshold, 0, 'f', 2)
                   .arg(row.reads, 3)
                   .arg(row.reads ? 100.0 * row.right / row.reads : 0.0, 5, 'f', 1);
    }
}

void benchStills(PlateRecognizer& recognizer, const QString& devDir, const QString& dumpDir, int repeat, bool listAway)
{
    const QList<DevImage> images = loadDevSet(devDir);
    if (images.isEmpty()) {
        out << "us-dev: not found under " << devDir << ", skipped\n";
        return;
    }
    int detected = 0, top1 = 0, top5 = 0, falseReads = 0, confidentFalseReads = 0;
    // A confident read is one a user would take at its word (the calibration's >= 0.9 row).
    constexpr double confidentRead = 0.9;
    std::vector<double> totalMs, recognizeMs, cpuMs, decodeMs;
    std::vector<std::pair<double, bool>> reliability;
    for (const DevImage& image : images) {
        QFile file(image.file);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        // On a shared machine a single timing also counts whatever else ran meanwhile: time each image `repeat`
        // times and keep the fastest (the accuracy figures come from the first run).
        Result<QList<PlateRead>> reads = std::unexpected(makeError(ErrorCode::Internal, QString()));
        double bestTotal = 1e30, bestRecognize = 1e30, bestCpu = 1e30, bestDecode = 1e30;
        for (int run = 0; run < repeat; ++run) {
            QElapsedTimer timer;
            timer.start();
            const double cpuStart = threadCpuMs();
            const auto frame = Frame::fromEncoded(bytes);
            const qint64 decoded = timer.nsecsElapsed();
            auto result =
                frame ? recognizer.recognize(*frame) : Result<QList<PlateRead>>(std::unexpected(frame.error()));
            const qint64 done = timer.nsecsElapsed();
            bestCpu = std::min(bestCpu, threadCpuMs() - cpuStart);
            bestTotal = std::min(bestTotal, done / 1e6);
            bestRecognize = std::min(bestRecognize, (done - decoded) / 1e6);
            bestDecode = std::min(bestDecode, decoded / 1e6);
            if (run == 0)
                reads = std::move(result);
        }
        totalMs.push_back(bestTotal);
        recognizeMs.push_back(bestRecognize);
        cpuMs.push_back(bestCpu);
        decodeMs.push_back(bestDecode);
        if (!reads)
            continue;
        std::optional<PlateRead> match;
        for (const PlateRead& r : *reads) {
            const bool overlaps = iou(r.box, image.box) > 0.2 || image.box.contains(r.box.center());
            if (overlaps && (!match || r.detectionScore > match->detectionScore))
                match = r;
            else if (!overlaps) {
                ++falseReads;
                confidentFalseReads += r.confidence >= confidentRead ? 1 : 0;
                if (listAway)
                    out << QStringLiteral("    away: %1 %2 conf %3 fits %4 det %5 box %6x%7 (plate %8x%9) %10\n")
                               .arg(r.text, -8)
                               .arg(image.plate, -8)
                               .arg(r.confidence, 0, 'f', 3)
                               .arg(r.candidates.isEmpty() ? 0 : int(r.candidates.first().matchesFormat))
                               .arg(r.detectionScore, 0, 'f', 2)
                               .arg(r.box.width())
                               .arg(r.box.height())
                               .arg(image.box.width())
                               .arg(image.box.height())
                               .arg(QFileInfo(image.file).fileName());
            }
        }
        if (!match)
            continue;
        ++detected;
        const bool right = match->text == image.plate;
        top1 += right ? 1 : 0;
        for (qsizetype i = 0; i < std::min<qsizetype>(5, match->candidates.size()); ++i)
            if (match->candidates[i].text == image.plate) {
                ++top5;
                break;
            }
        reliability.emplace_back(match->confidence, right);
        if (!dumpDir.isEmpty()) { // rectified crops named by outcome, to look at the failures
            const QString name =
                QStringLiteral("%1/%2_%3_%4.png")
                    .arg(dumpDir, right ? QStringLiteral("ok") : QStringLiteral("bad"), image.plate, match->text);
            QFile dump(name);
            if (dump.open(QIODevice::WriteOnly))
                dump.write(match->crop.encode(QStringLiteral(".png")).value_or(QByteArray()));
        }
    }
    const auto pct = [&](int n) {
        return QStringLiteral("%1% (%2/%3)").arg(100.0 * n / images.size(), 0, 'f', 1).arg(n).arg(images.size());
    };
    out << "us-dev (" << images.size() << " images, one thread, times: fastest of " << repeat << " runs an image)\n";
    out << "    plates detected           " << pct(detected) << "\n";
    out << "    top-1 exact               " << pct(top1) << "\n";
    out << "    top-5                     " << pct(top5) << "\n";
    out << "    ms/image median, p90      " << QString::number(percentile(totalMs, 0.5), 'f', 1) << ", "
        << QString::number(percentile(totalMs, 0.9), 'f', 1) << "  (decode + recognize)\n";
    out << "    ms/image median, p90      " << QString::number(percentile(recognizeMs, 0.5), 'f', 1) << ", "
        << QString::number(percentile(recognizeMs, 0.9), 'f', 1) << "  (recognize only)\n";
    out << "    CPU ms/image median, p90  " << QString::number(percentile(cpuMs, 0.5), 'f', 1) << ", "
        << QString::number(percentile(cpuMs, 0.9), 'f', 1) << "  (decode + recognize, this thread's CPU time)\n";
    out << "    baseline: decode alone    " << QString::number(percentile(decodeMs, 0.5), 'f', 1)
        << " ms median; the whole read costs "
        << QString::number(percentile(totalMs, 0.5) / percentile(decodeMs, 0.5), 'f', 1) << "x decoding\n";
    out << "    reads away from the labelled plate: " << falseReads << " (other cars' plates or false positives), "
        << confidentFalseReads << " of them at confidence >= " << confidentRead << "\n";
    printReliability(QStringLiteral("    calibration on us-dev (matched reads):"), reliability);
}

// Degraded variants of a validation crop, as the detector hands plates over: smaller and a little skewed.
QList<Frame> cropVariants(const Frame& crop, int variants)
{
    QList<Frame> frames{crop};
    const cv::Mat source(crop.height(), crop.width(), CV_8UC3, const_cast<char*>(crop.bgr().constData()));
    for (int v = 1; v < variants; ++v) {
        const int width = 40 + 30 * v;
        const int height = std::max(12, width * source.rows / std::max(1, source.cols));
        const float dx = static_cast<float>(source.cols) * 0.03f * static_cast<float>((v % 3) - 1);
        const float dy = static_cast<float>(source.rows) * 0.04f * static_cast<float>(((v + 1) % 3) - 1);
        const cv::Point2f from[4] = {{dx, dy},
                                     {static_cast<float>(source.cols) + dx, -dy},
                                     {static_cast<float>(source.cols) - dx, static_cast<float>(source.rows) + dy},
                                     {-dx, static_cast<float>(source.rows) - dy}};
        const cv::Point2f to[4] = {{0, 0},
                                   {static_cast<float>(width), 0},
                                   {static_cast<float>(width), static_cast<float>(height)},
                                   {0, static_cast<float>(height)}};
        cv::Mat small;
        cv::warpPerspective(source, small, cv::getPerspectiveTransform(from, to), cv::Size(width, height),
                            cv::INTER_AREA, cv::BORDER_REPLICATE);
        QByteArray bytes(static_cast<qsizetype>(small.total() * 3), Qt::Uninitialized);
        cv::Mat target(small.rows, small.cols, CV_8UC3, bytes.data());
        small.copyTo(target);
        frames.append(Frame::fromBgr(small.cols, small.rows, bytes));
    }
    return frames;
}

void benchOcr(PlateRecognizer& recognizer, const QString& cropDir, bool calibrate, const QString& writePath)
{
    const QList<CropSample> samples = loadCropValidation(cropDir);
    if (samples.isEmpty()) {
        out << "us-crops: not found under " << cropDir << ", skipped\n";
        return;
    }
    int right = 0, rightSmall = 0, smallCount = 0;
    QList<ConfidenceCalibrator::Sample> fitSamples;
    for (const CropSample& s : samples) {
        const auto crop = Frame::fromFile(s.file);
        if (!crop)
            continue;
        const QList<Frame> variants = cropVariants(*crop, calibrate ? 5 : 2);
        for (qsizetype v = 0; v < variants.size(); ++v) {
            const auto read = recognizer.readCrop(variants[v]);
            if (!read)
                continue;
            if (v == 0)
                right += read->text == s.plate ? 1 : 0;
            if (v == 1) {
                ++smallCount;
                rightSmall += read->text == s.plate ? 1 : 0;
            }
            double total = 0.0;
            for (const auto& c : read->candidates)
                total += c.ocrProbability;
            for (const auto& c : read->candidates)
                fitSamples.append({ConfidenceCalibrator::features(
                                       c.ocrProbability, total > 0 ? c.ocrProbability / total : 0, c.matchesFormat),
                                   c.text == s.plate});
        }
    }
    out << "us-crops validation split (" << samples.size() << " crops, OCR only)\n";
    out << "    top-1 exact, full crop    " << QString::number(100.0 * right / samples.size(), 'f', 1) << "%\n";
    out << "    top-1 exact, 70 px wide   " << QString::number(100.0 * rightSmall / std::max(1, smallCount), 'f', 1)
        << "%\n";
    if (!calibrate)
        return;
    const ConfidenceCalibrator fitted = ConfidenceCalibrator::fit(fitSamples);
    const QByteArray json = QJsonDocument(fitted.toJson()).toJson(QJsonDocument::Compact);
    out << "calibration fitted on " << fitSamples.size() << " candidates: " << QString::fromUtf8(json) << "\n";
    if (writePath.isEmpty())
        return;
    QFile file(writePath);
    if (!file.open(QIODevice::ReadOnly)) {
        out << "cannot read " << writePath << "\n";
        return;
    }
    QJsonObject config = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    config.insert(QStringLiteral("calibration"), fitted.toJson());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        out << "cannot write " << writePath << "\n";
        return;
    }
    file.write(QJsonDocument(config).toJson(QJsonDocument::Indented));
    out << "written to " << writePath << "\n";
}

// CPU time of the whole process (every thread): under load, wall time also counts the time others held the cores.
double processCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

struct FootageRun {
    QList<TrackedPlate> plates;
    FootageRecognizer::Statistics stats;
    double cpuSeconds = 0.0;
};

Result<FootageRun> runFootageWith(PlateRecognizer& recognizer, const QString& clip, const FootageOptions& options)
{
    FootageRecognizer footage(recognizer);
    JobContext job;
    const double cpuStart = processCpuSeconds();
    auto plates = footage.run(clip, options, job);
    if (!plates)
        return std::unexpected(plates.error());
    return FootageRun{std::move(*plates), footage.lastStatistics(), processCpuSeconds() - cpuStart};
}

Result<FootageRun> runFootage(PlateRecognizer& recognizer, const QString& clip, DetectionView view)
{
    FootageOptions options;
    options.detectionView = view;
    return runFootageWith(recognizer, clip, options);
}

QString seenText(const TrackedPlate& p)
{
    return QStringLiteral("%1 seen %2-%3 s")
        .arg(p.text)
        .arg(p.firstSeenSeconds, 0, 'f', 2)
        .arg(p.lastSeenSeconds, 0, 'f', 2);
}

/// Every pass on a clip without ground truth, with both detector settings (false passes show up here).
void listFootage(PlateRecognizer& recognizer, const QString& clip)
{
    for (const DetectionView view : {DetectionView::Plain, DetectionView::Both}) {
        const auto run = runFootage(recognizer, clip, view);
        if (!run) {
            out << "footage: failed: " << run.error().toString() << "\n";
            return;
        }
        QStringList seen;
        for (const TrackedPlate& p : run->plates)
            seen << seenText(p);
        out << QFileInfo(clip).fileName() << (view == DetectionView::Plain ? " plain view: " : " both views: ")
            << run->plates.size() << " passes" << (seen.isEmpty() ? QString() : QStringLiteral(": ") + seen.join(", "))
            << "\n";
    }
}

struct DriveByScore {
    int exactOnce = 0;
    int nearMisses = 0;
    qsizetype other = 0;
    QStringList lines;
};

DriveByScore scoreDriveBy(const QList<TrackedPlate>& plates, const QByteArray& truth)
{
    DriveByScore score;
    QList<bool> used(plates.size(), false);
    for (const QByteArray& line : truth.split('\n').mid(1)) {
        const QList<QByteArray> f = line.trimmed().split(',');
        if (f.size() < 3)
            continue;
        const double start = f[0].toDouble(), end = f[1].toDouble();
        const QString plate = QString::fromUtf8(f[2]);
        int reports = 0;
        bool inWindow = true;
        QStringList seen;
        for (qsizetype i = 0; i < plates.size(); ++i) {
            if (plates[i].text != plate)
                continue;
            ++reports;
            used[i] = true;
            seen << seenText(plates[i]);
            inWindow = inWindow && plates[i].firstSeenSeconds >= start - 0.1 && plates[i].lastSeenSeconds <= end + 0.1;
        }
        score.exactOnce += (reports == 1 && inWindow) ? 1 : 0;
        for (qsizetype i = 0; i < plates.size() && reports == 0; ++i) {
            const TrackedPlate& p = plates[i];
            if (p.firstSeenSeconds >= start - 0.1 && p.lastSeenSeconds <= end + 0.1 &&
                PlateTracker::editDistance(p.text, plate) == 1) {
                seen << QStringLiteral("near miss: ") + seenText(p);
                used[i] = true;
                ++score.nearMisses;
            }
        }
        score.lines << QStringLiteral("    %1  %2-%3 s: reported %4x%5%6")
                           .arg(plate, -8)
                           .arg(start)
                           .arg(end)
                           .arg(reports)
                           .arg(reports && !inWindow ? QStringLiteral(" (outside window)") : QString(),
                                seen.isEmpty() ? QString() : QStringLiteral(" (") + seen.join(", ") + ")");
    }
    score.other = std::count(used.begin(), used.end(), false);
    return score;
}

void benchFootage(PlateRecognizer& recognizer, const QString& footageDir)
{
    const QString clip = footageDir + QStringLiteral("/us_driveby_synthetic.mp4");
    QFile truthFile(footageDir + QStringLiteral("/us_driveby_synthetic.groundtruth.csv"));
    if (!QFileInfo::exists(clip) || !truthFile.open(QIODevice::ReadOnly)) {
        out << "footage: not found under " << footageDir << ", skipped\n";
        return;
    }
    const QByteArray truth = truthFile.readAll();
    FootageRecognizer footage(recognizer);
    const auto decodeOnly = footage.decodeOnly(clip);
    // Baseline in the same run: the detector on the plain view only (FootageOptions' default looks at both).
    const auto plain = runFootage(recognizer, clip, DetectionView::Plain);
    const auto both = runFootage(recognizer, clip, FootageOptions{}.detectionView);
    if (!decodeOnly || !plain || !both) {
        out << "footage: failed: "
            << (!decodeOnly ? decodeOnly.error()
                : !plain    ? plain.error()
                            : both.error())
                   .toString()
            << "\n";
        return;
    }
    const auto fps = [](const FootageRecognizer::Statistics& s) { return s.framesDecoded / s.wallSeconds; };
    const auto& stats = both->stats;
    out << "us_driveby_synthetic.mp4 (" << stats.framesDecoded << " frames, " << stats.durationSeconds << " s)\n";
    out << "    decode only               " << QString::number(fps(*decodeOnly), 'f', 1) << " frames/s\n";
    out << "    full analysis             " << QString::number(fps(stats), 'f', 1) << " frames/s of footage ("
        << stats.framesAnalysed << " frames analysed, "
        << QString::number(stats.framesAnalysed / stats.wallSeconds, 'f', 1) << " analysed/s)\n";
    out << "    ratio analysis / decode   " << QString::number(fps(stats) / fps(*decodeOnly), 'f', 2) << "\n";
    const DriveByScore score = scoreDriveBy(both->plates, truth);
    for (const QString& line : score.lines)
        out << line << "\n";
    out << "    plates reported exactly, once, in their window: " << score.exactOnce << "/" << score.lines.size()
        << "; one character off: " << score.nearMisses << "; other reports: " << score.other << "\n";
    const DriveByScore plainScore = scoreDriveBy(plain->plates, truth);
    out << "    baseline, plain view only: " << plainScore.exactOnce << "/" << plainScore.lines.size() << " exact, "
        << plainScore.nearMisses << " one off, " << plainScore.other << " other; "
        << QString::number(fps(plain->stats), 'f', 1) << " frames/s of footage\n";
}

// A pass of the every-frame reference is kept by the shipped pipeline when a pass of the same vehicle is there: the
// same text or one character off, seen at overlapping times (within a track gap).
bool sameVehicle(const TrackedPlate& a, const TrackedPlate& b, double gapSeconds)
{
    return PlateTracker::editDistance(a.text, b.text) <= 1 && a.firstSeenSeconds <= b.lastSeenSeconds + gapSeconds &&
           b.firstSeenSeconds <= a.lastSeenSeconds + gapSeconds;
}

QString passList(const QList<TrackedPlate>& plates)
{
    QStringList texts;
    for (const TrackedPlate& p : plates)
        texts << QStringLiteral("%1 %2-%3")
                     .arg(p.text)
                     .arg(p.firstSeenSeconds, 0, 'f', 1)
                     .arg(p.lastSeenSeconds, 0, 'f', 1);
    return texts.isEmpty() ? QStringLiteral("none") : texts.join(QStringLiteral(", "));
}

/// --footage: generated 1080p and 720p drive-by clips, each decoded only, analysed frame by frame at full
/// resolution (the reference) and analysed by the shipped pipeline, in one run.
int benchGeneratedFootage(PlateRecognizer& recognizer, const QString& data, quint32 seed, int cars,
                          const QString& clipsDir)
{
    if (testsupport::DriveByClipMaker::ffmpegProgram().isEmpty()) {
        out << "footage bench: ffmpeg is not installed (installer/install-deps.sh --with-docs), skipped\n";
        return 0;
    }
    QTemporaryDir temporary;
    const QDir dir(clipsDir.isEmpty() ? temporary.path() : clipsDir);
    if (!dir.exists()) {
        out << "footage bench: no directory for the clips\n";
        return 1;
    }
    for (const QSize size : {QSize(1920, 1080), QSize(1280, 720)}) {
        testsupport::DriveByClipMaker::Options clipOptions;
        clipOptions.size = size;
        clipOptions.cars = cars;
        clipOptions.seed = seed;
        const QString path = dir.filePath(QStringLiteral("driveby_%1p_seed%2.mp4").arg(size.height()).arg(seed));
        const auto clip =
            testsupport::DriveByClipMaker::make(data + QStringLiteral("/plates/us-dev"), path, clipOptions);
        if (!clip) {
            out << "footage bench: " << clip.error().toString() << ", skipped\n";
            return clip.error().code == ErrorCode::NotFound ? 0 : 1;
        }
        FootageRecognizer footage(recognizer);
        const double decodeCpuStart = processCpuSeconds();
        const auto decoded = footage.decodeOnly(path);
        const double decodeCpu = processCpuSeconds() - decodeCpuStart;
        const auto reference = runFootageWith(recognizer, path, FootageOptions::everyFrame());
        // The shipped pipeline decodes on a thread of its own; inference runs with OpenCV's pool at two threads
        // (the default) or, for comparison, at one, leaving the second core to decoding.
        FootageOptions oneThread;
        oneThread.inferenceThreads = 1;
        const auto shippedOne = runFootageWith(recognizer, path, oneThread);
        const auto shipped = runFootageWith(recognizer, path, FootageOptions{});
        if (!decoded || !reference || !shipped || !shippedOne) {
            out << "footage bench: failed: "
                << (!decoded     ? decoded.error()
                    : !reference ? reference.error()
                    : !shipped   ? shipped.error()
                                 : shippedOne.error())
                       .toString()
                << "\n";
            return 1;
        }
        const double clipFps = clip->framesPerSecond;
        // frames/s of wall time, and per CPU-second of this process (all threads): the second is what the machine
        // gives when other work holds the cores; times 2 is the two-core figure if both were ours alone.
        const auto row = [&](const char* name, const FootageRecognizer::Statistics& s, double cpuSeconds) {
            const double fps = s.framesDecoded / s.wallSeconds;
            out << "    " << QString::fromLatin1(name).leftJustified(26)
                << QString::number(fps, 'f', 1).rightJustified(7) << " frames/s  "
                << QString::number(fps / clipFps, 'f', 2).rightJustified(5) << "x real time  "
                << QString::number(s.framesDecoded / cpuSeconds, 'f', 1).rightJustified(6) << " frames/CPU-s  "
                << s.framesAnalysed << " analysed (" << s.framesLookedNear << " near tracked plates only), "
                << QString::number(s.wallSeconds, 'f', 1) << " s\n";
        };
        QStringList truth;
        for (const auto& pass : clip->passes)
            truth << QStringLiteral("%1 %2-%3").arg(pass.plate).arg(pass.startSeconds).arg(pass.endSeconds);
        out << QFileInfo(path).fileName() << " (" << size.width() << "x" << size.height() << ", " << clipFps << " fps, "
            << decoded->framesDecoded << " frames, seed " << seed << ")\n";
        out << "    cars: " << truth.join(QStringLiteral(", ")) << "\n";
        row("decode only", *decoded, decodeCpu);
        row("every frame, full res.", reference->stats, reference->cpuSeconds);
        row("shipped pipeline", shipped->stats, shipped->cpuSeconds);
        row("shipped, OpenCV 1 thread", shippedOne->stats, shippedOne->cpuSeconds);
        out << "    passes, every frame:      " << passList(reference->plates) << "\n";
        out << "    passes, shipped:          " << passList(shipped->plates) << "\n";
        // A lost pass is a car of the clip (its plate within one character) or something else the reference read
        // (a false pass: a sticker, a fragment); both are listed, the first is what must not happen.
        QStringList lostCars, lostOther;
        for (const TrackedPlate& r : reference->plates) {
            const bool kept = std::any_of(shipped->plates.begin(), shipped->plates.end(), [&](const TrackedPlate& s) {
                return sameVehicle(r, s, FootageOptions{}.trackGapSeconds);
            });
            const bool isCar = std::any_of(clip->passes.begin(), clip->passes.end(), [&](const auto& pass) {
                return PlateTracker::editDistance(r.text, pass.plate) <= 1;
            });
            if (!kept)
                (isCar ? lostCars : lostOther) << r.text;
        }
        QStringList added;
        for (const TrackedPlate& s : shipped->plates) {
            if (std::none_of(reference->plates.begin(), reference->plates.end(), [&](const TrackedPlate& r) {
                    return sameVehicle(r, s, FootageOptions{}.trackGapSeconds);
                }))
                added << s.text;
        }
        int exactReference = 0, exactShipped = 0;
        for (const auto& pass : clip->passes) {
            const auto exact = [&](const QList<TrackedPlate>& plates) {
                return std::any_of(plates.begin(), plates.end(),
                                   [&](const TrackedPlate& p) { return p.text == pass.plate; });
            };
            exactReference += exact(reference->plates) ? 1 : 0;
            exactShipped += exact(shipped->plates) ? 1 : 0;
        }
        out << "    cars read exactly:        every frame " << exactReference << "/" << clip->passes.size()
            << ", shipped " << exactShipped << "/" << clip->passes.size() << "\n";
        const auto listed = [](const QStringList& texts) {
            return texts.isEmpty() ? QStringLiteral("none")
                                   : QStringLiteral("%1 (%2)").arg(texts.size()).arg(texts.join(QStringLiteral(", ")));
        };
        out << "    cars lost by shipped:     " << listed(lostCars) << "\n";
        out << "    other passes lost:        " << listed(lostOther) << " (reference passes that are no car)\n";
        out << "    passes only in shipped:   " << listed(added) << "\n";
        out.flush();
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto valueOf = [&](const QString& name, const QString& fallback) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
    };
    const QString data = valueOf(QStringLiteral("--data"), paths::sharedDataDirectory());
    if (data.isEmpty()) {
        std::fprintf(stderr, "shared data not found: pass --data DIR or set ALPR_SHARED_DATA\n");
        return 1;
    }
    PlateRecognizer::setComputeThreads(1);
    RecognizerOptions options;
    options.detectionThreshold =
        valueOf(QStringLiteral("--detection-threshold"), QString::number(options.detectionThreshold)).toDouble();
    options.minConfidence =
        valueOf(QStringLiteral("--min-confidence"), QString::number(options.minConfidence)).toDouble();
    options.modelDirectory = valueOf(QStringLiteral("--models"), QString());
    const QString view = valueOf(QStringLiteral("--detection-view"), QStringLiteral("plain"));
    options.detectionView = view == QLatin1String("both")        ? DetectionView::Both
                            : view == QLatin1String("equalised") ? DetectionView::Equalised
                                                                 : DetectionView::Plain;
    const bool calibrate = args.contains(QStringLiteral("--calibrate"));
    if (calibrate)
        options.maxCandidates = 1000;
    auto recognizer = PlateRecognizer::create(options);
    if (!recognizer) {
        std::fprintf(stderr, "engine: %s\n", qPrintable(recognizer.error().toString()));
        return 1;
    }
    if (args.contains(QStringLiteral("--footage")))
        return benchGeneratedFootage(**recognizer, data,
                                     valueOf(QStringLiteral("--seed"), QStringLiteral("16")).toUInt(),
                                     std::max(1, valueOf(QStringLiteral("--cars"), QStringLiteral("8")).toInt()),
                                     valueOf(QStringLiteral("--keep-clips"), QString()));
    if (calibrate) {
        benchOcr(**recognizer, data + QStringLiteral("/plates/us-crops"), true,
                 valueOf(QStringLiteral("--write"), QString()));
        return 0;
    }
    benchStills(**recognizer, data + QStringLiteral("/plates/us-dev"), valueOf(QStringLiteral("--dump"), QString()),
                std::max(1, valueOf(QStringLiteral("--repeat"), QStringLiteral("3")).toInt()),
                args.contains(QStringLiteral("--list-away")));
    benchOcr(**recognizer, data + QStringLiteral("/plates/us-crops"), false, QString());
    if (!args.contains(QStringLiteral("--skip-footage")))
        benchFootage(**recognizer, data + QStringLiteral("/footage"));
    for (qsizetype i = args.indexOf(QStringLiteral("--clip")); i >= 0 && i + 1 < args.size();
         i = args.indexOf(QStringLiteral("--clip"), i + 2))
        listFootage(**recognizer, args[i + 1]);
    return 0;
}
