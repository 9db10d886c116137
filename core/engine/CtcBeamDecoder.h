#pragma once

#include <QList>
#include <QString>

#include <vector>

namespace alpr::engine {

/// Per-time-step class probabilities from a CTC network: steps x classes, row-major, class 0 is the blank.
struct CtcProbabilities {
    int steps = 0;
    int classes = 0;
    std::vector<float> values;

    [[nodiscard]] float at(int step, int cls) const { return values[static_cast<size_t>(step) * classes + cls]; }
};

/// Turns CTC probabilities into ranked texts. Pure computation, no OpenCV; safe to share between threads.
class CtcBeamDecoder {
public:
    struct Hypothesis {
        QString text;
        double probability = 0.0;
    };

    /// alphabet[i] is the character of class i + 1.
    explicit CtcBeamDecoder(QString alphabet, int beamWidth = 16);

    /// The most probable texts (prefix beam search), best first, at most maxResults.
    [[nodiscard]] QList<Hypothesis> decode(const CtcProbabilities& probs, int maxResults) const;

    /// The exact probability of one text under the network's output (CTC forward algorithm), used to score
    /// alternatives proposed by the plate formats that the beam did not reach. 0 for characters not in the alphabet.
    [[nodiscard]] double probabilityOf(const CtcProbabilities& probs, const QString& text) const;

    [[nodiscard]] const QString& alphabet() const { return m_alphabet; }

private:
    QString m_alphabet;
    int m_beamWidth;
};

} // namespace alpr::engine
