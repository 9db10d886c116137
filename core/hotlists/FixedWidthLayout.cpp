#include "hotlists/FixedWidthLayout.h"

namespace alpr {

FixedWidthLayout::FixedWidthLayout(QList<Field> fields) : m_fields(std::move(fields)) {}

const FixedWidthLayout::Field& FixedWidthLayout::field(const QString& name) const
{
    for (const Field& f : m_fields)
        if (f.name == name)
            return f;
    Q_ASSERT_X(false, "FixedWidthLayout", "unknown field name");
    return m_fields.first();
}

QString FixedWidthLayout::value(const QByteArray& line, const QString& name) const
{
    const Field& f = field(name);
    if (line.size() < f.column)
        return {};
    return QString::fromUtf8(line.mid(f.column - 1, f.width)).trimmed();
}

int FixedWidthLayout::endColumn(const QString& name) const
{
    const Field& f = field(name);
    return f.column + f.width - 1;
}

} // namespace alpr
