#pragma once

#include "common/Result.h"

#include <QString>

#include <array>
#include <cstdint>

namespace alpr {

/// The OCR look-alike groups (0/O/D/Q, 1/I/L/T/7, 8/B ...), as data: lookalikes.txt, compiled in as a resource.
/// Plate characters are A-Z and 0-9, numbered as symbols 0..35 (digits first). Every character belongs to exactly
/// one group; the group's first character is its canonical form, which the search index stores, so that a
/// tolerance-1 search is an exact search over canonical text.
class LookAlikeTable {
public:
    static constexpr int kSymbolCount = 36;

    /// Identity: no look-alikes (every character its own group).
    LookAlikeTable();

    /// The shipped table (parsed once; thread-safe).
    [[nodiscard]] static const LookAlikeTable& standard();
    /// Parses "one group a line, characters separated by spaces, # comments"; InvalidInput when a character is
    /// not A-Z/0-9 or appears in two groups.
    [[nodiscard]] static Result<LookAlikeTable> fromText(const QString& text);

    /// Symbol number of an A-Z/0-9 character, or -1.
    [[nodiscard]] static int symbolOf(QChar c);
    [[nodiscard]] static QChar charOf(int symbol);

    /// The canonical symbol of symbol s (the first member of its group).
    [[nodiscard]] int canonical(int symbol) const { return m_canonical[symbol]; }
    [[nodiscard]] bool lookAlike(int a, int b) const { return m_canonical[a] == m_canonical[b]; }
    /// Bit mask of the symbols of s's group.
    [[nodiscard]] std::uint64_t groupMask(int symbol) const { return m_groupMask[symbol]; }
    /// Canonical text of a plate (A-Z/0-9 only; other characters are kept as they are).
    [[nodiscard]] QString canonicalText(const QString& plate) const;

private:
    std::array<int, kSymbolCount> m_canonical{};
    std::array<std::uint64_t, kSymbolCount> m_groupMask{};
};

} // namespace alpr
