#include "store/RowWriter.h"

#include "store/Database.h"
#include "store/PostgresConnection.h"

#include <QLocale>

namespace alpr::store {

namespace {
// Rows are sent in pieces of about this size: memory stays bounded on a load of millions.
constexpr qsizetype kSendBytes = 4 * 1024 * 1024;
} // namespace

RowWriter::RowWriter(Database& db, const QString& table, const QStringList& columns)
    : m_db(db), m_table(table), m_columns(columns)
{
    if (m_db.isPostgres())
        return;
    m_insert.emplace(
        m_db.prepare(QStringLiteral("INSERT INTO %1(%2) VALUES (%3)")
                         .arg(table, columns.join(u", "), Database::placeholders(1, int(columns.size())))));
}

void RowWriter::addField(const QByteArray& text)
{
    if (!m_firstField)
        m_buffer += '\t';
    m_firstField = false;
    m_buffer += text;
}

void RowWriter::add(int column, qint64 value)
{
    if (m_insert)
        m_insert->bind(column, value);
    else
        addField(QByteArray::number(value));
}

void RowWriter::add(int column, double value)
{
    if (m_insert)
        m_insert->bind(column, value);
    else
        addField(QByteArray::number(value, 'g', QLocale::FloatingPointShortest));
}

void RowWriter::add(int column, const QString& value)
{
    if (m_insert) {
        m_insert->bind(column, value);
        return;
    }
    // COPY's text format: a backslash starts an escape, tab and newline end a field and a row.
    QByteArray escaped;
    const QByteArray utf8 = value.toUtf8();
    escaped.reserve(utf8.size());
    for (char c : utf8) {
        switch (c) {
        case '\\':
            escaped += "\\\\";
            break;
        case '\t':
            escaped += "\\t";
            break;
        case '\n':
            escaped += "\\n";
            break;
        case '\r':
            escaped += "\\r";
            break;
        default:
            escaped += c;
        }
    }
    addField(escaped);
}

void RowWriter::add(int column, const std::optional<QString>& value)
{
    value ? add(column, *value) : addNull(column);
}

void RowWriter::add(int column, const std::optional<qint64>& value)
{
    value ? add(column, *value) : addNull(column);
}

void RowWriter::add(int column, const std::optional<double>& value)
{
    value ? add(column, *value) : addNull(column);
}

void RowWriter::addNull(int column)
{
    if (m_insert)
        m_insert->bind(column, nullptr);
    else
        addField("\\N");
}

void RowWriter::endRow()
{
    if (m_insert) {
        m_insert->run();
        return;
    }
    m_buffer += '\n';
    m_firstField = true;
    if (m_buffer.size() >= kSendBytes)
        finish();
}

void RowWriter::finish()
{
    if (m_insert || m_buffer.isEmpty())
        return;
    m_db.postgres()->copyIn(QStringLiteral("COPY %1(%2) FROM STDIN").arg(m_table, m_columns.join(u", ")).toUtf8(),
                            m_buffer);
    m_buffer.clear();
}

} // namespace alpr::store
