#include "engine/ConfidenceCalibrator.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace alpr::engine {

namespace {

// log(0) would dominate the fit; the OCR never distinguishes probabilities below this anyway.
constexpr double probabilityFloor = 1e-8;

double sigmoid(double z)
{
    return 1.0 / (1.0 + std::exp(-z));
}

} // namespace

ConfidenceCalibrator::Features ConfidenceCalibrator::features(double probability, double shareOfCandidates,
                                                              bool matchesFormat)
{
    return {std::log(std::max(probability, probabilityFloor)), shareOfCandidates, matchesFormat ? 1.0 : 0.0};
}

double ConfidenceCalibrator::confidence(const Features& features) const
{
    double z = m_bias;
    for (int i = 0; i < featureCount; ++i)
        z += m_weights[i] * features[i];
    return sigmoid(z);
}

ConfidenceCalibrator ConfidenceCalibrator::fit(const QList<Sample>& samples)
{
    constexpr int n = featureCount + 1; // weights and bias
    std::array<double, n> theta{};
    for (int iteration = 0; iteration < 50; ++iteration) {
        std::array<double, n> gradient{};
        std::array<std::array<double, n>, n> hessian{};
        for (int i = 0; i < n; ++i)
            hessian[i][i] = 1e-3; // ridge keeps separable data from diverging
        for (const Sample& s : samples) {
            std::array<double, n> x{};
            std::copy(s.features.begin(), s.features.end(), x.begin());
            x[n - 1] = 1.0;
            double z = 0.0;
            for (int i = 0; i < n; ++i)
                z += theta[i] * x[i];
            const double p = sigmoid(z);
            const double y = s.correct ? 1.0 : 0.0;
            for (int i = 0; i < n; ++i) {
                gradient[i] += (p - y) * x[i];
                for (int j = 0; j < n; ++j)
                    hessian[i][j] += p * (1 - p) * x[i] * x[j];
            }
        }
        for (int i = 0; i < n; ++i)
            gradient[i] += 1e-3 * theta[i];
        // Solve hessian * step = gradient by Gaussian elimination with partial pivoting.
        auto a = hessian;
        auto b = gradient;
        for (int col = 0; col < n; ++col) {
            int pivot = col;
            for (int r = col + 1; r < n; ++r)
                if (std::abs(a[r][col]) > std::abs(a[pivot][col]))
                    pivot = r;
            std::swap(a[col], a[pivot]);
            std::swap(b[col], b[pivot]);
            for (int r = col + 1; r < n; ++r) {
                const double factor = a[r][col] / a[col][col];
                for (int c = col; c < n; ++c)
                    a[r][c] -= factor * a[col][c];
                b[r] -= factor * b[col];
            }
        }
        std::array<double, n> step{};
        for (int r = n - 1; r >= 0; --r) {
            double sum = b[r];
            for (int c = r + 1; c < n; ++c)
                sum -= a[r][c] * step[c];
            step[r] = sum / a[r][r];
        }
        double change = 0.0;
        for (int i = 0; i < n; ++i) {
            theta[i] -= step[i];
            change += std::abs(step[i]);
        }
        if (change < 1e-9)
            break;
    }
    Features weights{};
    std::copy(theta.begin(), theta.begin() + featureCount, weights.begin());
    return ConfidenceCalibrator(weights, theta[n - 1]);
}

ConfidenceCalibrator ConfidenceCalibrator::fromJson(const QJsonObject& object)
{
    const QJsonArray weights = object.value(QStringLiteral("weights")).toArray();
    if (weights.size() != featureCount || !object.contains(QStringLiteral("bias")))
        return {};
    Features w{};
    for (int i = 0; i < featureCount; ++i)
        w[i] = weights[i].toDouble();
    return ConfidenceCalibrator(w, object.value(QStringLiteral("bias")).toDouble());
}

QJsonObject ConfidenceCalibrator::toJson() const
{
    QJsonArray weights;
    for (const double w : m_weights)
        weights.append(w);
    return QJsonObject{{QStringLiteral("weights"), weights}, {QStringLiteral("bias"), m_bias}};
}

} // namespace alpr::engine
