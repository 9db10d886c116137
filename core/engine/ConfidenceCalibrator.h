#pragma once

#include <QJsonObject>
#include <QList>

#include <array>

namespace alpr::engine {

/// Maps what the OCR knows about a reading to the probability that the reading is exactly right (Platt scaling,
/// logistic regression on three features). The coefficients are data in engine.json, fitted by
/// `alpr_bench_recognition --calibrate` on our own us-crops validation split.
class ConfidenceCalibrator {
public:
    static constexpr int featureCount = 3;
    using Features = std::array<double, featureCount>;

    struct Sample {
        Features features{};
        bool correct = false;
    };

    ConfidenceCalibrator() = default;
    ConfidenceCalibrator(Features weights, double bias) : m_weights(weights), m_bias(bias) {}

    /// Features of one candidate: log of its CTC probability, its share of the probability of all candidates,
    /// and whether it fits a known plate layout.
    [[nodiscard]] static Features features(double probability, double shareOfCandidates, bool matchesFormat);

    [[nodiscard]] double confidence(const Features& features) const;

    /// Maximum-likelihood fit (Newton's method with a small ridge), deterministic.
    [[nodiscard]] static ConfidenceCalibrator fit(const QList<Sample>& samples);

    [[nodiscard]] static ConfidenceCalibrator fromJson(const QJsonObject& object);
    [[nodiscard]] QJsonObject toJson() const;

private:
    // Until fitted: a plain monotone map that keeps the OCR's ranking.
    Features m_weights{0.5, 4.0, 1.0};
    double m_bias = -1.0;
};

} // namespace alpr::engine
