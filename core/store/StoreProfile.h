#pragma once

#include "common/Result.h"
#include "store/Database.h"
#include "store/Engine.h"

#include <QString>

namespace alpr::store {

/// Where a store's data lives. A store is a folder; its key slots are always there. Its data is the SQLCipher file
/// next to them, unless the folder holds a profile (store.json) naming a PostgreSQL server:
///   {"engine": "postgresql", "connection": "host=... dbname=... sslmode=verify-full"}
/// The connection string should carry no password (libpq reads ~/.pgpass or a client certificate).
class StoreProfile {
public:
    static constexpr auto kProfileFileName = "store.json";
    static constexpr auto kDatabaseFileName = "alpr.db";

    /// The folder's profile; a folder without store.json is an embedded SQLCipher store. InvalidInput when the
    /// profile is unreadable or names an unknown engine.
    [[nodiscard]] static Result<StoreProfile> load(const QString& directory);
    /// Makes the folder (0700) a PostgreSQL store's: writes store.json (0600). Refuses a folder that already holds
    /// a store.
    [[nodiscard]] static VoidResult writePostgres(const QString& directory, const QString& connection);

    [[nodiscard]] Engine engine() const { return m_engine; }
    [[nodiscard]] QString connection() const { return m_connection; }
    /// The SQLCipher file, for the embedded engine.
    [[nodiscard]] QString databasePath() const;
    /// A new connection; the key opens the SQLCipher file (the PostgreSQL engine does not use it here).
    [[nodiscard]] Result<Database> open(const QByteArray& key) const;

private:
    QString m_directory;
    Engine m_engine = Engine::SqlCipher;
    QString m_connection;
};

} // namespace alpr::store
