#include "hotlists/FixedWidthLayout.h"

#include "hotlists/HotlistEntry.h"
#include "hotlists/HotlistText.h"
#include "reads/PlateText.h"

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

std::optional<QString> FixedWidthLayout::readPlateRecord(const QByteArray& line, const QString& dateField,
                                                         const QString& dateLabel, HotlistEntryInput& entry) const
{
    if (auto reason = HotlistText::notTextReason(line))
        return reason;
    const int stateEnd = endColumn(QStringLiteral("state"));
    if (line.size() < stateEnd)
        return QStringLiteral("short line (%1 characters; the state ends at column %2)").arg(line.size()).arg(stateEnd);
    entry.plate = PlateText::normalize(value(line, QStringLiteral("plate")));
    if (auto problem = HotlistText::plateProblem(entry.plate))
        return problem;
    entry.state = value(line, QStringLiteral("state")).toUpper();
    if (!HotlistText::isStateCode(entry.state))
        return QStringLiteral("bad state \"%1\"").arg(entry.state);
    const QString date = value(line, dateField);
    if (!date.isEmpty()) {
        const auto iso = HotlistText::compactDate(date);
        if (!iso)
            return QStringLiteral("bad %1 \"%2\"").arg(dateLabel, date);
        entry.clets.incidentDate = *iso;
    }
    entry.clets.recordText = QString::fromUtf8(line).trimmed();
    return std::nullopt;
}

} // namespace alpr
