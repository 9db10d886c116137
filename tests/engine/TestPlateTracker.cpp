#include "engine/PlateTracker.h"

#include <QtTest>

using namespace alpr::engine;

class TestPlateTracker : public QObject {
    Q_OBJECT

private:
    static PlateRead read(const QString& text, double confidence, const QRect& box, bool fitsFormat = true)
    {
        PlateRead r;
        r.text = text;
        r.confidence = confidence;
        r.box = box;
        r.candidates = {PlateCandidate{text, confidence, fitsFormat, confidence}};
        return r;
    }

    static PlateTracker::Settings settings() { return {1.0, 2, 0.9, 0.5}; }

private slots:
    void onePassGivesOneRead()
    {
        PlateTracker tracker(settings());
        // A plate drifting right over 1.5 s, misread once.
        for (int i = 0; i < 15; ++i) {
            const QString text = i == 7 ? QStringLiteral("7ABC128") : QStringLiteral("7ABC123");
            tracker.addFrame(i * 0.1, {read(text, i == 7 ? 0.5 : 0.8, QRect(100 + 5 * i, 200, 80, 40))}, Frame());
            QVERIFY(tracker.takeClosed(i * 0.1).isEmpty());
        }
        const auto closed = tracker.takeClosed(3.0);
        QCOMPARE(closed.size(), 1);
        QCOMPARE(closed[0].text, QStringLiteral("7ABC123"));
        QCOMPARE(closed[0].observations, 15);
        QCOMPARE(closed[0].firstSeenSeconds, 0.0);
        QVERIFY(qAbs(closed[0].lastSeenSeconds - 1.4) < 1e-9);
        QVERIFY(closed[0].confidence > 0.7 && closed[0].confidence <= 0.8);
        QCOMPARE(closed[0].candidates.size(), 2);
        QVERIFY(!tracker.hasOpenTracks());
    }

    void twoPlatesSideBySideStayApart()
    {
        PlateTracker tracker(settings());
        for (int i = 0; i < 5; ++i)
            tracker.addFrame(i * 0.1,
                             {read(QStringLiteral("AAA111"), 0.9, QRect(100, 100, 80, 40)),
                              read(QStringLiteral("BBB222"), 0.9, QRect(600, 100, 80, 40))},
                             Frame());
        const auto plates = tracker.takeAll();
        QCOMPARE(plates.size(), 2);
        QStringList texts{plates[0].text, plates[1].text};
        texts.sort();
        QCOMPARE(texts, (QStringList{QStringLiteral("AAA111"), QStringLiteral("BBB222")}));
    }

    void gapSplitsPasses()
    {
        PlateTracker tracker(settings());
        tracker.addFrame(0.0, {read(QStringLiteral("AAA111"), 0.95, QRect(100, 100, 80, 40))}, Frame());
        tracker.addFrame(0.1, {read(QStringLiteral("AAA111"), 0.95, QRect(100, 100, 80, 40))}, Frame());
        QCOMPARE(tracker.takeClosed(5.0).size(), 1);
        tracker.addFrame(5.0, {read(QStringLiteral("AAA111"), 0.95, QRect(100, 100, 80, 40))}, Frame());
        tracker.addFrame(5.1, {read(QStringLiteral("AAA111"), 0.95, QRect(100, 100, 80, 40))}, Frame());
        QCOMPARE(tracker.takeAll().size(), 1);
    }

    void weakSingleReadIsDropped()
    {
        PlateTracker tracker(settings());
        tracker.addFrame(0.0, {read(QStringLiteral("XYZ9"), 0.4, QRect(10, 10, 50, 25))}, Frame());
        tracker.addFrame(0.5, {read(QStringLiteral("GOOD123"), 0.95, QRect(400, 10, 50, 25))}, Frame());
        // Sure, but not shaped like any plate layout: a lone read of a sign or a tail light.
        tracker.addFrame(0.8, {read(QStringLiteral("4444"), 0.99, QRect(800, 10, 50, 25), false)}, Frame());
        const auto plates = tracker.takeAll();
        QCOMPARE(plates.size(), 1);
        QCOMPARE(plates[0].text, QStringLiteral("GOOD123"));
    }

