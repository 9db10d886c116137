#include "search/PlateIndex.h"

#include "reads/PlateText.h"
#include "search/LookAlikeTable.h"
#include "search/PlateMatcher.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QHash>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <vector>

namespace alpr {

namespace {

// Gram symbols: 0 is the ^/$ anchor, 1..36 a canonical plate symbol. Positions are counted in the anchored text
// (0 = '^'), plates have at most 10 characters, so a trigram starts at 0..9 and 4 bits hold it.
constexpr qint64 kBase = 37;
constexpr qint64 kPositions = 16;
constexpr int kAnchor = 0;
// Once the trigrams have narrowed the candidates this far, verifying them costs less than reading a bigram's
// long posting list.
constexpr size_t kEnoughCandidates = 4000;

qint64 trigramKey(int a, int b, int c)
{
    return (a * kBase + b) * kBase + c;
}

/// A lookup in search_grams: a trigram or, for a 2-symbol run, a bigram (all trigrams starting with it); at a
/// known position or at any.
struct GramSpec {
    int symbols[3] = {0, 0, 0};
    int length = 3;
    int position = -1; ///< -1 = any

    [[nodiscard]] qint64 low() const
    {
        const qint64 first =
            length == 3 ? trigramKey(symbols[0], symbols[1], symbols[2]) : trigramKey(symbols[0], symbols[1], 0);
        return first * kPositions;
    }
    [[nodiscard]] qint64 high() const // exclusive
    {
        return length == 3 ? low() + kPositions : low() + kBase * kPositions;
    }
    [[nodiscard]] QString key() const { return QStringLiteral("%1:%2:%3").arg(low()).arg(length).arg(position); }
};

struct PatternGrams {
    std::vector<GramSpec> specs;
    [[nodiscard]] bool usable() const { return !specs.empty(); }
};

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

PatternGrams gramsOf(const QList<PatternToken>& tokens, const LookAlikeTable& table)
{
    struct Symbol {
        int symbol;
        int position; // -1 = unknown
    };
    PatternGrams out;
    std::vector<Symbol> run;
    auto flush = [&] {
        for (size_t k = 0; k + 3 <= run.size(); ++k)
            out.specs.push_back({{run[k].symbol, run[k + 1].symbol, run[k + 2].symbol}, 3, run[k].position});
        if (run.size() == 2)
            out.specs.push_back({{run[0].symbol, run[1].symbol, 0}, 2, run[0].position});
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

std::vector<qint64> intersect(const std::vector<qint64>& a, const std::vector<qint64>& b)
{
    std::vector<qint64> out;
    out.reserve(std::min(a.size(), b.size()));
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

class GramReader {
public:
    explicit GramReader(store::Database& db)
        : m_range(db.prepare(QStringLiteral("SELECT code, canon_id FROM search_grams WHERE code >= ?1 AND code < ?2")))
    {
    }

    const std::vector<qint64>& posting(const GramSpec& spec)
    {
        const QString key = spec.key();
        auto found = m_cache.find(key);
        if (found != m_cache.end())
            return *found;
        std::vector<qint64> ids;
        m_range.bind(1, spec.low()).bind(2, spec.high());
        while (m_range.step()) {
            if (spec.position >= 0 && m_range.int64(0) % kPositions != spec.position)
                continue;
            ids.push_back(m_range.int64(1));
        }
        m_range.reset();
        // One trigram at one position comes back sorted by canon id; ranges over positions or a third symbol
        // interleave several sorted lists.
        if (spec.length != 3 || spec.position < 0) {
            std::sort(ids.begin(), ids.end());
            ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        }
        return *m_cache.insert(key, std::move(ids));
    }

private:
    store::Statement m_range;
    QHash<QString, std::vector<qint64>> m_cache;
};

std::vector<qint64> candidatesOf(const PatternGrams& grams, GramReader& reader)
{
    std::vector<GramSpec> specs = grams.specs;
    // Trigrams at a known position are the most selective, bigrams the least.
    std::stable_sort(specs.begin(), specs.end(), [](const GramSpec& a, const GramSpec& b) {
        auto rank = [](const GramSpec& s) { return (s.length == 3 ? 0 : 2) + (s.position >= 0 ? 0 : 1); };
        return rank(a) < rank(b);
    });
    std::vector<qint64> result;
    bool first = true;
    for (const GramSpec& spec : specs) {
        if (!first && (result.size() <= kEnoughCandidates && spec.length == 2))
            break;
        const std::vector<qint64>& ids = reader.posting(spec);
        result = first ? ids : intersect(result, ids);
        first = false;
        if (result.empty())
            break;
    }
    return result;
}

} // namespace

void PlateIndex::add(QStringList plates)
{
    const LookAlikeTable& table = LookAlikeTable::standard();
    std::sort(plates.begin(), plates.end());
    plates.erase(std::unique(plates.begin(), plates.end()), plates.end());
    auto existing = m_db.prepare(QStringLiteral("SELECT 1 FROM search_plates WHERE plate = ?1"));
    auto findCanon = m_db.prepare(QStringLiteral("SELECT id FROM search_canon WHERE canon = ?1"));
    auto insertCanon = m_db.prepare(QStringLiteral("INSERT INTO search_canon(canon) VALUES (?1)"));
    auto insertPlate = m_db.prepare(QStringLiteral("INSERT INTO search_plates(plate, canon_id) VALUES (?1, ?2)"));
    auto insertGram =
        m_db.prepare(QStringLiteral("INSERT OR IGNORE INTO search_grams(code, canon_id) VALUES (?1, ?2)"));
    std::vector<std::pair<qint64, qint64>> grams;
    QHash<QString, qint64> newCanons;
    for (const QString& plate : std::as_const(plates)) {
        if (!PlateText::isValid(plate))
            continue;
        existing.bind(1, plate);
        const bool known = existing.step();
        existing.reset();
        if (known)
            continue;
        const QString canon = table.canonicalText(plate);
        qint64 canonId = newCanons.value(canon, 0);
        if (canonId == 0) {
            findCanon.bind(1, canon);
            canonId = findCanon.step() ? findCanon.int64(0) : 0;
            findCanon.reset();
        }
        if (canonId == 0) {
            insertCanon.bind(1, canon).run();
            canonId = m_db.lastInsertRowId();
            newCanons.insert(canon, canonId);
            std::vector<int> symbols{kAnchor};
            for (const QChar c : canon)
                symbols.push_back(LookAlikeTable::symbolOf(c) + 1);
            symbols.push_back(kAnchor);
            for (size_t p = 0; p + 3 <= symbols.size(); ++p)
                grams.emplace_back(trigramKey(symbols[p], symbols[p + 1], symbols[p + 2]) * kPositions + qint64(p),
                                   canonId);
        }
        insertPlate.bind(1, plate).bind(2, canonId).run();
    }
    // In key order the B-tree is written page by page instead of at random.
    std::sort(grams.begin(), grams.end());
    for (const auto& [code, canonId] : grams)
        insertGram.bind(1, code).bind(2, canonId).run();
}

void PlateIndex::rebuild()
{
    const LookAlikeTable& table = LookAlikeTable::standard();
    // Plates are at most 10 characters of A-Z0-9: fixed arrays keep millions of them compact and allocation-free.
    struct Entry {
        std::array<char, 10> canon{};
        std::array<char, 10> plate{};
        auto operator<=>(const Entry&) const = default;
    };
    std::vector<Entry> entries;
    for (const char* sql : {"SELECT DISTINCT plate FROM reads", "SELECT DISTINCT plate FROM read_alternatives"}) {
        auto s = m_db.prepare(QString::fromLatin1(sql));
        while (s.step()) {
            const QString plate = s.text(0);
            if (!PlateText::isValid(plate))
                continue;
            Entry e;
            for (qsizetype i = 0; i < plate.size(); ++i) {
                e.plate[size_t(i)] = char(plate[i].unicode());
                e.canon[size_t(i)] =
                    char(LookAlikeTable::charOf(table.canonical(LookAlikeTable::symbolOf(plate[i]))).unicode());
            }
            entries.push_back(e);
        }
    }
    std::sort(entries.begin(), entries.end());
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());

    auto text = [](const std::array<char, 10>& a) {
        return QString::fromLatin1(a.data(), qsizetype(strnlen(a.data(), a.size())));
    };
    // search_plates' canon_id index would be written at random: drop it and let CREATE INDEX sort once.
    const QString plateIndexSql = m_db.queryText(
        QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'search_plates_canon'"));
    m_db.exec(QStringLiteral("DELETE FROM search_grams; DELETE FROM search_plates; DELETE FROM search_canon"));
    if (!plateIndexSql.isEmpty())
        m_db.exec(QStringLiteral("DROP INDEX search_plates_canon"));

    auto insertCanon = m_db.prepare(QStringLiteral("INSERT INTO search_canon(id, canon) VALUES (?1, ?2)"));
    std::vector<std::pair<qint64, qint64>> grams;
    std::vector<std::pair<std::array<char, 10>, qint64>> plates;
    plates.reserve(entries.size());
    qint64 canonId = 0;
    for (size_t i = 0; i < entries.size(); ++i) {
        if (i == 0 || entries[i].canon != entries[i - 1].canon) {
            ++canonId;
            const QString canon = text(entries[i].canon);
            insertCanon.bind(1, canonId).bind(2, canon).run();
            std::vector<int> symbols{kAnchor};
            for (const QChar c : canon)
                symbols.push_back(LookAlikeTable::symbolOf(c) + 1);
            symbols.push_back(kAnchor);
            for (size_t p = 0; p + 3 <= symbols.size(); ++p)
                grams.emplace_back(trigramKey(symbols[p], symbols[p + 1], symbols[p + 2]) * kPositions + qint64(p),
                                   canonId);
        }
        plates.emplace_back(entries[i].plate, canonId);
    }
    entries = {};
    std::sort(plates.begin(), plates.end());
    auto insertPlate = m_db.prepare(QStringLiteral("INSERT INTO search_plates(plate, canon_id) VALUES (?1, ?2)"));
    for (const auto& [plate, id] : plates)
        insertPlate.bind(1, text(plate)).bind(2, id).run();
    plates = {};
    std::sort(grams.begin(), grams.end());
    auto insertGram = m_db.prepare(QStringLiteral("INSERT INTO search_grams(code, canon_id) VALUES (?1, ?2)"));
    for (const auto& [code, id] : grams)
        insertGram.bind(1, code).bind(2, id).run();
    if (!plateIndexSql.isEmpty())
        m_db.exec(plateIndexSql);
}

QStringList PlateIndex::candidates(const PlatePattern& pattern, int tolerance)
{
    m_lastQueryScanned = false;
    const LookAlikeTable& table = LookAlikeTable::standard();
    if (tolerance == 0 && pattern.isLiteral())
        return {pattern.text()}; // one plate: the reads' own plate index finds it

    const QList<PlatePattern> variants = tolerance >= 2 ? pattern.withOneEdit() : QList<PlatePattern>{pattern};
    GramReader reader(m_db);
    std::vector<qint64> canonIds;
    for (const PlatePattern& variant : variants) {
        const PatternGrams grams = gramsOf(variant.tokens(), table);
        if (!grams.usable()) {
            m_lastQueryScanned = true;
            break;
        }
        const std::vector<qint64> ids = candidatesOf(grams, reader);
        canonIds.insert(canonIds.end(), ids.begin(), ids.end());
    }

    const PlateMatcher canonical = PlateMatcher::forCanonicalText(pattern, tolerance, table);
    std::vector<qint64> verified;
    if (m_lastQueryScanned) {
        auto scan = m_db.prepare(QStringLiteral("SELECT id, canon FROM search_canon"));
        while (scan.step())
            if (canonical.matches(scan.text(1)))
                verified.push_back(scan.int64(0));
    } else {
        std::sort(canonIds.begin(), canonIds.end());
        canonIds.erase(std::unique(canonIds.begin(), canonIds.end()), canonIds.end());
        auto canonText = m_db.prepare(QStringLiteral("SELECT canon FROM search_canon WHERE id = ?1"));
        for (qint64 id : canonIds) {
            canonText.bind(1, id);
            if (canonText.step() && canonical.matches(canonText.text(0)))
                verified.push_back(id);
            canonText.reset();
        }
    }

    QStringList plates;
    auto readings = m_db.prepare(QStringLiteral("SELECT plate FROM search_plates WHERE canon_id = ?1"));
    for (qint64 id : verified) {
        readings.bind(1, id);
        while (readings.step())
            plates.append(readings.text(0));
        readings.reset();
    }
    return plates;
}

} // namespace alpr
