#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace alpr::store {

class Database;
class PostgresStatement;

/// A prepared statement with bound parameters only (never string-built SQL for values). Indices are 1-based for
/// bind (as SQLite) and 0-based for columns. Throws ErrorException on failure. On PostgreSQL the work is done by a
/// PostgresStatement; the SQL is the same.
class Statement {
public:
    Statement(Database& db, const QString& sql);
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, int value);
    Statement& bind(int index, qint64 value);
    Statement& bind(int index, double value);
    /// Text; a null QString binds as '' (bind nullptr for NULL, or the optional overload).
    Statement& bind(int index, const QString& value);
    Statement& bind(int index, const std::optional<QString>& value);
    Statement& bind(int index, const char* value) = delete;
    Statement& bind(int index, const QByteArray& blob);
    Statement& bind(int index, std::nullptr_t);
    Statement& bind(int index, const std::optional<double>& value);
    Statement& bind(int index, const std::optional<qint64>& value);

    /// Advances; true when a row is available.
    bool step();
    /// Steps a statement that returns no rows (INSERT/UPDATE/DELETE).
    void run();
    /// Clears the last result and bindings so the statement can run again (batch inserts).
    void reset();

    [[nodiscard]] int columnCount() const;
    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] qint64 int64(int column) const;
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] QString text(int column) const;
    [[nodiscard]] QByteArray blob(int column) const;
    [[nodiscard]] std::optional<double> optionalReal(int column) const;

private:
    void check(int rc, const char* what) const;
    Database* m_db = nullptr;
    void* m_stmt = nullptr;
    std::unique_ptr<PostgresStatement> m_pg;
};

} // namespace alpr::store
