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
    /// A new connection; the key opens the SQLCipher file. On PostgreSQL: as the profile's own user, the store's
    /// owner (making the store, migrating it).
    [[nodiscard]] Result<Database> open(const QByteArray& key) const;
    /// A new connection for a workstation user: on PostgreSQL as the user's own login role (PostgresAccounts), with
    /// the account's password; the SQLCipher file opens with the key as in open().
    [[nodiscard]] Result<Database> openAs(const QString& user, const QString& password, const QByteArray& key) const;
    /// The database the profile's connection names (libpq's default, the user name, when it names none).
    [[nodiscard]] QString database() const;
    /// The connection as the workstation uses it: a TCP host without an sslmode gets sslmode=verify-full (TLS, the
    /// server's certificate checked against ~/.postgresql/root.crt and its name against the host); a Unix socket
    /// needs none. An explicit sslmode is the administrator's choice and is kept. Keyword form, URIs included.
    [[nodiscard]] static QString withSecureDefaults(const QString& connection);
    /// The server login role of a store user (role names are cluster-wide: the database's name is part of it).
    [[nodiscard]] static QString loginRole(const QString& database, const QString& user);

private:
    QString m_directory;
    Engine m_engine = Engine::SqlCipher;
    QString m_connection;
};

} // namespace alpr::store
