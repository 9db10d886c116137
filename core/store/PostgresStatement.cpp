#include "store/PostgresStatement.h"

#include "common/Result.h"
#include "store/PostgresDialect.h"

#include <libpq-fe.h>

namespace alpr::store {

namespace {
constexpr Oid kByteaOid = 17;
constexpr Oid kBoolOid = 16;
constexpr Oid kTextOid = 25;
} // namespace

PostgresStatement::PostgresStatement(PostgresConnection& connection, const QString& sqliteSql)
    : m_connection(&connection)
{
    const PostgresDialect::Translation t = PostgresDialect::translate(sqliteSql);
    m_sql = t.sql.toUtf8();
    m_parameters.resize(size_t(t.parameterCount));
    m_parameterUsed = t.parameterUsed;
}

PostgresStatement::Parameter& PostgresStatement::parameter(int index)
{
    if (index < 1 || size_t(index) > m_parameters.size())
        raise(ErrorCode::Internal, QStringLiteral("The store refused an operation"),
              QStringLiteral("bind index %1 out of range (%2 parameters) [%3]")
                  .arg(index)
                  .arg(m_parameters.size())
                  .arg(QString::fromUtf8(m_sql.left(200))));
    return m_parameters[size_t(index - 1)];
}

void PostgresStatement::bindText(int index, const QByteArray& utf8)
{
    Parameter& p = parameter(index);
    // A null QByteArray would go as SQL NULL: text is never NULL unless bound so (Statement's contract).
    p.value = utf8.isNull() ? QByteArray("") : utf8;
    p.null = false;
    p.binary = false;
}

void PostgresStatement::bindBlob(int index, const QByteArray& bytes)
{
    Parameter& p = parameter(index);
    p.value = bytes.isNull() ? QByteArray("") : bytes;
    p.null = false;
    p.binary = true;
}

void PostgresStatement::bindNull(int index)
{
    Parameter& p = parameter(index);
    p.value.clear();
    p.null = true;
    p.binary = false;
}

bool PostgresStatement::step()
{
    if (!m_result) {
        const int count = int(m_parameters.size());
        std::vector<Oid> types(size_t(count), 0);
        for (int i = 0; i < count; ++i)
            if (!m_parameterUsed[size_t(i)])
                types[size_t(i)] = kTextOid;
        std::vector<const char*> values(size_t(count), nullptr);
        std::vector<int> lengths(size_t(count), 0);
        std::vector<int> formats(size_t(count), 0);
        for (int i = 0; i < count; ++i) {
            const Parameter& p = m_parameters[size_t(i)];
            if (p.null)
                continue;
            values[size_t(i)] = p.value.constData();
            lengths[size_t(i)] = int(p.value.size());
            if (p.binary) {
                types[size_t(i)] = kByteaOid;
                formats[size_t(i)] = 1;
            }
        }
        m_result = m_connection->execute(m_sql, count, types.data(), values.data(), lengths.data(), formats.data());
        m_rows = PQntuples(m_result.get());
        m_row = -1;
    }
    if (m_row < m_rows)
        ++m_row;
    return m_row < m_rows;
}

void PostgresStatement::reset()
{
    m_result.reset();
    m_row = -1;
    m_rows = 0;
    for (Parameter& p : m_parameters)
        p = Parameter();
}

int PostgresStatement::columnCount() const
{
    return m_result ? PQnfields(m_result.get()) : 0;
}

const char* PostgresStatement::value(int column) const
{
    if (!m_result || m_row < 0 || m_row >= m_rows || column < 0 || column >= PQnfields(m_result.get()))
        return nullptr;
    if (PQgetisnull(m_result.get(), m_row, column))
        return nullptr;
    return PQgetvalue(m_result.get(), m_row, column);
}

bool PostgresStatement::isNull(int column) const
{
    return value(column) == nullptr;
}

qint64 PostgresStatement::int64(int column) const
{
    const char* v = value(column);
    if (!v)
        return 0;
    if (PQftype(m_result.get(), column) == kBoolOid)
        return v[0] == 't' ? 1 : 0;
    bool ok = false;
    const QByteArray text(v);
    const qint64 whole = text.toLongLong(&ok);
    // numeric (sum() of bigints) and floating values read as integers the way SQLite does: truncated.
    return ok ? whole : qint64(text.toDouble());
}

double PostgresStatement::real(int column) const
{
    const char* v = value(column);
    return v ? QByteArray(v).toDouble() : 0.0;
}

QString PostgresStatement::text(int column) const
{
    const char* v = value(column);
    if (!v)
        return {};
    if (PQftype(m_result.get(), column) == kBoolOid)
        return v[0] == 't' ? QStringLiteral("1") : QStringLiteral("0");
    return QString::fromUtf8(v, PQgetlength(m_result.get(), m_row, column));
}

QByteArray PostgresStatement::blob(int column) const
{
    const char* v = value(column);
    if (!v)
        return {};
    if (PQftype(m_result.get(), column) != kByteaOid)
        return QByteArray(v, PQgetlength(m_result.get(), m_row, column));
    size_t length = 0;
    unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(v), &length);
    if (!bytes)
        raise(ErrorCode::Internal, QStringLiteral("Out of memory reading an image from the server"));
    QByteArray out(reinterpret_cast<const char*>(bytes), qsizetype(length));
    PQfreemem(bytes);
    return out;
}

} // namespace alpr::store
