#pragma once

#include "store/Statement.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace alpr::store {

class Database;

/// Writes many rows into one table inside the caller's transaction, the fastest way the engine has: a prepared
/// statement a row on SQLite (a function call each), COPY on PostgreSQL, where a statement a row would be a server
/// round trip each. Insert copies straight into the table (rows known to be new, e.g. a rebuilt index: COPY cannot
/// skip a duplicate, it fails the whole load); the other kinds copy into a temporary table and apply it with one
/// statement at finish(). Call finish() before the transaction commits; rows not finished are not written.
class RowWriter {
public:
    enum class Write {
        Insert,    ///< new rows
        InsertNew, ///< rows whose primary or unique key is taken are skipped (INSERT OR IGNORE)
        Update,    ///< the rows with the key columns' values get the other columns' values
        Delete,    ///< the rows with the key columns' values go (the columns are the key columns)
    };

    /// For Update and Delete, keyColumns are the leading columns (at least one) that name a row.
    RowWriter(Database& db, const QString& table, const QStringList& columns, Write write = Write::Insert,
              int keyColumns = 0);
    RowWriter(const RowWriter&) = delete;
    RowWriter& operator=(const RowWriter&) = delete;

    /// One row, its values in the columns' order.
    template <typename... Values> void row(const Values&... values)
    {
        int column = 0;
        (add(++column, values), ...);
        endRow();
    }
    /// A row built a field at a time, when the columns are known only at run time: a field for each column in
    /// order (1-based), then endRow().
    template <typename Value> void field(int column, const Value& value) { add(column, value); }
    void nullField(int column) { addNull(column); }
    void endRow();
    /// Sends what is buffered and applies it. Throws ErrorException.
    void finish();

private:
    void add(int column, qint64 value);
    void add(int column, int value) { add(column, qint64(value)); }
    void add(int column, double value);
    void add(int column, const QString& value);
    void add(int column, const QByteArray& blob);
    void add(int column, const std::optional<QString>& value);
    void add(int column, const std::optional<qint64>& value);
    void add(int column, const std::optional<double>& value);
    void addNull(int column);
    void addField(const QByteArray& text);
    void send();
    /// PostgreSQL: the stage's rows matched to the table's by the key columns (`t.k = s.k AND ...`).
    [[nodiscard]] QString keyMatch() const;

    Database& m_db;
    QString m_table;
    QStringList m_columns;
    int m_keyColumns;
    std::optional<Statement> m_insert; ///< SQLite: the statement a row
    QByteArray m_buffer;               ///< PostgreSQL: COPY text format, rows not yet sent
    QString m_stage;                   ///< PostgreSQL: the temporary table the rows go to first, if any
    QString m_apply;                   ///< PostgreSQL: the statement that applies the stage to the table
    bool m_sent = false;               ///< PostgreSQL: the stage holds rows not applied yet
    bool m_staged = false;             ///< PostgreSQL: the stage table exists
    bool m_firstField = true;
};

} // namespace alpr::store
