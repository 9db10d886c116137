#include "store/Statement.h"

#include "common/Result.h"
#include "store/Database.h"
#include "store/PostgresStatement.h"
#include "store/SqliteErrors.h"

#include <QLocale>

#include <sqlite3.h>

namespace alpr::store {

namespace {
sqlite3_stmt* handle(void* p) { return static_cast<sqlite3_stmt*>(p); }
sqlite3* connection(Database* db) { return static_cast<sqlite3*>(db->nativeHandle()); }
} // namespace

Statement::Statement(Database& db, const QString& sql) : m_db(&db)
{
    if (PostgresConnection* postgres = db.postgres()) {
        m_pg = std::make_unique<PostgresStatement>(*postgres, sql);
        return;
    }
    sqlite3_stmt* stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_prepare_v2(connection(m_db), utf8.constData(), int(utf8.size()), &stmt, nullptr);
    m_stmt = stmt;
    check(rc, "prepare");
}

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db), m_stmt(std::exchange(other.m_stmt, nullptr)), m_pg(std::move(other.m_pg))
{
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(handle(m_stmt));
        m_db = other.m_db;
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_pg = std::move(other.m_pg);
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(handle(m_stmt));
}

void Statement::check(int rc, const char* what) const
{
    if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE)
        return;
    raiseSqliteError(
        rc, QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromUtf8(sqlite3_errmsg(connection(m_db)))));
}

Statement& Statement::bind(int index, int value)
{
    if (m_pg)
        return bind(index, qint64(value));
    check(sqlite3_bind_int(handle(m_stmt), index, value), "bind");
    return *this;
}

Statement& Statement::bind(int index, qint64 value)
{
    if (m_pg) {
        m_pg->bindText(index, QByteArray::number(value));
        return *this;
    }
    check(sqlite3_bind_int64(handle(m_stmt), index, value), "bind");
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    if (m_pg) {
        // Shortest text that reads back as the same double, as SQLite stores it.
        m_pg->bindText(index, QByteArray::number(value, 'g', QLocale::FloatingPointShortest));
        return *this;
    }
    check(sqlite3_bind_double(handle(m_stmt), index, value), "bind");
    return *this;
}

Statement& Statement::bind(int index, const QString& value)
{
    // A null QString binds as empty text, like an empty one: NULL is only ever bound explicitly (nullptr).
    const QByteArray utf8 = value.toUtf8();
    if (m_pg) {
        m_pg->bindText(index, utf8);
        return *this;
    }
    check(sqlite3_bind_text(handle(m_stmt), index, utf8.isNull() ? "" : utf8.constData(), int(utf8.size()),
                            SQLITE_TRANSIENT),
          "bind");
    return *this;
}

Statement& Statement::bind(int index, const QByteArray& blob)
{
    if (blob.isNull())
        return bind(index, nullptr);
    if (m_pg) {
        m_pg->bindBlob(index, blob);
        return *this;
    }
    check(sqlite3_bind_blob(handle(m_stmt), index, blob.constData(), int(blob.size()), SQLITE_TRANSIENT), "bind");
    return *this;
}

Statement& Statement::bind(int index, std::nullptr_t)
{
    if (m_pg) {
        m_pg->bindNull(index);
        return *this;
    }
    check(sqlite3_bind_null(handle(m_stmt), index), "bind");
    return *this;
}

Statement& Statement::bind(int index, const std::optional<double>& value)
{
    return value ? bind(index, *value) : bind(index, nullptr);
}

Statement& Statement::bind(int index, const std::optional<QString>& value)
{
    return value ? bind(index, *value) : bind(index, nullptr);
}

Statement& Statement::bind(int index, const std::optional<qint64>& value)
{
    return value ? bind(index, *value) : bind(index, nullptr);
}

bool Statement::step()
{
    if (m_pg)
        return m_pg->step();
    const int rc = sqlite3_step(handle(m_stmt));
    check(rc, "step");
    return rc == SQLITE_ROW;
}

void Statement::run()
{
    while (step()) {
    }
    reset();
}

void Statement::reset()
{
    if (m_pg) {
        m_pg->reset();
        return;
    }
    sqlite3_reset(handle(m_stmt));
    sqlite3_clear_bindings(handle(m_stmt));
}

int Statement::columnCount() const
{
    return m_pg ? m_pg->columnCount() : sqlite3_column_count(handle(m_stmt));
}

bool Statement::isNull(int column) const
{
    return m_pg ? m_pg->isNull(column) : sqlite3_column_type(handle(m_stmt), column) == SQLITE_NULL;
}

qint64 Statement::int64(int column) const
{
    return m_pg ? m_pg->int64(column) : sqlite3_column_int64(handle(m_stmt), column);
}

double Statement::real(int column) const
{
    return m_pg ? m_pg->real(column) : sqlite3_column_double(handle(m_stmt), column);
}

QString Statement::text(int column) const
{
    if (m_pg)
        return m_pg->text(column);
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(handle(m_stmt), column));
    return data ? QString::fromUtf8(data, sqlite3_column_bytes(handle(m_stmt), column)) : QString();
}

QByteArray Statement::blob(int column) const
{
    if (m_pg)
        return m_pg->blob(column);
    const void* data = sqlite3_column_blob(handle(m_stmt), column);
    return data ? QByteArray(static_cast<const char*>(data), sqlite3_column_bytes(handle(m_stmt), column))
                : QByteArray();
}

std::optional<double> Statement::optionalReal(int column) const
{
    return isNull(column) ? std::nullopt : std::optional<double>(real(column));
}

} // namespace alpr::store
