#pragma once

#include <QString>

namespace alpr::bench {

/// A new, empty database on the server that conninfo names (one a previous run left is dropped first), created as
/// the workstation wants it (the byte-order collation), and a store profile in storeDir that names it. Prints why
/// and returns false when either fails. conninfo's user must be able to create databases
/// (installer/postgres-test-cluster.sh prints such a string).
[[nodiscard]] bool makeServerStoreProfile(const QString& conninfo, const QString& database, const QString& storeDir);

} // namespace alpr::bench
