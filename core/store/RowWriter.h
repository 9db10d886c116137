#pragma once

#include "store/Statement.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace alpr::store {

class Database;

/// Writes many rows into one table inside the caller's transaction, the fastest way the engine has: a prepared
/// INSERT a row on SQLite (a function call each), COPY on PostgreSQL, where a statement a row would be a server
/// round trip each. For bulk loads of rows known to be new (a rebuilt index): COPY cannot skip a duplicate, it fails
/// the whole load. Call finish() before the transaction commits; rows not finished are not written.
class RowWriter {
public:
    RowWriter(Database& db, const QString& table, const QStringList& columns);
    RowWriter(const RowWriter&) = delete;
    RowWriter& operator=(const RowWriter&) = delete;

    /// One row, its values in the columns' order.
    template <typename... Values> void row(const Values&... values)
    {
        int column = 0;
        (add(++column, values), ...);
        endRow();
    }
    /// Sends what is buffered. Throws ErrorException.
    void finish();

private:
    void add(int column, qint64 value);
    void add(int column, int value) { add(column, qint64(value)); }
    void add(int column, double value);
    void add(int column, const QString& value);
    void add(int column, const std::optional<QString>& value);
    void add(int column, const std::optional<qint64>& value);
    void add(int column, const std::optional<double>& value);
    void addNull(int column);
    void addField(const QByteArray& text);
    void endRow();

    Database& m_db;
    QString m_table;
    QStringList m_columns;
    std::optional<Statement> m_insert; ///< SQLite
    QByteArray m_buffer;               ///< PostgreSQL: COPY text format, rows not yet sent
    bool m_firstField = true;
};

} // namespace alpr::store
