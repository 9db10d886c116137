#pragma once

#include <QString>

#include <random>
#include <vector>

namespace alpr::bench {

/// What a witness or a camera makes of a plate: one character swapped for a look-alike (0/O, 8/B ...).
[[nodiscard]] QString lookAlikeOf(const QString& plate, std::mt19937& rng);
/// A look-alike and one more edit (a forgotten or wrong character): what tolerance 2 must still find.
[[nodiscard]] QString oneEditOf(const QString& plate, std::mt19937& rng);
/// The p-quantile (0.5 = median) of latencies, by rank.
[[nodiscard]] double percentile(std::vector<double> values, double p);

} // namespace alpr::bench
