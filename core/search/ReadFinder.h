#pragma once

#include "search/PlatePattern.h"
#include "search/SearchQuery.h"
#include "search/SearchResult.h"

namespace alpr {

class ReaderConnections;

namespace store {
class Database;
}

/// Runs a parsed pattern over the index and the reads, applies the filters and ranks the hits. No permission,
/// purpose or audit: SearchService and WatchService do those around it. With reader connections (see
/// PlateIndex) the index must be committed first. Throws ErrorException.
class ReadFinder {
public:
    explicit ReadFinder(store::Database& db, ReaderConnections* readers = nullptr) : m_db(db), m_readers(readers) {}

    [[nodiscard]] SearchResult find(const PlatePattern& pattern, int tolerance, const SearchFilters& filters,
                                    int limit);

private:
    store::Database& m_db;
    ReaderConnections* m_readers;
};

} // namespace alpr
