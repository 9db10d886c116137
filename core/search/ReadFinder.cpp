#include "search/ReadFinder.h"

#include "reads/ReadRepository.h"
#include "search/PlateIndex.h"
#include "search/PlateMatcher.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QSet>

#include <algorithm>
#include <limits>

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

struct MatchedPlate {
    QString plate;
    PlateMatch match;
};

} // namespace

SearchResult ReadFinder::find(const PlatePattern& pattern, int tolerance, const SearchFilters& filters, int limit)
{
    SearchResult result;
    PlateIndex index(m_db);
    const QStringList candidates = index.candidates(pattern, tolerance);
    result.scannedDictionary = index.lastQueryScanned();

    const PlateMatcher matcher(pattern, tolerance);
    std::vector<MatchedPlate> matched;
    for (const QString& plate : candidates)
        if (auto m = matcher.match(plate))
            matched.push_back({plate, std::move(*m)});
    result.matchedPlates = int(matched.size());
    // Best plates first, so that a limit cuts the worst ranked reads.
    std::stable_sort(matched.begin(), matched.end(),
                     [](const MatchedPlate& a, const MatchedPlate& b) { return a.match.score < b.match.score; });

    auto best = m_db.prepare(QStringLiteral("SELECT %1, 0 FROM reads WHERE reads.plate = ?1%2")
                                 .arg(QLatin1String(ReadRepository::kReadColumns), QLatin1String(kFilterSql)));
    auto alternative =
        m_db.prepare(QStringLiteral("SELECT %1, a.rank FROM read_alternatives a JOIN reads ON reads.id = a.read_id "
                                    "WHERE a.plate = ?1%2")
                         .arg(QLatin1String(ReadRepository::kReadColumns), QLatin1String(kFilterSql)));
    const QSet<QString> units(filters.units.begin(), filters.units.end());
    QHash<qint64, qsizetype> byRead; // a read matched by two readings is listed once, by its better one
    constexpr int kRankColumn = 12;

    for (const MatchedPlate& m : matched) {
        if (result.hits.size() >= limit && m.match.score > result.hits.last().score) {
            result.truncated = true;
            break;
        }
        const QString explanation = m.match.explanation();
        for (store::Statement* s : {&best, &alternative}) {
            s->bind(1, m.plate); // reset() clears the bindings: bind all again for each plate
            bindFilters(*s, filters);
            while (s->step()) {
                SearchHit hit;
                hit.read = ReadRepository::readFromRow(s);
                if (!units.isEmpty() && !units.contains(hit.read.unitId))
                    continue;
                hit.matchedPlate = m.plate;
                hit.alternativeRank = int(s->int64(kRankColumn));
                hit.score = m.match.score;
                hit.explanation =
                    hit.alternativeRank == 0
                        ? explanation
                        : explanation + QStringLiteral(" (alternative reading %1)").arg(hit.alternativeRank);
                const auto seen = byRead.constFind(hit.read.id);
                if (seen != byRead.constEnd()) {
                    if (SearchHit::ranksBefore(hit, result.hits[*seen]))
                        result.hits[*seen] = std::move(hit);
                    continue;
                }
                byRead.insert(hit.read.id, result.hits.size());
                result.hits.append(std::move(hit));
            }
            s->reset();
        }
    }
    std::sort(result.hits.begin(), result.hits.end(), SearchHit::ranksBefore);
    if (result.hits.size() > limit) {
        result.hits.resize(limit);
        result.truncated = true;
    }
    return result;
}

} // namespace alpr
