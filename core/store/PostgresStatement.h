#pragma once

#include "store/PostgresConnection.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace alpr::store {

/// A statement on a PostgreSQL connection with the stepping interface of a SQLite statement (the PostgreSQL half
/// of Statement). The SQL is translated once (PostgresDialect); parameters go as text, which the server types from
/// their use, except blobs (bytea, binary). The whole result is fetched on the first step: services run other
/// statements on the same connection while they step through rows, which a streamed result would not allow.
class PostgresStatement {
public:
    PostgresStatement(PostgresConnection& connection, const QString& sqliteSql);

    void bindText(int index, const QByteArray& utf8);
    void bindBlob(int index, const QByteArray& bytes);
    void bindNull(int index);

    bool step();
    void reset();

    [[nodiscard]] int columnCount() const;
    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] qint64 int64(int column) const;
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] QString text(int column) const;
    [[nodiscard]] QByteArray blob(int column) const;

private:
    struct Parameter {
        QByteArray value;
        bool null = true;
        bool binary = false;
    };
    Parameter& parameter(int index);
    [[nodiscard]] const char* value(int column) const;

    PostgresConnection* m_connection;
    QByteArray m_sql;
    std::vector<Parameter> m_parameters;
    std::vector<bool> m_parameterUsed;
    PostgresConnection::ResultPtr m_result;
    int m_row = -1;
    int m_rows = 0;
};

} // namespace alpr::store
