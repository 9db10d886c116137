#include "engine/internal/AnalysisPacer.h"

#include <QtTest>

using alpr::engine::internal::AnalysisPacer;
using Scene = AnalysisPacer::Scene;

/// Which sampled frames the detector looks at: all of them while a vehicle is being read, fewer otherwise.
class TestAnalysisPacer : public QObject {
    Q_OBJECT

private:
    // Feeds samples 0.1 s apart (10/s) for two seconds in one scene and returns the times analysed.
    static QList<double> analysedTimes(AnalysisPacer& pacer, Scene scene)
    {
        QList<double> times;
        for (int i = 0; i < 20; ++i) {
            const double seconds = 10.0 + i * 0.1;
            if (pacer.shouldAnalyse(seconds, scene)) {
                pacer.analysed(seconds, pacer.needsFullDetection(seconds, scene));
                times.append(seconds);
            }
        }
        return times;
    }

private slots:
    void readingAnalysesEverySample()
    {
        AnalysisPacer pacer(2.0, 5.0);
        QCOMPARE(analysedTimes(pacer, Scene::Reading).size(), 20);
    }

    void settledAndEmptyScenesThinOut()
    {
        AnalysisPacer settled(2.0, 5.0);
        const QList<double> s = analysedTimes(settled, Scene::Settled);
        QCOMPARE(s.size(), 4); // every 0.5 s
        for (qsizetype i = 1; i < s.size(); ++i)
            QVERIFY(qAbs(s[i] - s[i - 1] - 0.5) < 1e-6);
        AnalysisPacer empty(2.0, 5.0);
        QCOMPARE(analysedTimes(empty, Scene::Empty).size(), 10); // every 0.2 s
    }

    // Container times of 29.97 fps footage are not exact multiples: a frame a few ms early still counts.
    void jitteredTimesStillCount()
    {
        AnalysisPacer pacer(2.0, 5.0);
        pacer.analysed(1.0, true);
        QVERIFY(!pacer.shouldAnalyse(1.4, Scene::Settled));
        QVERIFY(pacer.shouldAnalyse(1.4995, Scene::Settled));
    }

    // While reading, every sample is analysed, but only every readingDetectionFps-th gets the full detection; the
    // rest look near the tracked plates. Settled and empty scenes always detect in full.
    void readingDetectsInFullAtItsOwnRate()
    {
        AnalysisPacer pacer(2.0, 5.0, 5.0);
        int full = 0, near = 0;
        for (int i = 0; i < 20; ++i) {
            const double seconds = 10.0 + i * 0.1;
            QVERIFY(pacer.shouldAnalyse(seconds, Scene::Reading));
            const bool detect = pacer.needsFullDetection(seconds, Scene::Reading);
            QCOMPARE(detect, i % 2 == 0); // every 0.2 s, starting with the first
            pacer.analysed(seconds, detect);
            (detect ? full : near) += 1;
        }
        QCOMPARE(full, 10);
        QCOMPARE(near, 10);
        QVERIFY(pacer.needsFullDetection(12.05, Scene::Settled));
        QVERIFY(pacer.needsFullDetection(12.05, Scene::Empty));
        AnalysisPacer everyFrame(0.0, 0.0, 0.0);
        QVERIFY(everyFrame.needsFullDetection(1.0, Scene::Reading));
        everyFrame.analysed(1.0, true);
        QVERIFY(everyFrame.needsFullDetection(1.033, Scene::Reading));
    }

    void zeroRatesMeanEverySample()
    {
        AnalysisPacer settled(0.0, 0.0);
        QCOMPARE(analysedTimes(settled, Scene::Settled).size(), 20);
        AnalysisPacer empty(0.0, 0.0);
        QCOMPARE(analysedTimes(empty, Scene::Empty).size(), 20);
    }
};

QTEST_GUILESS_MAIN(TestAnalysisPacer)
#include "TestAnalysisPacer.moc"