    void unfittingTextNeedsConfidence()
    {
        PlateTracker tracker(settings());
        for (int i = 0; i < 4; ++i) {
            tracker.addFrame(i * 0.1,
                             {read(QStringLiteral("4864"), 0.3, QRect(10, 10, 50, 25), false),
                              read(QStringLiteral("VANITY"), 0.8, QRect(400, 10, 50, 25), false)},
                             Frame());
        }
        const auto plates = tracker.takeAll();
        QCOMPARE(plates.size(), 1);
        QCOMPARE(plates[0].text, QStringLiteral("VANITY"));
    }

    void unfittingTextMustBeReadAlike()
    {
        PlateTracker tracker(settings());
        // A distant plate read whole in no frame: each frame is sure of a different 4-character fragment.
        tracker.addFrame(0.0, {read(QStringLiteral("19SJ"), 1.0, QRect(840, 240, 64, 36), false)}, Frame());
        tracker.addFrame(0.3, {read(QStringLiteral("P3SJ"), 1.0, QRect(846, 238, 64, 38), false)}, Frame());
        QVERIFY(tracker.takeAll().isEmpty());
        // The same two frames agreeing are a consensus.
        tracker.addFrame(5.0, {read(QStringLiteral("P3SJ"), 1.0, QRect(840, 240, 64, 36), false)}, Frame());
        tracker.addFrame(5.3, {read(QStringLiteral("P3SJ"), 1.0, QRect(846, 238, 64, 38), false)}, Frame());
        const auto plates = tracker.takeAll();
        QCOMPARE(plates.size(), 1);
        QCOMPARE(plates[0].text, QStringLiteral("P3SJ"));
        // A plate-shaped text is kept even when the frames disagree: the candidates carry the doubt.
        tracker.addFrame(9.0, {read(QStringLiteral("7ABC123"), 0.9, QRect(100, 200, 80, 40))}, Frame());
        tracker.addFrame(9.1, {read(QStringLiteral("7ABC128"), 0.6, QRect(104, 200, 80, 40))}, Frame());
        const auto fitting = tracker.takeAll();
        QCOMPARE(fitting.size(), 1);
        QCOMPARE(fitting[0].text, QStringLiteral("7ABC123"));
    }

    // Footage looks densely while a track is unsettled: until its leading text was read alike in 3 frames, one of
    // them surely; a track that never settles (a sticker read differently each time) stops counting after 8 reads.
    void settlesAfterAgreeingSureReads()
    {
        PlateTracker tracker(settings());
        QVERIFY(!tracker.hasUnsettledTracks(3, 0.9, 8));
        const QRect box(100, 200, 80, 40);
        tracker.addFrame(0.0, {read(QStringLiteral("7ABC123"), 0.95, box)}, Frame());
        QVERIFY(tracker.hasUnsettledTracks(3, 0.9, 8));
        tracker.addFrame(0.1, {read(QStringLiteral("7ABC123"), 0.6, box)}, Frame());
        QVERIFY(tracker.hasUnsettledTracks(3, 0.9, 8));
        tracker.addFrame(0.2, {read(QStringLiteral("7ABC123"), 0.7, box)}, Frame());
        QVERIFY(!tracker.hasUnsettledTracks(3, 0.9, 8));

        PlateTracker unsure(settings());
        for (int i = 0; i < 8; ++i) {
            QVERIFY(i == 0 || unsure.hasUnsettledTracks(3, 0.9, 8));
            unsure.addFrame(i * 0.1, {read(QStringLiteral("E3H9"), 0.6, box, false)}, Frame());
        }
        QVERIFY(!unsure.hasUnsettledTracks(3, 0.9, 8));
        QVERIFY(unsure.hasUnsettledTracks(3, 0.9, 9));
    }

    void editDistance()
    {
        QCOMPARE(PlateTracker::editDistance(QStringLiteral("ABC123"), QStringLiteral("ABC123")), 0);
        QCOMPARE(PlateTracker::editDistance(QStringLiteral("ABC123"), QStringLiteral("A8C123")), 1);
        QCOMPARE(PlateTracker::editDistance(QStringLiteral("ABC123"), QStringLiteral("ABC1234")), 1);
        QCOMPARE(PlateTracker::editDistance(QString(), QStringLiteral("AB")), 2);
    }
};

QTEST_GUILESS_MAIN(TestPlateTracker)
#include "TestPlateTracker.moc"
