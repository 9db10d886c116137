#pragma once

#include "store/KeyWrap.h"

#include <QString>

#include <optional>

namespace alpr {

namespace store {
class Database;
}

/// On a PostgreSQL store every account is also a login role of the server, so that the server itself enforces
/// what the account may read (groups of migration postgresql/011_roles.sql): hand-written SQL over a user's own
/// connection reaches no more than the workstation shows. The role's password is the account's password (the
/// server keeps only its SCRAM verifier); it is valid until the last day of the user's ALPR training, and a
/// disabled account's role cannot log in. Every method runs inside the caller's transaction and throws
/// ErrorException.
class PostgresAccounts {
public:
    /// Creates (or, for a name used before on this server, takes over) the account's role.
    static void create(store::Database& db, const QString& user, const QString& password);
    /// Brings the role's groups, login right and validity in line with the account row as it is now.
    static void update(store::Database& db, const QString& user);
    static void setPassword(store::Database& db, const QString& user, const QString& password);
    /// The account's key slot on the server (015_key_slots.sql), or none (a disabled account).
    static void setKeySlot(store::Database& db, const QString& user, const std::optional<store::WrappedKey>& slot);
    /// The connected account's own slot from the server, if the server has one (row-level security shows no other).
    [[nodiscard]] static std::optional<store::WrappedKey> ownKeySlot(store::Database& db, const QString& user);

private:
    /// The user's role on the store db is connected to.
    static QString loginRole(store::Database& db, const QString& user);
};

} // namespace alpr
