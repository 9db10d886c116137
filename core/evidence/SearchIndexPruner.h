#pragma once

namespace alpr {

namespace store {
class Database;
}

/// The search module's plate dictionary (003_search.sql: search_plates, search_canon, search_grams) holds plate
/// strings, not read ids, so no foreign key takes them away with a purged read; left alone, a purged plate's text
/// would stay in the store. This removes the readings no read or alternative uses any more. A no-op on a store
/// without the search schema. Throws ErrorException.
///
/// It knows the search schema by name; the search module should own this as e.g. PlateIndex::removeUnused(), and
/// this class then calls it (see docs/evidence.md).
class SearchIndexPruner {
public:
    explicit SearchIndexPruner(store::Database& db);

    /// Call inside the batch transaction, before the batch's reads are deleted: remembers their readings.
    void rememberBatchPlates();
    /// Call after the batch's reads are deleted: removes readings and canonical forms now unused.
    void pruneBatch();
    /// Once per run: trigrams of canonical forms that no longer exist (a full scan, too slow for every batch).
    void pruneGrams();

private:
    store::Database& m_db;
    bool m_present = false;
};

} // namespace alpr
