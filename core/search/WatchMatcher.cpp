#include "search/WatchMatcher.h"

#include "store/Database.h"
#include "store/Statement.h"

namespace alpr {

WatchMatcher::WatchMatcher(store::Database& db, const QDateTime& nowUtc) : m_db(db), m_now(nowUtc)
{
    auto s = db.prepare(QStringLiteral("SELECT id, pattern, tolerance FROM watch_entries WHERE expires_utc > ?1"));
    s.bind(1, nowUtc.toSecsSinceEpoch());
    while (s.step()) {
        auto pattern = PlatePattern::parse(s.text(1));
        if (!pattern)
            continue; // stored patterns were validated on entry; a damaged row must not stop imports
        m_entries.push_back({s.int64(0), std::make_unique<PlateMatcher>(*pattern, int(s.int64(2)))});
    }
}

int WatchMatcher::matchNewReadings(const QHash<QString, QList<Reading>>& readingsByPlate)
{
    int hits = 0;
    for (const Entry& entry : m_entries) {
        // Best reading of each read first, so that a read matched by two readings keeps the better one.
        QHash<qint64, SearchHit> byRead;
        for (auto it = readingsByPlate.constBegin(); it != readingsByPlate.constEnd(); ++it) {
            const auto match = entry.matcher->match(it.key());
            if (!match)
                continue;
            for (const Reading& r : it.value()) {
                SearchHit hit;
                hit.read.id = r.readId;
                hit.matchedPlate = it.key();
                hit.alternativeRank = r.rank;
                hit.score = match->score;
                hit.explanation = match->explanation();
                auto existing = byRead.find(r.readId);
                if (existing == byRead.end())
                    byRead.insert(r.readId, hit);
                else if (hit.score < existing->score ||
                         (hit.score == existing->score && r.rank < existing->alternativeRank))
                    *existing = hit;
            }
        }
        for (const SearchHit& hit : std::as_const(byRead)) {
            insertHit(m_db, entry.id, hit, false, m_now);
            hits += m_db.changes();
        }
    }
    return hits;
}

void WatchMatcher::insertHit(store::Database& db, qint64 watchId, const SearchHit& hit, bool retro,
                             const QDateTime& foundUtc)
{
    auto s = db.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO watch_hits(watch_id, read_id, kind, matched_plate, alt_rank, score, explanation, "
        "found_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
    s.bind(1, watchId)
        .bind(2, hit.read.id)
        .bind(3, retro ? QStringLiteral("retro") : QStringLiteral("new"))
        .bind(4, hit.matchedPlate)
        .bind(5, hit.alternativeRank)
        .bind(6, hit.score)
        .bind(7, hit.explanation)
        .bind(8, foundUtc.toSecsSinceEpoch())
        .run();
}

} // namespace alpr
