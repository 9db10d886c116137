#pragma once

#include "common/Result.h"

#include <QList>
#include <QString>

#include <cstdint>

namespace alpr {

/// One element of a plate pattern: a set of allowed characters (a literal is a set of one), '?' or '*'.
struct PatternToken {
    enum class Kind { Set, Any, Star };
    Kind kind = Kind::Set;
    std::uint64_t mask = 0; ///< Set: bit per LookAlikeTable symbol

    [[nodiscard]] bool isSingle() const { return kind != Kind::Star; } ///< consumes exactly one plate character
    friend bool operator==(const PatternToken&, const PatternToken&) = default;
};

/// A parsed partial-plate pattern: '?' one character, '*' any run (including none), '[8B]' one of a set; case,
/// spaces and dashes ignored. Parsing is the gate for user input: anything else (SQL or shell metacharacters,
/// control or non-ASCII characters, over-long input) is refused with a message saying what is wrong, so nothing
/// hostile reaches the store or the audit trail unchecked.
class PlatePattern {
public:
    static constexpr int kMaxInputLength = 64;  ///< characters as typed
    static constexpr int kMaxSingleTokens = 12; ///< plate characters a pattern may describe (plates have <= 10)
    static constexpr int kMaxSetSize = 36;

    [[nodiscard]] static Result<PlatePattern> parse(const QString& text);

    [[nodiscard]] const QList<PatternToken>& tokens() const { return m_tokens; }
    /// The normalized pattern, e.g. "7AB[8B]*12" (what the audit trail records).
    [[nodiscard]] QString text() const;
    /// True when the pattern has no '?', '*' or multi-character set: it names one plate.
    [[nodiscard]] bool isLiteral() const;
    [[nodiscard]] int singleTokenCount() const;
    [[nodiscard]] bool hasStar() const;

    /// This pattern and every pattern one edit away: one more '?' in place of a character, one character less, or
    /// one '?' inserted (beside a '*' that adds nothing). A plate within one edit of this pattern matches one of them
    /// exactly, which is how the index answers tolerance 2.
    [[nodiscard]] QList<PlatePattern> withOneEdit() const;

    /// Builds a pattern from tokens (for the index's edit variants); the tokens are trusted.
    [[nodiscard]] static PlatePattern fromTokens(QList<PatternToken> tokens);

private:
    QList<PatternToken> m_tokens;
};

} // namespace alpr
