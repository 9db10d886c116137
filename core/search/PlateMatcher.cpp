#include "search/PlateMatcher.h"

#include <array>
#include <bit>
#include <limits>

namespace alpr {

namespace {

constexpr int kInfinity = std::numeric_limits<int>::max() / 2;
constexpr int kMaxTokens = PlatePattern::kMaxSingleTokens * 2 + 1; // singles with stars between them

enum class Step : std::uint8_t { None, Consume, StarSkip, StarEat, Extra, Missing };

struct Cell {
    int cost = kInfinity;
    Step step = Step::None;
    std::uint8_t fromI = 0, fromJ = 0, fromE = 0;
};

using Table = std::array<std::array<std::array<Cell, 2>, PlateMatcher::kMaxPlateLength + 1>, kMaxTokens + 1>;

QString tokenText(const PatternToken& t)
{
    return PlatePattern::fromTokens({t}).text();
}

} // namespace

PlateMatcher::PlateMatcher(const PlatePattern& pattern, int tolerance, const LookAlikeTable& table)
    : m_tolerance(std::clamp(tolerance, 0, kMaxTolerance))
{
    for (const PatternToken& t : pattern.tokens()) {
        std::uint64_t group = 0;
        for (int s = 0; s < LookAlikeTable::kSymbolCount; ++s)
            if (t.mask & (std::uint64_t(1) << s))
                group |= table.groupMask(s);
        m_tokens.push_back({t.kind, t.mask, m_tolerance >= 1 ? group : t.mask, tokenText(t)});
    }
}

std::optional<PlateMatch> PlateMatcher::match(const QString& plate) const
{
    return run(plate, true);
}

bool PlateMatcher::matches(const QString& plate) const
{
    return run(plate, false).has_value();
}

std::optional<PlateMatch> PlateMatcher::run(const QString& plate, bool explain) const
{
    const int n = int(m_tokens.size());
    const int m = int(plate.size());
    if (m > kMaxPlateLength || n > kMaxTokens)
        return std::nullopt;
    std::array<int, kMaxPlateLength> symbols{};
    for (int j = 0; j < m; ++j)
        symbols[j] = LookAlikeTable::symbolOf(plate[j]);
    const int maxEdits = m_tolerance >= 2 ? 1 : 0;

    // Dynamic programming over (tokens used, plate characters used, edits used); thread_local keeps the 13 KB
    // table off the stack and out of the allocator in the index's verification loop.
    thread_local Table table;
    for (int i = 0; i <= n; ++i)
        for (int j = 0; j <= m; ++j)
            table[i][j][0].cost = table[i][j][1].cost = kInfinity;
    table[0][0][0] = {0, Step::None, 0, 0, 0};
    auto relax = [&](int i, int j, int e, int cost, Step step, int fi, int fj, int fe) {
        Cell& c = table[i][j][e];
        if (cost < c.cost)
            c = {cost, step, std::uint8_t(fi), std::uint8_t(fj), std::uint8_t(fe)};
    };
    for (int i = 0; i <= n; ++i) {
        for (int j = 0; j <= m; ++j) {
            for (int e = 0; e <= maxEdits; ++e) {
                const int cost = table[i][j][e].cost;
                if (cost >= kInfinity)
                    continue;
                if (i < n) {
                    const Token& t = m_tokens[i];
                    if (t.kind == PatternToken::Kind::Star) {
                        relax(i + 1, j, e, cost, Step::StarSkip, i, j, e);
                        if (j < m)
                            relax(i, j + 1, e, cost, Step::StarEat, i, j, e);
                        continue;
                    }
                    if (j < m) {
                        const int s = symbols[j];
                        const std::uint64_t bit = s >= 0 ? std::uint64_t(1) << s : 0;
                        if (t.kind == PatternToken::Kind::Any || (bit & t.exact))
                            relax(i + 1, j + 1, e, cost, Step::Consume, i, j, e);
                        else if (bit & t.lookAlike)
                            relax(i + 1, j + 1, e, cost + PlateMatch::kLookAlikeCost, Step::Consume, i, j, e);
                        else if (e < maxEdits)
                            relax(i + 1, j + 1, e + 1, cost + PlateMatch::kEditCost, Step::Consume, i, j, e);
                    }
                    if (e < maxEdits)
                        relax(i + 1, j, e + 1, cost + PlateMatch::kEditCost, Step::Missing, i, j, e);
                }
                if (j < m && e < maxEdits)
                    relax(i, j + 1, e + 1, cost + PlateMatch::kEditCost, Step::Extra, i, j, e);
            }
        }
    }
    int bestE = -1;
    for (int e = 0; e <= maxEdits; ++e)
        if (table[n][m][e].cost < kInfinity && (bestE < 0 || table[n][m][e].cost < table[n][m][bestE].cost))
            bestE = e;
    if (bestE < 0)
        return std::nullopt;
    PlateMatch result;
    result.score = table[n][m][bestE].cost;
    if (!explain || result.score == 0)
        return result;
    for (int i = n, j = m, e = bestE; table[i][j][e].step != Step::None;) {
        const Cell& c = table[i][j][e];
        using Kind = PlateMatch::Difference::Kind;
        if (c.step == Step::Consume && c.cost != table[c.fromI][c.fromJ][c.fromE].cost) {
            const Token& t = m_tokens[c.fromI];
            result.differences.prepend({c.fromE != e ? Kind::Substituted : Kind::LookAlike, j, plate[j - 1], t.text});
        } else if (c.step == Step::Extra) {
            result.differences.prepend({Kind::Extra, j, plate[j - 1], QString()});
        } else if (c.step == Step::Missing) {
            result.differences.prepend({Kind::Missing, j + 1, QChar(), m_tokens[c.fromI].text});
        }
        const int fi = c.fromI, fj = c.fromJ, fe = c.fromE;
        i = fi;
        j = fj;
        e = fe;
    }
    return result;
}

} // namespace alpr
