#include "DriveByClipMaker.h"
#include "common/Paths.h"
#include "engine/FootageRecognizer.h"
#include "engine/PlateTracker.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace alpr;
using namespace alpr::engine;

/// The shipped footage pipeline (sampling, pacing by the tracker, the plain view in settled frames, decoding on its
/// own thread) against the reference that analyses every frame at full resolution with both detector views, on a
/// generated drive-by clip: every car the reference finds, the shipped pipeline finds too, at the right time.
class TestFootageGate : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString shared = paths::sharedDataDirectory();
        if (shared.isEmpty())
            QSKIP("shared data (../shared/data or ALPR_SHARED_DATA) is absent");
        if (testsupport::DriveByClipMaker::ffmpegProgram().isEmpty())
            QSKIP("ffmpeg is not installed (installer/install-deps.sh --with-docs): no clip to test on");
        QVERIFY(m_dir.isValid());
        // Short on purpose: the reference analyses each of the 135 frames with two detector passes.
        testsupport::DriveByClipMaker::Options options;
        options.size = QSize(1280, 720);
        options.cars = 3;
        options.secondsPerCar = 1.5;
        options.seed = 7;
        auto clip = testsupport::DriveByClipMaker::make(shared + QStringLiteral("/plates/us-dev"),
                                                        m_dir.filePath(QStringLiteral("driveby.mp4")), options);
        QVERIFY2(clip.has_value(), qPrintable(clip ? QString() : clip.error().toString()));
        m_clip = *clip;

        PlateRecognizer::setComputeThreads(1);
        auto recognizer = PlateRecognizer::create();
        QVERIFY(recognizer.has_value());
        m_recognizer = std::move(*recognizer);
    }

    void shippedFindsEveryCarTheReferenceFinds()
    {
        FootageRecognizer footage(*m_recognizer);
        JobContext job;
        const auto reference = footage.run(m_clip.path, FootageOptions::everyFrame(), job);
        QVERIFY2(reference.has_value(), qPrintable(reference ? QString() : reference.error().toString()));
        const auto referenceStats = footage.lastStatistics();
        QCOMPARE(referenceStats.framesAnalysed, referenceStats.framesDecoded);
        QCOMPARE(referenceStats.framesLookedNear, 0);

        const auto shipped = footage.run(m_clip.path, FootageOptions{}, job);
        QVERIFY2(shipped.has_value(), qPrintable(shipped ? QString() : shipped.error().toString()));
        const auto shippedStats = footage.lastStatistics();
        QCOMPARE(shippedStats.framesDecoded, referenceStats.framesDecoded);
        // The point of the gate: far fewer frames analysed (the clip is all plates, so this is the worst case).
        QVERIFY2(shippedStats.framesAnalysed * 4 < referenceStats.framesAnalysed,
                 qPrintable(QStringLiteral("%1 of %2 frames analysed")
                                .arg(shippedStats.framesAnalysed)
                                .arg(referenceStats.framesAnalysed)));
        // And of those, some only looked near the plates being read (the cheap frames between full detections).
        QVERIFY(shippedStats.framesLookedNear > 0);
        QVERIFY(shippedStats.framesLookedNear < shippedStats.framesAnalysed);

        int carsFound = 0;
        for (const auto& car : m_clip.passes) {
            const auto sameCar = [&](const TrackedPlate& p) {
                return PlateTracker::editDistance(p.text, car.plate) <= 1 && p.firstSeenSeconds < car.endSeconds &&
                       p.lastSeenSeconds > car.startSeconds;
            };
            const bool inReference = std::any_of(reference->begin(), reference->end(), sameCar);
            const bool inShipped = std::any_of(shipped->begin(), shipped->end(), sameCar);
            QVERIFY2(!inReference || inShipped,
                     qPrintable(car.plate + QStringLiteral(" lost by the shipped pipeline")));
            carsFound += inReference ? 1 : 0;
        }
        // The clip must hold something to compare: at least two of its three cars are read by the reference.
        QVERIFY2(carsFound >= 2, qPrintable(QStringLiteral("the reference found %1 cars").arg(carsFound)));

        // Decoding runs ahead on its own thread: each pass must still be placed at its own car's time.
        for (const TrackedPlate& p : *shipped) {
            const auto car = std::find_if(m_clip.passes.begin(), m_clip.passes.end(), [&](const auto& c) {
                return PlateTracker::editDistance(p.text, c.plate) <= 1;
            });
            if (car == m_clip.passes.end())
                continue;
            QVERIFY2(p.firstSeenSeconds >= car->startSeconds - 0.05 && p.lastSeenSeconds <= car->endSeconds + 0.05,
                     qPrintable(QStringLiteral("%1 seen %2-%3 s, on screen %4-%5 s")
                                    .arg(p.text)
                                    .arg(p.firstSeenSeconds)
                                    .arg(p.lastSeenSeconds)
                                    .arg(car->startSeconds)
                                    .arg(car->endSeconds)));
            QVERIFY(p.bestSeconds >= p.firstSeenSeconds && p.bestSeconds <= p.lastSeenSeconds);
        }
    }

    void cancelInMidClipStops()
    {
        FootageRecognizer footage(*m_recognizer);
        int reports = 0;
        JobContext job;
        JobContext child(
            [&](qint64, qint64, const QString&) {
                if (++reports == 5)
                    job.cancel();
            },
            &job);
        const auto result = footage.run(m_clip.path, FootageOptions{}, child);
        QVERIFY(!result);
        QVERIFY(result.error().isCancellation());
        QCOMPARE(reports, 5);
    }

private:
    QTemporaryDir m_dir;
    testsupport::DriveByClip m_clip;
    std::unique_ptr<PlateRecognizer> m_recognizer;
};

QTEST_GUILESS_MAIN(TestFootageGate)
#include "TestFootageGate.moc"
