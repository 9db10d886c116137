#include "store/RowWriter.h"

#include "common/Result.h"
#include "store/Database.h"
#include "store/PostgresConnection.h"

#include <QLocale>

#include <atomic>

namespace alpr::store {

namespace {
// Rows are sent in pieces of about this size: memory stays bounded on a load of millions.
constexpr qsizetype kSendBytes = 4 * 1024 * 1024;
} // namespace

RowWriter::RowWriter(Database& db, const QString& table, const QStringList& columns, Write write, int keyColumns)
    : m_db(db), m_table(table), m_columns(columns), m_keyColumns(keyColumns)
{
    const bool keyed = write == Write::Update || write == Write::Delete;
    if (keyed != (keyColumns > 0) || keyColumns > columns.size() ||
        (write == Write::Update && keyColumns == columns.size()) ||
        (write == Write::Delete && keyColumns != columns.size()))
        raise(ErrorCode::Internal, QStringLiteral("RowWriter: key columns do not fit the write into %1").arg(table));
    // `column = ?N` for columns [first, last), joined.
    const auto assignments = [&](qsizetype first, qsizetype last, QStringView separator) {
        QStringList parts;
        for (qsizetype i = first; i < last; ++i)
            parts.append(QStringLiteral("%1 = ?%2").arg(columns[i]).arg(i + 1));
        return parts.join(separator);
    };
    if (!m_db.isPostgres()) {
        const QString values = Database::placeholders(1, int(columns.size()));
        switch (write) {
        case Write::Insert:
            m_insert.emplace(
                m_db.prepare(QStringLiteral("INSERT INTO %1(%2) VALUES (%3)").arg(table, columns.join(u", "), values)));
            break;
        case Write::InsertNew:
            m_insert.emplace(m_db.prepare(
                QStringLiteral("INSERT OR IGNORE INTO %1(%2) VALUES (%3)").arg(table, columns.join(u", "), values)));
            break;
        case Write::Update:
            m_insert.emplace(m_db.prepare(
                QStringLiteral("UPDATE %1 SET %2 WHERE %3")
                    .arg(table, assignments(keyColumns, columns.size(), u", "), assignments(0, keyColumns, u" AND "))));
            break;
        case Write::Delete:
            m_insert.emplace(m_db.prepare(
                QStringLiteral("DELETE FROM %1 WHERE %2").arg(table, assignments(0, keyColumns, u" AND "))));
            break;
        }
        return;
    }
    if (write == Write::Insert)
        return;
    // The stage has the columns' types and nothing else (no constraints: an update names only some columns). One a
    // writer, dropped at commit at the latest; temporary, so no other connection sees it.
    // Made when the first rows are sent: a writer that gets none costs no round trip.
    static std::atomic<int> stages = 0;
    m_stage = QStringLiteral("alpr_stage_%1").arg(++stages);
    switch (write) {
    case Write::Insert:
        break;
    case Write::InsertNew:
        m_apply = QStringLiteral("INSERT INTO %1(%2) SELECT %2 FROM %3 ON CONFLICT DO NOTHING")
                      .arg(table, columns.join(u", "), m_stage);
        break;
    case Write::Update: {
        QStringList sets;
        for (qsizetype i = keyColumns; i < columns.size(); ++i)
            sets.append(QStringLiteral("%1 = s.%1").arg(columns[i]));
        m_apply =
            QStringLiteral("UPDATE %1 t SET %2 FROM %3 s WHERE %4").arg(table, sets.join(u", "), m_stage, keyMatch());
        break;
    }
    case Write::Delete:
        m_apply = QStringLiteral("DELETE FROM %1 t USING %2 s WHERE %3").arg(table, m_stage, keyMatch());
        break;
    }
}

QString RowWriter::keyMatch() const
{
    QStringList parts;
    for (int i = 0; i < m_keyColumns; ++i)
        parts.append(QStringLiteral("t.%1 = s.%1").arg(m_columns[i]));
    return parts.join(u" AND ");
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

void RowWriter::add(int column, const QByteArray& blob)
{
    if (m_insert)
        m_insert->bind(column, blob);
    else
        addField("\\\\x" + blob.toHex()); // bytea's hex input, its backslash escaped for COPY
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
        send();
}

void RowWriter::send()
{
    if (m_buffer.isEmpty())
        return;
    if (!m_stage.isEmpty() && !m_staged) {
        m_db.execVerbatim(QStringLiteral("CREATE TEMPORARY TABLE %1 ON COMMIT DROP AS SELECT %2 FROM %3 WITH NO DATA")
                              .arg(m_stage, m_columns.join(u", "), m_table));
        m_staged = true;
    }
    m_db.postgres()->copyIn(QStringLiteral("COPY %1(%2) FROM STDIN")
                                .arg(m_stage.isEmpty() ? m_table : m_stage, m_columns.join(u", "))
                                .toUtf8(),
                            m_buffer);
    m_buffer.clear();
    m_sent = true;
}

void RowWriter::finish()
{
    if (m_insert)
        return;
    send();
    if (m_stage.isEmpty() || !m_sent)
        return;
    m_db.execVerbatim(m_apply);
    m_db.execVerbatim(QStringLiteral("TRUNCATE %1").arg(m_stage));
    m_sent = false;
}

} // namespace alpr::store
