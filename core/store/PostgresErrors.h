#pragma once

#include <QString>

namespace alpr::store {

/// Throws the ErrorException a PostgreSQL SQLSTATE means to a user (busy, refused, full, damaged, no access), as
/// raiseSqliteError does for SQLite result codes.
[[noreturn]] void raisePostgresError(const QString& sqlState, const QString& detail);

} // namespace alpr::store
