#pragma once

#include "common/Result.h"
#include "store/Engine.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace alpr::store {

class Statement;

/// One connection (RAII) to the store: a SQLCipher file, or a PostgreSQL server (openPostgres). Not thread-safe: one
/// connection per thread; open another with the same key or connection string for a worker. Services write SQLite
/// SQL; on PostgreSQL it is translated (PostgresDialect) and they branch on engine() where the dialects differ. Methods
/// throw ErrorException (code Database); services turn it into a Result at their edge with guarded().
class Database {
public:
    static constexpr int kKeyBytes = 32;

    /// Opens or creates an encrypted store file keyed with 32 raw bytes. Refuses to run (Error Database) when the
    /// process is bound to plain SQLite instead of SQLCipher, and fails with AuthenticationFailed on a wrong key.
    static Result<Database> openEncrypted(const QString& path, const QByteArray& key);
    /// An unkeyed connection: plain SQLite files such as MBTiles, and the benchmark's baseline.
    static Result<Database> openPlain(const QString& path, bool readOnly);
    /// A connection to a PostgreSQL 15 server (libpq connection string or postgresql:// URI), in UTC.
    static Result<Database> openPostgres(const QString& connection);

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    /// Runs one or more statements without parameters (schema, pragmas). Never for user input.
    void exec(const QString& sql);
    /// Runs SQL written in the engine's own dialect, untranslated (PostgreSQL migrations).
    void execVerbatim(const QString& sql);
    [[nodiscard]] Statement prepare(const QString& sql);
    /// Inserts a row or overwrites the one with the same key: parameters ?1.. are the columns in order, the key
    /// columns first. For tables no other table references (SQLite's REPLACE deletes the old row first).
    [[nodiscard]] Statement prepareUpsert(const QString& table, const QStringList& keyColumns,
                                          const QStringList& otherColumns);
    /// First column of the first row of a parameterless query, or an empty string.
    [[nodiscard]] QString queryText(const QString& sql);
    [[nodiscard]] qint64 queryInt64(const QString& sql);

    /// The id given to the last row inserted (PostgreSQL: lastval(), the last identity value of this session).
    [[nodiscard]] qint64 lastInsertRowId();
    [[nodiscard]] int changes() const;
    [[nodiscard]] QString path() const;
    /// How long a statement waits for another connection's (or process's) write transaction before it fails with
    /// "the store is busy, try again" (ErrorCode::Database). 15 s unless changed.
    void setBusyTimeout(int milliseconds);
    /// The busy timeout of connections opened from now on, in this process; <= 0 restores the 15 s default.
    static void setDefaultBusyTimeout(int milliseconds);
    [[nodiscard]] bool isEncrypted() const;
    [[nodiscard]] Engine engine() const;
    [[nodiscard]] bool isPostgres() const { return engine() == Engine::PostgreSql; }
    /// "?first, ?first+1, ..." for count parameters: the value list of an INSERT written for both engines.
    [[nodiscard]] static QString placeholders(int first, int count);
    /// An identifier (table, column, role) quoted for SQL, where it cannot be bound as a parameter. Same on both
    /// engines.
    [[nodiscard]] static QString quotedIdentifier(const QString& identifier);
    /// The SQLite library the connection runs on (3.15.2 for Debian's SQLCipher).
    [[nodiscard]] static QString libraryVersion();

    /// Values a server must not hold in clear (images): sealed with a key derived from the store key before they are
    /// written, opened after they are read (store::ValueSeal). On an embedded store the value as it is: SQLCipher
    /// encrypts the pages whole. A server connection opened without the store key (the owner's maintenance, a
    /// bench) cannot do either (Internal); a value that does not open is Corrupt. Both throw ErrorException.
    [[nodiscard]] QByteArray sealed(const QByteArray& value) const;
    [[nodiscard]] QByteArray unsealed(const QByteArray& value) const;
    /// The store key, for sealed() and unsealed() on a server connection (StoreProfile gives it when it opens one).
    void setStoreKey(const QByteArray& key);

    /// For Statement only: the sqlite3 handle, or null on PostgreSQL.
    [[nodiscard]] void* nativeHandle() const;
    /// For Statement only: the PostgreSQL connection, or null on SQLCipher.
    [[nodiscard]] class PostgresConnection* postgres() const;

    struct Impl;

private:
    explicit Database(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace alpr::store
