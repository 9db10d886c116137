#include "search/ReadFinder.h"

#include "search/PlateIndex.h"
#include "search/PlateMatcher.h"
#include "store/Database.h"

#include <QSet>

#include <algorithm>
#include <limits>
#include <optional>
#include <unordered_map>

namespace alpr {

namespace {

/// The filters as plain values, tested on the summary each indexed reading carries.
class FilterTest {
public:
    explicit FilterTest(const SearchFilters& f)
        : m_from(f.fromUtc.isValid() ? f.fromUtc.toSecsSinceEpoch() : std::numeric_limits<qint64>::min()),
          m_to(f.toUtc.isValid() ? f.toUtc.toSecsSinceEpoch() : std::numeric_limits<qint64>::max()),
          m_minConfidence(f.minConfidence.value_or(-1.0)), m_area(f.area), m_units(f.units.begin(), f.units.end())
    {
    }

    [[nodiscard]] bool accepts(const PlateIndex::Reading& r) const
    {
        if (r.timeUtc < m_from || r.timeUtc > m_to || r.confidence < m_minConfidence)
            return false;
        if (m_area && !(r.latitude && r.longitude && *r.latitude >= m_area->south && *r.latitude <= m_area->north &&
                        *r.longitude >= m_area->west && *r.longitude <= m_area->east))
            return false;
        return m_units.isEmpty() || m_units.contains(r.unitId);
    }

private:
    qint64 m_from;
    qint64 m_to;
    double m_minConfidence;
    std::optional<GeoRect> m_area;
    QSet<QString> m_units;
};

} // namespace

SearchResult ReadFinder::find(const PlatePattern& pattern, int tolerance, const SearchFilters& filters, int limit)
{
    SearchResult result;
    PlateIndex index(m_db, m_readers);
    // The index covers what a result row shows and the filters test: no visit to the reads table.
    const std::vector<PlateIndex::Reading> candidates = index.candidates(pattern, tolerance);
    result.scannedDictionary = index.lastQueryScanned();

    // Verify each distinct reading once; a read keeps its best matching reading (then the best reading over an
    // alternative).
    const PlateMatcher matcher(pattern, tolerance);
    const FilterTest filter(filters);
    // Node-based: candidates keep pointers to the matches while more are added.
    std::unordered_map<QString, std::optional<PlateMatch>> verdicts;
    struct Candidate {
        const PlateIndex::Reading* reading;
        const PlateMatch* match;
    };
    QHash<qint64, Candidate> byRead;
    for (const PlateIndex::Reading& r : candidates) {
        auto verdict = verdicts.find(r.plate);
        if (verdict == verdicts.end())
            verdict = verdicts.emplace(r.plate, matcher.match(r.plate)).first;
        if (!verdict->second.has_value() || !filter.accepts(r))
            continue;
        const Candidate c{&r, &*verdict->second};
        auto existing = byRead.find(r.readId);
        if (existing == byRead.end())
            byRead.insert(r.readId, c);
        else if (std::pair(c.match->score, c.reading->rank) <
                 std::pair(existing->match->score, existing->reading->rank))
            *existing = c;
    }
    for (const auto& [plate, verdict] : verdicts)
        result.matchedPlates += verdict.has_value() ? 1 : 0;

    // Rank the light candidates and build hits (strings, dates) only for those within the limit.
    std::vector<Candidate> ordered(byRead.begin(), byRead.end());
    const auto ranksBefore = [](const Candidate& a, const Candidate& b) {
        return SearchHit::rankKey(a.match->score, a.reading->rank, a.reading->timeUtc, a.reading->readId) <
               SearchHit::rankKey(b.match->score, b.reading->rank, b.reading->timeUtc, b.reading->readId);
    };
    if (ordered.size() > size_t(limit)) {
        std::partial_sort(ordered.begin(), ordered.begin() + limit, ordered.end(), ranksBefore);
        ordered.resize(size_t(limit));
        result.truncated = true;
    } else {
        std::sort(ordered.begin(), ordered.end(), ranksBefore);
    }
    QHash<const PlateMatch*, QString> explanations;
    result.hits.reserve(qsizetype(ordered.size()));
    for (const Candidate& c : ordered) {
        auto explanation = explanations.find(c.match);
        if (explanation == explanations.end())
            explanation = explanations.insert(c.match, c.match->explanation());
        SearchHit hit;
        hit.read = c.reading->summary();
        hit.matchedPlate = c.reading->plate;
        hit.alternativeRank = c.reading->rank;
        hit.score = c.match->score;
        hit.explanation = c.reading->rank == 0
                              ? *explanation
                              : *explanation + QStringLiteral(" (alternative reading %1)").arg(c.reading->rank);
        result.hits.append(std::move(hit));
    }
    return result;
}

} // namespace alpr
