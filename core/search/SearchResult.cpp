#include "search/SearchResult.h"

namespace alpr {

bool SearchHit::ranksBefore(const SearchHit& a, const SearchHit& b)
{
    return rankKey(a.score, a.alternativeRank, a.read.timeUtc.toSecsSinceEpoch(), a.read.id) <
           rankKey(b.score, b.alternativeRank, b.read.timeUtc.toSecsSinceEpoch(), b.read.id);
}

} // namespace alpr
