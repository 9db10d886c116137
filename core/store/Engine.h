#pragma once

namespace alpr::store {

/// The database engine under a store: the embedded SQLCipher file (one workstation, the default) or a department's
/// PostgreSQL 15 server. Services send the same SQL to both; where the dialects differ they ask Database::engine().
enum class Engine { SqlCipher, PostgreSql };

} // namespace alpr::store
