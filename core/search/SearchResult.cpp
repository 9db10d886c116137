#include "search/SearchResult.h"

namespace alpr {

bool SearchHit::ranksBefore(const SearchHit& a, const SearchHit& b)
{
    if (a.score != b.score)
        return a.score < b.score;
    if (a.alternativeRank != b.alternativeRank)
        return a.alternativeRank < b.alternativeRank;
    if (a.read.timeUtc != b.read.timeUtc)
        return a.read.timeUtc > b.read.timeUtc;
    return a.read.id > b.read.id;
}

} // namespace alpr
