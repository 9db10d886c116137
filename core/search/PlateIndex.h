#pragma once

#include "search/PlatePattern.h"

#include <QList>
#include <QString>

#include <vector>

namespace alpr {

namespace store {
class Database;
}

/// The partial-plate index (schema in 003_search.sql). Candidate generation: the pattern's canonical trigrams
/// (anchored and positioned where the pattern fixes them) select canonical forms through search_grams, verified
/// with PlateMatcher on the canonical text the postings carry; search_reads then lists their readings. A literal
/// pattern goes straight to its canonical form. Tolerance 2 runs the same for each single-edit variant of the
/// pattern. Patterns with no usable gram (e.g. "7*") fall back to a scan of the canonical dictionary. Internal to
/// the search module: throws ErrorException; callers wrap it with guarded().
class PlateIndex {
public:
    /// One reading of one read: the best (rank 0) or an alternative.
    struct Reading {
        QString plate;
        qint64 readId = 0;
        int rank = 0;
    };

    explicit PlateIndex(store::Database& db) : m_db(db) {}

    /// Adds readings inside the caller's transaction. Readings that are not 1-10 characters of A-Z0-9 are
    /// skipped: no valid pattern could ask for them exactly.
    void add(const QList<Reading>& readings);

    /// Rebuilds the whole index from the reads and alternatives, inside the caller's transaction. For bulk loads:
    /// every table is written in key order, which at millions of readings is far faster than add() at random.
    void rebuild();

    /// Readings that can match the pattern at the tolerance: a superset of the matches (their canonical form
    /// matches), each to be verified with PlateMatcher on the reading itself.
    [[nodiscard]] std::vector<Reading> candidates(const PlatePattern& pattern, int tolerance);

    /// True when the last candidates() call had to scan the whole dictionary (no selective gram).
    [[nodiscard]] bool lastQueryScanned() const { return m_lastQueryScanned; }

private:
    store::Database& m_db;
    bool m_lastQueryScanned = false;
};

} // namespace alpr
