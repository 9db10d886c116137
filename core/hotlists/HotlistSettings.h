#pragma once

#include "common/Result.h"

#include <QStringList>

namespace alpr {

namespace store {
class Database;
}

/// The configurable part of hot lists (settings table): when a list counts as stale, how far back a newly loaded
/// list or entry is matched, and the reasons an alert may be rejected with.
struct HotlistSettings {
    static constexpr int kDefaultStaleHours = 24;
    static constexpr int kDefaultRetroDays = 30;

    int staleHours = kDefaultStaleHours;
    int retroDays = kDefaultRetroDays;
    QStringList rejectReasons;

    /// Throws ErrorException (inside a guarded() body).
    static HotlistSettings load(store::Database& db);
    /// InvalidInput for hours outside 1..8760, days outside 0..400, no reasons or a reason with control characters.
    [[nodiscard]] static VoidResult validate(const HotlistSettings& settings);
    /// Writes inside the caller's transaction; throws ErrorException.
    static void save(store::Database& db, const HotlistSettings& settings);
};

} // namespace alpr
