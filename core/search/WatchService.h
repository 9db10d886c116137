#pragma once

#include "common/Result.h"
#include "search/WatchEntry.h"

#include <QList>

namespace alpr {

class Session;

namespace store {
class Database;
}

/// Watch entries for major crimes: a partial plate with case number, crime type, notes and expiry. Entering one
/// matches it against all past reads at once (retro hits); ReadIndexer matches it against every read imported
/// later. Entering and reviewing hits need the SearchReads permission and are audited under the entry's case.
class WatchService {
public:
    static constexpr int kMaxRetroHits = 10000;
    static constexpr int kMinKnownCharacters = 3;
    static constexpr int kMaxExpiryDays = 400;

    explicit WatchService(Session& session);
    WatchService(Session& session, store::Database& connection);

    /// InvalidInput for a bad pattern (or one naming fewer than kMinKnownCharacters characters: it would flag a
    /// large share of all traffic), a case number not in the agency's format, a crime type or notes with control
    /// characters, an expiry in the past or more than kMaxExpiryDays ahead.
    [[nodiscard]] Result<WatchEntry> add(const NewWatchEntry& entry);
    [[nodiscard]] Result<QList<WatchEntry>> list(bool includeExpired = false);
    /// The entry's hits, best ranked first; audited as a review of that case's hits.
    [[nodiscard]] Result<QList<WatchHit>> hits(qint64 watchId);

private:
    [[nodiscard]] Result<WatchEntry> load(qint64 watchId);

    Session& m_session;
    store::Database& m_db;
};

} // namespace alpr
