#include "engine/CtcBeamDecoder.h"

#include <QtTest>

using namespace alpr::engine;

class TestCtcBeamDecoder : public QObject {
    Q_OBJECT

private:
    static const inline QString alphabet = QStringLiteral("ABC");

    // steps x 4 classes (blank, A, B, C), each row given as probabilities.
    static CtcProbabilities matrix(const QList<QList<float>>& rows)
    {
        CtcProbabilities p;
        p.steps = static_cast<int>(rows.size());
        p.classes = 4;
        for (const auto& row : rows)
            for (const float v : row)
                p.values.push_back(v);
        return p;
    }

private slots:
    void collapsesRepeatsAndBlanks()
    {
        // A A _ A B : "AAB" needs the blank between the two As.
        const auto p = matrix({{0, 1, 0, 0}, {0, 1, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}});
        const auto result = CtcBeamDecoder(alphabet).decode(p, 5);
        QVERIFY(!result.isEmpty());
        QCOMPARE(result.first().text, QStringLiteral("AAB"));
        QVERIFY(qAbs(result.first().probability - 1.0) < 1e-6);
    }

    void ranksAlternatives()
    {
        // Second step is B or C, 70/30.
        const auto p = matrix({{0, 1, 0, 0}, {0, 0, 0.7f, 0.3f}, {1, 0, 0, 0}});
        const auto result = CtcBeamDecoder(alphabet).decode(p, 5);
        QCOMPARE(result.size(), 2);
        QCOMPARE(result[0].text, QStringLiteral("AB"));
        QCOMPARE(result[1].text, QStringLiteral("AC"));
        QVERIFY(qAbs(result[0].probability - 0.7) < 1e-6);
        QVERIFY(qAbs(result[1].probability - 0.3) < 1e-6);
    }

    void beamSumsPathsOfOneText()
    {
        // "A" can come from A_, _A or AA: beam search must add those paths, not keep only the best one.
        const auto p = matrix({{0.4f, 0.6f, 0, 0}, {0.4f, 0.6f, 0, 0}});
        const CtcBeamDecoder decoder(alphabet);
        const auto result = decoder.decode(p, 5);
        QCOMPARE(result.first().text, QStringLiteral("A"));
        const double expected = 0.6 * 0.4 + 0.4 * 0.6 + 0.6 * 0.6;
        QVERIFY(qAbs(result.first().probability - expected) < 1e-6);
        QVERIFY(qAbs(decoder.probabilityOf(p, QStringLiteral("A")) - expected) < 1e-6);
    }

    void forwardProbabilityMatchesBeam()
    {
        const auto p = matrix(
            {{0.1f, 0.5f, 0.3f, 0.1f}, {0.5f, 0.2f, 0.2f, 0.1f}, {0.2f, 0.1f, 0.6f, 0.1f}, {0.3f, 0.3f, 0.2f, 0.2f}});
        const CtcBeamDecoder decoder(alphabet, 64);
        double total = 0.0;
        for (const auto& h : decoder.decode(p, 100)) {
            QVERIFY2(qAbs(h.probability - decoder.probabilityOf(p, h.text)) < 1e-6, qPrintable(h.text));
            total += h.probability;
        }
        QVERIFY(total <= 1.0 + 1e-6);
        QCOMPARE(decoder.probabilityOf(p, QStringLiteral("AZ")), 0.0);    // not in the alphabet
        QCOMPARE(decoder.probabilityOf(p, QStringLiteral("ABCAB")), 0.0); // longer than the steps allow
    }
};

QTEST_GUILESS_MAIN(TestCtcBeamDecoder)
#include "TestCtcBeamDecoder.moc"
