#pragma once

#include "search/PlateMatcher.h"
#include "search/SearchResult.h"

#include <QDateTime>
#include <QHash>

#include <memory>
#include <vector>

namespace alpr {

namespace store {
class Database;
}

/// The active (unexpired) watch entries, compiled, for matching newly imported readings; and the one place that
/// writes watch hits. Internal to the search module: throws ErrorException.
class WatchMatcher {
public:
    /// A reading of a read: which read, and which of its readings (0 = best, else the alternative's rank).
    struct Reading {
        qint64 readId = 0;
        int rank = 0;
    };

    WatchMatcher(store::Database& db, const QDateTime& nowUtc);
    [[nodiscard]] bool isEmpty() const { return m_entries.empty(); }

    /// Matches every distinct plate against every active entry and stores the hits as 'new'. Returns their number.
    int matchNewReadings(const QHash<QString, QList<Reading>>& readingsByPlate);

    /// Stores one hit (ignored when the entry already has this read).
    static void insertHit(store::Database& db, qint64 watchId, const SearchHit& hit, bool retro,
                          const QDateTime& foundUtc);

private:
    struct Entry {
        qint64 id;
        std::unique_ptr<PlateMatcher> matcher;
    };
    store::Database& m_db;
    QDateTime m_now;
    std::vector<Entry> m_entries;
};

} // namespace alpr
