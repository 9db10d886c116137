#pragma once

#include "search/LookAlikeTable.h"
#include "search/PlateMatch.h"
#include "search/PlatePattern.h"

#include <optional>
#include <vector>

namespace alpr {

/// Decides whether a plate matches a pattern at a tolerance, and how well. Tolerance 0: the pattern exactly;
/// 1: plus any number of look-alike substitutions (each costs PlateMatch::kLookAlikeCost); 2: plus one arbitrary
/// substitution, extra or missing character (PlateMatch::kEditCost). The cheapest alignment wins, so the score
/// ranks exact matches first. Immutable after construction; safe to share between threads.
class PlateMatcher {
public:
    static constexpr int kMaxTolerance = 2;
    static constexpr int kMaxPlateLength = 16;

    /// Matches plate text as stored.
    PlateMatcher(const PlatePattern& pattern, int tolerance, const LookAlikeTable& table = LookAlikeTable::standard());

    /// The best match, or nothing. Plates longer than kMaxPlateLength never match.
    [[nodiscard]] std::optional<PlateMatch> match(const QString& plate) const;
    /// Same decision without building the explanation (the index's hot loop).
    [[nodiscard]] bool matches(const QString& plate) const;

    [[nodiscard]] int tolerance() const { return m_tolerance; }

private:
    struct Token {
        PatternToken::Kind kind;
        std::uint64_t exact;     ///< costs nothing
        std::uint64_t lookAlike; ///< costs kLookAlikeCost
        QString text;            ///< for explanations
    };
    std::optional<PlateMatch> run(const QString& plate, bool explain) const;

    std::vector<Token> m_tokens;
    int m_tolerance = 0;
};

} // namespace alpr
