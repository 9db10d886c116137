#pragma once

#include <QString>

namespace alpr::store {

/// Turns an SQLite result code into the ErrorException the store throws: a code and a message fit for a user
/// ("the store is busy, try again" rather than "database is locked"); SQLite's own words go to the detail only.
/// Private to alpr_store.
[[noreturn]] void raiseSqliteError(int resultCode, const QString& detail);

} // namespace alpr::store
