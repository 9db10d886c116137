#pragma once

#include <QString>

#include <vector>

namespace alpr::store {

/// The SQLite SQL the services write, as PostgreSQL 15 reads it. Only what means the same in both is rewritten:
/// placeholders (?N and ? become $N), INSERT OR IGNORE (ON CONFLICT DO NOTHING), the temp schema (pg_temp), instr()
/// (strpos) and column names PostgreSQL reserves (user). String literals, quoted identifiers and comments are left
/// alone. What has no mechanical equivalent (INSERT OR REPLACE, PRAGMA) is refused, so the service branches on the
/// engine instead of running something that means another thing.
class PostgresDialect {
public:
    struct Translation {
        QString sql;
        int parameterCount = 0; ///< the highest placeholder number
        /// Whether each of $1..$parameterCount appears: SQLite lets a statement skip a number, PostgreSQL cannot type
        /// a parameter it never sees, so the statement declares those as text.
        std::vector<bool> parameterUsed;
    };
    /// Throws ErrorException (Internal) on SQL that has no faithful translation.
    [[nodiscard]] static Translation translate(const QString& sqliteSql);
};

} // namespace alpr::store
