#pragma once

#include "search/NewReadingsListener.h"

#include <QDateTime>

#include <memory>
#include <vector>

namespace alpr {

namespace store {
class Database;
class Statement;
} // namespace store

/// Matches readings against the hot-list entries in force and writes an alert for each hit. One indexed lookup per
/// distinct plate, whatever the size of the lists: entries are stored under their look-alike canonical form
/// (search/LookAlikeTable), so one key finds the exact entry and every look-alike one; a look-alike candidate counts
/// only when its list (or manual entry) asks for look-alike matching, and the alert's explanation comes from the
/// search's PlateMatcher. Expired entries and entries of expired lists never match. Internal to core: throws
/// ErrorException.
class HotlistMatcher final : public NewReadingsListener::Pass {
public:
    /// What to match against: everything in force (new reads), or one list / one entry (retro search on load).
    struct Scope {
        qint64 hotlistId = 0; ///< 0 = all lists
        qint64 entryId = 0;   ///< 0 = all entries
        bool retro = false;   ///< the alerts are marked as found among past reads
    };

    /// Sorted keys (key()) of every entry's canonical plate: a plate whose key is not there cannot match, so its
    /// lookup is skipped. Built by HotlistMatching once per change of the lists, shared between passes.
    using KeyFilter = std::vector<quint64>;

    HotlistMatcher(store::Database& db, const QDateTime& nowUtc, Scope scope,
                   std::shared_ptr<const KeyFilter> filter = nullptr);
    ~HotlistMatcher() override;

    /// Writes the alerts (a read already alerted for the same entry is skipped); returns how many are new.
    int match(const NewReadingsByPlate& readingsByPlate) override;

    /// Matches the reads taken in the last `days` days (best and alternative readings). Returns new alerts.
    int matchPastReads(int days);

    /// Turns partial-plate watch hits not yet in the alert queue into alerts (they are written by the search
    /// module, which does not know the queue). Returns how many.
    static int alertWatchHits(store::Database& db);

    /// The filter key of a canonical plate (64-bit FNV-1a of its UTF-16 text).
    [[nodiscard]] static quint64 key(const QString& canonical);
    /// Every stored entry's key, sorted (throws ErrorException).
    [[nodiscard]] static KeyFilter loadKeys(store::Database& db);

private:
    store::Database& m_db;
    QDateTime m_now;
    Scope m_scope;
    std::shared_ptr<const KeyFilter> m_filter;
    std::unique_ptr<store::Statement> m_lookup;
    std::unique_ptr<store::Statement> m_insert;
};

} // namespace alpr
