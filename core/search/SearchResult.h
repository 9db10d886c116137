#pragma once

#include "reads/PlateRead.h"

#include <QList>

#include <tuple>

namespace alpr {

/// One read in the results: the read, which of its readings matched and how.
struct SearchHit {
    PlateRead read;          ///< a summary from the index: no alternatives, source or context image (viewRead)
    QString matchedPlate;    ///< the reading that matched: read.plate, or an alternative
    int alternativeRank = 0; ///< 0 = the best reading matched, else the alternative's rank (1 = runner-up)
    int score = 0;           ///< PlateMatch::score; lower ranks first
    QString explanation;     ///< PlateMatch::explanation, plus which reading matched

    /// Ranking: better score, then best reading before alternatives, then newest first (then the newest id).
    [[nodiscard]] static bool ranksBefore(const SearchHit& a, const SearchHit& b);
    /// The same order as a key, smaller first, for ranking candidates before they are hits.
    [[nodiscard]] static std::tuple<int, int, qint64, qint64> rankKey(int score, int alternativeRank, qint64 timeUtcSecs,
                                                                      qint64 readId)
    {
        return {score, alternativeRank, -timeUtcSecs, -readId};
    }
};

struct SearchResult {
    QList<SearchHit> hits;
    bool truncated = false;         ///< more reads matched than the query's limit
    int matchedPlates = 0;          ///< distinct readings that matched the pattern
    bool scannedDictionary = false; ///< the pattern was too unselective for the index (slower)
    qint64 auditSeq = 0;            ///< the audit record of this search
};

} // namespace alpr
