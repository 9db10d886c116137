#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace alpr::store {

class Statement;

/// One SQLite/SQLCipher connection (RAII). Not thread-safe: one connection per thread; open another with
/// openEncrypted() and the same key for a worker. Methods throw ErrorException (code Database); services turn it
/// into a Result at their edge with guarded().
class Database {
public:
    static constexpr int kKeyBytes = 32;

    /// Opens or creates an encrypted store file keyed with 32 raw bytes. Refuses to run (Error Database) when the
    /// process is bound to plain SQLite instead of SQLCipher, and fails with AuthenticationFailed on a wrong key.
    static Result<Database> openEncrypted(const QString& path, const QByteArray& key);
    /// An unkeyed connection: plain SQLite files such as MBTiles, and the benchmark's baseline.
    static Result<Database> openPlain(const QString& path, bool readOnly);

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    /// Runs one or more statements without parameters (schema, pragmas). Never for user input.
    void exec(const QString& sql);
    [[nodiscard]] Statement prepare(const QString& sql);
    /// First column of the first row of a parameterless query, or an empty string.
    [[nodiscard]] QString queryText(const QString& sql);
    [[nodiscard]] qint64 queryInt64(const QString& sql);

    [[nodiscard]] qint64 lastInsertRowId() const;
    [[nodiscard]] int changes() const;
    [[nodiscard]] QString path() const;
    /// How long a statement waits for another connection's (or process's) write transaction before it fails with
    /// "the store is busy, try again" (ErrorCode::Database). 15 s unless changed.
    void setBusyTimeout(int milliseconds);
    /// The busy timeout of connections opened from now on, in this process; <= 0 restores the 15 s default.
    static void setDefaultBusyTimeout(int milliseconds);
    [[nodiscard]] bool isEncrypted() const;
    /// The SQLite library the connection runs on (3.15.2 for Debian's SQLCipher).
    [[nodiscard]] static QString libraryVersion();

    /// For Statement only.
    [[nodiscard]] void* nativeHandle() const;

    struct Impl;

private:
    explicit Database(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace alpr::store
