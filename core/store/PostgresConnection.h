#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <memory>

struct pg_conn;
struct pg_result;

namespace alpr::store {

/// One libpq connection (RAII) to a PostgreSQL 15 server: the PostgreSQL half of Database. Not thread-safe, like
/// a SQLite connection. Throws ErrorException.
class PostgresConnection {
public:
    /// connection: a libpq connection string or postgresql:// URI. Sessions run in UTC.
    explicit PostgresConnection(const QString& connection);
    ~PostgresConnection();
    PostgresConnection(const PostgresConnection&) = delete;
    PostgresConnection& operator=(const PostgresConnection&) = delete;

    /// Runs SQL in PostgreSQL's own dialect without parameters (one or more statements).
    void execVerbatim(const QString& sql);
    /// Sends one statement with parameters in text form (binary for bytea), returns the result or throws.
    struct ResultDeleter {
        void operator()(pg_result* r) const;
    };
    using ResultPtr = std::unique_ptr<pg_result, ResultDeleter>;
    ResultPtr execute(const QByteArray& sql, int count, const unsigned* types, const char* const* values,
                      const int* lengths, const int* formats);

    [[nodiscard]] int changes() const { return m_changes; }
    /// Runs a COPY ... FROM STDIN with the rows in data (COPY's text format). Throws ErrorException.
    void copyIn(const QByteArray& copySql, const QByteArray& data);
    /// The SCRAM-SHA-256 verifier of a role's password, computed here so that the password itself never reaches
    /// the server (nor its statement log).
    [[nodiscard]] QByteArray passwordVerifier(const QString& role, const QString& password);
    void setLockTimeout(int milliseconds);
    /// Database name, host and user, for messages (never the password).
    [[nodiscard]] QString description() const;
    [[nodiscard]] pg_conn* handle() const { return m_conn; }

private:
    ResultPtr check(pg_result* result, const QByteArray& sql);
    static constexpr qsizetype kMaxPrepared = 2000;
    pg_conn* m_conn = nullptr;
    int m_changes = 0;
    QHash<QByteArray, QByteArray> m_prepared; ///< statement text and parameter types -> prepared statement name
    quint64 m_preparedCount = 0;
};

} // namespace alpr::store
