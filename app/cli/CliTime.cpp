#include "cli/CliTime.h"

namespace alpr::cli {

Result<QDateTime> parseCliTime(const QString& text, bool endOfDay)
{
    if (text.isEmpty())
        return QDateTime();
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (!d.isValid())
            return fail(ErrorCode::InvalidInput, QStringLiteral("'%1' is not a date or ISO 8601 time").arg(text));
        t = endOfDay ? QDateTime(d, QTime(23, 59, 59, 999), Qt::UTC) : QDateTime(d, QTime(0, 0), Qt::UTC);
    }
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC);
    return t.toUTC();
}

} // namespace alpr::cli
