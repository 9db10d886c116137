#pragma once

namespace alpr {

namespace store {
class Database;
}

/// The search module's index (003_search.sql) keeps reading text without a foreign key to reads: search_reads
/// (read id, reading), search_canon and search_grams (the look-alike canonical text). Its own policy is to skip rows
/// of deleted reads until a rebuild; left so, a purged plate's text would stay in the store. After a purge this
/// removes the rows of reads that no longer exist and the canonical forms nothing uses any more. A no-op on a store
/// without that schema. Throws ErrorException.
///
/// It knows the search schema by name; the search module should own this (e.g. PlateIndex::removeDeletedReads())
/// and this class then call it (see docs/evidence.md).
class SearchIndexPruner {
public:
    explicit SearchIndexPruner(store::Database& db);

    /// Once per purge run, inside a transaction: each statement scans its table once, which per batch would cost
    /// more than the purge itself.
    void prune();

private:
    store::Database& m_db;
    bool m_present = false;
};

} // namespace alpr
