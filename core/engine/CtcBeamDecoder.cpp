#include "engine/CtcBeamDecoder.h"

#include <algorithm>
#include <map>
#include <string>

namespace alpr::engine {

namespace {

// Classes below this probability at a step are not worth extending a beam with: they cannot reach the top list.
constexpr float prunedProbability = 1e-3f;

struct BeamScore {
    double blank = 0.0;    // probability of the prefix with the path ending in a blank
    double nonBlank = 0.0; // ... ending in the prefix's last character
    [[nodiscard]] double total() const { return blank + nonBlank; }
};

} // namespace

CtcBeamDecoder::CtcBeamDecoder(QString alphabet, int beamWidth)
    : m_alphabet(std::move(alphabet)), m_beamWidth(beamWidth)
{
}

QList<CtcBeamDecoder::Hypothesis> CtcBeamDecoder::decode(const CtcProbabilities& probs, int maxResults) const
{
    // Prefixes are kept as strings of class indices (1..classes-1) so that the map compares cheaply.
    std::map<std::string, BeamScore> beams{{std::string(), BeamScore{1.0, 0.0}}};
    for (int t = 0; t < probs.steps; ++t) {
        std::map<std::string, BeamScore> next;
        for (const auto& [prefix, score] : beams) {
            const double blankP = probs.at(t, 0);
            next[prefix].blank += score.total() * blankP;
            for (int c = 1; c < probs.classes; ++c) {
                const double p = probs.at(t, c);
                if (p < prunedProbability)
                    continue;
                const char symbol = static_cast<char>(c);
                std::string extended = prefix + symbol;
                if (!prefix.empty() && prefix.back() == symbol) {
                    // A repeat only makes a new character after a blank; otherwise it continues the last one.
                    next[extended].nonBlank += score.blank * p;
                    next[prefix].nonBlank += score.nonBlank * p;
                } else {
                    next[extended].nonBlank += score.total() * p;
                }
            }
        }
        std::vector<std::pair<std::string, BeamScore>> ranked(next.begin(), next.end());
        const auto keep = std::min<size_t>(ranked.size(), static_cast<size_t>(m_beamWidth));
        std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(),
                          [](const auto& a, const auto& b) { return a.second.total() > b.second.total(); });
        ranked.resize(keep);
        beams = std::map<std::string, BeamScore>(ranked.begin(), ranked.end());
    }
    QList<Hypothesis> out;
    for (const auto& [prefix, score] : beams) {
        QString text;
        for (const char c : prefix)
            text.append(m_alphabet.at(static_cast<unsigned char>(c) - 1));
        if (!text.isEmpty() && score.total() > 0.0)
            out.append(Hypothesis{text, score.total()});
    }
    std::sort(out.begin(), out.end(),
              [](const Hypothesis& a, const Hypothesis& b) { return a.probability > b.probability; });
    if (out.size() > maxResults)
        out.resize(maxResults);
    return out;
}

double CtcBeamDecoder::probabilityOf(const CtcProbabilities& probs, const QString& text) const
{
    if (text.isEmpty() || probs.steps == 0)
        return 0.0;
    // Standard CTC forward pass over the blank-extended label sequence (blank, l1, blank, l2, ..., blank).
    std::vector<int> extended{0};
    for (const QChar ch : text) {
        const qsizetype index = m_alphabet.indexOf(ch);
        if (index < 0)
            return 0.0;
        extended.push_back(static_cast<int>(index) + 1);
        extended.push_back(0);
    }
    const size_t s = extended.size();
    std::vector<double> alpha(s, 0.0);
    alpha[0] = probs.at(0, 0);
    alpha[1] = probs.at(0, extended[1]);
    for (int t = 1; t < probs.steps; ++t) {
        std::vector<double> next(s, 0.0);
        for (size_t i = 0; i < s; ++i) {
            double sum = alpha[i];
            if (i >= 1)
                sum += alpha[i - 1];
            if (i >= 2 && extended[i] != 0 && extended[i] != extended[i - 2])
                sum += alpha[i - 2];
            next[i] = sum * probs.at(t, extended[i]);
        }
        alpha.swap(next);
    }
    return alpha[s - 1] + alpha[s - 2];
}

} // namespace alpr::engine
