#include "search/PlateGrams.h"

#include "store/Database.h"
#include "store/Statement.h"

#include <algorithm>

namespace alpr::plategrams {

namespace {

// Gram symbols: 0 is the ^/$ anchor, 1..36 a canonical plate symbol. Positions are counted in the anchored text
// (0 = '^'), plates have at most 10 characters, so a trigram starts at 0..9 and 4 bits hold it.
constexpr qint64 kBase = 37;
constexpr qint64 kPositions = 16;
constexpr int kAnchor = 0;
// Postings carry the plates (exact readings) filed under their canonical form, so verifying a candidate costs less
// than reading one more posting row: once the candidates are this few, the rest of the grams are left unread.
// Bigram postings (long) are read only when the pattern has no trigram at all.
constexpr size_t kEnoughCandidates = 2000;

qint64 trigramKey(int a, int b, int c)
{
    return (a * kBase + b) * kBase + c;
}

} // namespace

/// Gram codes of a canonical text.
std::vector<qint64> gramCodes(const QString& canon)
{
    std::vector<int> symbols{kAnchor};
    for (const QChar c : canon)
        symbols.push_back(LookAlikeTable::symbolOf(c) + 1);
    symbols.push_back(kAnchor);
    std::vector<qint64> codes;
    for (size_t p = 0; p + 3 <= symbols.size(); ++p)
        codes.push_back(trigramKey(symbols[p], symbols[p + 1], symbols[p + 2]) * kPositions + qint64(p));
    return codes;
}

/// A plate of up to 10 A-Z/0-9 characters as one number (base 37, 0 = end): millions of them sort and hash
/// without allocating.
quint64 packPlate(const QString& plate)
{
    quint64 v = 0;
    for (const QChar c : plate)
        v = v * kBase + quint64(LookAlikeTable::symbolOf(c) + 1);
    for (qsizetype i = plate.size(); i < 10; ++i)
        v *= kBase;
    return v;
}

QString unpackPlate(quint64 v)
{
    char chars[10];
    for (int i = 9; i >= 0; --i) {
        chars[i] = char(v % kBase);
        v /= kBase;
    }
    QString out;
    for (char s : chars)
        if (s > 0)
            out += LookAlikeTable::charOf(s - 1);
    return out;
}

qint64 GramSpec::low() const
{
    if (length == 3)
        return trigramKey(symbols[0], symbols[1], symbols[2]) * kPositions + std::max(position, 0);
    return trigramKey(symbols[0], symbols[1], 0) * kPositions;
}

qint64 GramSpec::high() const
{
    if (length == 3)
        return position >= 0 ? low() + 1 : low() + kPositions;
    return low() + kBase * kPositions;
}

QString GramSpec::key() const
{
    return QStringLiteral("%1:%2:%3").arg(low()).arg(length).arg(position);
}

namespace {

// The canonical symbol a token stands for, or -1 when it is not one definite symbol in canonical space.
int definiteSymbol(const PatternToken& t, const LookAlikeTable& table)
{
    if (t.kind != PatternToken::Kind::Set)
        return -1;
    int symbol = -1;
    for (int s = 0; s < LookAlikeTable::kSymbolCount; ++s) {
        if (!(t.mask & (std::uint64_t(1) << s)))
            continue;
        const int c = table.canonical(s);
        if (symbol >= 0 && symbol != c)
            return -1;
        symbol = c;
    }
    return symbol + 1;
}

} // namespace

/// The canonical text a pattern names when every token is one definite symbol (a plain plate, at tolerance 0 or
/// 1), else empty.
QString literalCanon(const PlatePattern& pattern, const LookAlikeTable& table)
{
    QString out;
    for (const PatternToken& t : pattern.tokens()) {
        const int s = definiteSymbol(t, table);
        if (s < 0)
            return {};
        out += LookAlikeTable::charOf(s - 1);
    }
    return out;
}

std::vector<GramSpec> gramsOf(const QList<PatternToken>& tokens, const LookAlikeTable& table)
{
    struct Symbol {
        int symbol;
        int position; // -1 = unknown
    };
    std::vector<GramSpec> out;
    std::vector<Symbol> run;
    auto flush = [&] {
        for (size_t k = 0; k + 3 <= run.size(); ++k)
            out.push_back({{run[k].symbol, run[k + 1].symbol, run[k + 2].symbol}, 3, run[k].position});
        // A bigram is looked up as the trigrams it begins; "x$" begins none (the text ends), so it is no filter.
        if (run.size() == 2 && run[1].symbol != kAnchor)
            out.push_back({{run[0].symbol, run[1].symbol, 0}, 2, run[0].position});
        run.clear();
    };
    int position = 0;
    bool known = true;
    if (!tokens.isEmpty() && tokens.first().kind != PatternToken::Kind::Star)
        run.push_back({kAnchor, 0});
    for (const PatternToken& t : tokens) {
        if (t.kind == PatternToken::Kind::Star) {
            flush();
            known = false;
            continue;
        }
        ++position;
        const int s = definiteSymbol(t, table);
        if (s < 0) {
            flush();
            continue;
        }
        run.push_back({s, known ? position : -1});
    }
    if (!tokens.isEmpty() && tokens.last().kind != PatternToken::Kind::Star)
        run.push_back({kAnchor, known ? position + 1 : -1});
    flush();
    return out;
}

struct GramReader::Private {
    store::Statement code;
    qint64 first;
    qint64 last;
    QHash<QString, Posting> cache;
};

GramReader::GramReader(store::Database& db, qint64 first, qint64 last)
    : d(new Private{db.prepare(QStringLiteral("SELECT canon_id, plates FROM search_grams WHERE code = ?1 AND "
                                              "canon_id >= ?2 AND canon_id < ?3")),
                    first, last, {}})
{
}

GramReader::~GramReader() = default;

const Posting& GramReader::posting(const GramSpec& spec)
{
    const QString key = spec.key();
    auto found = d->cache.find(key);
    if (found != d->cache.end())
        return *found;
    Posting ids;
    int codes = 0;
    for (qint64 code = spec.low(); code < spec.high(); ++code) {
        if (spec.position >= 0 && code % kPositions != spec.position)
            continue;
        ++codes;
        d->code.bind(1, code).bind(2, d->first).bind(3, d->last);
        while (d->code.step())
            ids.emplace_back(d->code.int64(0), d->code.text(1));
        d->code.reset();
    }
    // One code comes back sorted by canon id; several codes (positions, a bigram's third symbol) interleave sorted
    // lists.
    if (codes > 1) {
        std::sort(ids.begin(), ids.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        ids.erase(std::unique(ids.begin(), ids.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
                  ids.end());
    }
    return *d->cache.insert(key, std::move(ids));
}

namespace {

Posting intersect(const Posting& a, const Posting& b)
{
    Posting out;
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].first < b[j].first)
            ++i;
        else if (b[j].first < a[i].first)
            ++j;
        else
            out.push_back(a[i++]), ++j;
    }
    return out;
}

} // namespace

Posting candidatesOf(std::vector<GramSpec> specs, GramReader& reader)
{
    // Trigrams at a known position are the most selective, bigrams the least; an anchor makes a trigram weaker
    // (many plates share their first two or last two characters, as plate formats do).
    std::stable_sort(specs.begin(), specs.end(), [](const GramSpec& a, const GramSpec& b) {
        auto rank = [](const GramSpec& s) {
            const bool anchored = s.symbols[0] == kAnchor || (s.length == 3 && s.symbols[2] == kAnchor);
            return (s.length == 3 ? 0 : 4) + (s.position >= 0 ? 0 : 2) + (anchored ? 1 : 0);
        };
        return rank(a) < rank(b);
    });
    Posting result;
    bool first = true;
    for (const GramSpec& spec : specs) {
        if (!first && (spec.length == 2 || result.size() <= kEnoughCandidates))
            break;
        const Posting& ids = reader.posting(spec);
        result = first ? ids : intersect(result, ids);
        first = false;
        if (result.empty())
            break;
    }
    return result;
}

} // namespace alpr::plategrams
