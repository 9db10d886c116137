#pragma once

#include "common/Result.h"

namespace alpr::store {

class Database;

/// Versioned schema migrations (resources :/alpr/migrations/NNN_name.sql, and postgresql/NNN_name.sql for the
/// server engine). Each pending migration runs in its own
/// transaction together with the user_version bump, so a crash leaves the schema at a whole version.
class Migrations {
public:
    [[nodiscard]] static int latestVersion();
    [[nodiscard]] static VoidResult apply(Database& db);
    /// Applies pending migrations up to and including `version` only: for tests that prove a migration carries a
    /// store written by an earlier version forward.
    [[nodiscard]] static VoidResult applyUpTo(Database& db, int version);

private:
    [[nodiscard]] static VoidResult applyPostgresUpTo(Database& db, int version);
};

} // namespace alpr::store
