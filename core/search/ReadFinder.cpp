#include "search/ReadFinder.h"

#include "reads/ReadRepository.h"
#include "search/PlateIndex.h"
#include "search/PlateMatcher.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QSet>

#include <algorithm>
#include <limits>
#include <optional>
#include <tuple>
#include <unordered_map>

namespace alpr {

namespace {

constexpr auto kFilterSql = " AND reads.time_utc >= ?2 AND reads.time_utc <= ?3 AND reads.confidence >= ?4"
                            " AND (?5 IS NULL OR (reads.lat BETWEEN ?5 AND ?6 AND reads.lon BETWEEN ?7 AND ?8))";

void bindFilters(store::Statement& s, const SearchFilters& f)
{
    s.bind(2, f.fromUtc.isValid() ? f.fromUtc.toSecsSinceEpoch() : std::numeric_limits<qint64>::min());
    s.bind(3, f.toUtc.isValid() ? f.toUtc.toSecsSinceEpoch() : std::numeric_limits<qint64>::max());
    s.bind(4, f.minConfidence.value_or(-1.0));
    if (f.area) {
        s.bind(5, f.area->south).bind(6, f.area->north).bind(7, f.area->west).bind(8, f.area->east);
    } else {
        for (int i = 5; i <= 8; ++i)
            s.bind(i, nullptr);
    }
}

} // namespace

SearchResult ReadFinder::find(const PlatePattern& pattern, int tolerance, const SearchFilters& filters, int limit)
{
    SearchResult result;
    PlateIndex index(m_db);
    const std::vector<PlateIndex::Reading> candidates = index.candidates(pattern, tolerance);
    result.scannedDictionary = index.lastQueryScanned();

    // Verify each distinct reading once; a read keeps its best matching reading (then the best reading over an
    // alternative).
    const PlateMatcher matcher(pattern, tolerance);
    // Node-based: candidates keep pointers to the readings and matches while more are added.
    std::unordered_map<QString, std::optional<PlateMatch>> verdicts;
    struct Candidate {
        qint64 readId;
        int rank;
        const QString* plate;
        const PlateMatch* match;
    };
    QHash<qint64, Candidate> byRead;
    for (const PlateIndex::Reading& r : candidates) {
        auto verdict = verdicts.find(r.plate);
        if (verdict == verdicts.end())
            verdict = verdicts.emplace(r.plate, matcher.match(r.plate)).first;
        if (!verdict->second.has_value())
            continue;
        const Candidate c{r.readId, r.rank, &verdict->first, &*verdict->second};
        auto existing = byRead.find(r.readId);
        if (existing == byRead.end())
            byRead.insert(r.readId, c);
        else if (std::pair(c.match->score, c.rank) < std::pair(existing->match->score, existing->rank))
            *existing = c;
    }
    for (const auto& [plate, verdict] : verdicts)
        result.matchedPlates += verdict.has_value() ? 1 : 0;

    // Best first, so that a limit cuts the worst ranked reads; within a score, in id order, which is the order of
    // the reads table on disk.
    std::vector<Candidate> ordered(byRead.begin(), byRead.end());
    std::sort(ordered.begin(), ordered.end(), [](const Candidate& a, const Candidate& b) {
        return std::tuple(a.match->score, a.readId) < std::tuple(b.match->score, b.readId);
    });
    auto row = m_db.prepare(QStringLiteral("SELECT %1 FROM reads WHERE reads.id = ?1%2")
                                .arg(QLatin1String(ReadRepository::kReadColumns), QLatin1String(kFilterSql)));
    const QSet<QString> units(filters.units.begin(), filters.units.end());
    QHash<const PlateMatch*, QString> explanations;
    result.hits.reserve(qsizetype(std::min<size_t>(ordered.size(), size_t(limit))));
    for (const Candidate& c : ordered) {
        if (result.hits.size() >= limit && c.match->score > result.hits.last().score) {
            result.truncated = true;
            break;
        }
        row.bind(1, c.readId); // reset() clears the bindings: bind all again for each read
        bindFilters(row, filters);
        if (row.step()) {
            SearchHit hit;
            hit.read = ReadRepository::readFromRow(row);
            if (units.isEmpty() || units.contains(hit.read.unitId)) {
                auto explanation = explanations.find(c.match);
                if (explanation == explanations.end())
                    explanation = explanations.insert(c.match, c.match->explanation());
                hit.matchedPlate = *c.plate;
                hit.alternativeRank = c.rank;
                hit.score = c.match->score;
                hit.explanation =
                    c.rank == 0 ? *explanation : *explanation + QStringLiteral(" (alternative reading %1)").arg(c.rank);
                result.hits.append(std::move(hit));
            }
        }
        row.reset();
    }
    std::sort(result.hits.begin(), result.hits.end(), SearchHit::ranksBefore);
    if (result.hits.size() > limit) {
        result.hits.resize(limit);
        result.truncated = true;
    }
    return result;
}

} // namespace alpr
