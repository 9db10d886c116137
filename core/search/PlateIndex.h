#pragma once

#include "search/PlatePattern.h"

#include <QString>
#include <QStringList>

namespace alpr {

namespace store {
class Database;
}

/// The partial-plate index over distinct plate strings (schema in 003_search.sql). Candidate generation: the
/// pattern's canonical trigrams (anchored and positioned where the pattern fixes them) select canonical plates
/// through search_grams; those are verified with PlateMatcher on canonical text, then expanded to the stored
/// readings. Tolerance 2 runs the same for each single-edit variant of the pattern. Patterns with no usable gram
/// (e.g. "7*") fall back to a scan of the canonical dictionary. Internal to the search module: throws
/// ErrorException; callers wrap it with guarded().
class PlateIndex {
public:
    explicit PlateIndex(store::Database& db) : m_db(db) {}

    /// Adds plates (any order, duplicates and already indexed plates allowed) inside the caller's transaction.
    /// Plates that are not 1-10 characters of A-Z0-9 are skipped: no valid pattern could ask for them exactly.
    void add(QStringList plates);

    /// Rebuilds the whole index from the reads and alternatives, inside the caller's transaction. For bulk loads:
    /// every table is written in key order, which at millions of plates is far faster than add() in random order.
    void rebuild();

    /// Stored readings (best or alternative) that can match the pattern at the tolerance: a superset of the
    /// matches, each to be verified with PlateMatcher.
    [[nodiscard]] QStringList candidates(const PlatePattern& pattern, int tolerance);

    /// True when the last candidates() call had to scan the whole dictionary (no selective gram).
    [[nodiscard]] bool lastQueryScanned() const { return m_lastQueryScanned; }

private:
    store::Database& m_db;
    bool m_lastQueryScanned = false;
};

} // namespace alpr
