#include "cli/CliTime.h"

namespace alpr::cli {

Result<QDateTime> parseCliTime(const QString& text, bool endOfDay)
{
    if (text.isEmpty())
        return QDateTime();
    // A plain date first: QDateTime would also read "2026-11-30" (as its midnight), and --to 2026-11-30 means the
    // whole day.
    if (const QDate d = QDate::fromString(text, Qt::ISODate); d.isValid())
        return endOfDay ? QDateTime(d, QTime(23, 59, 59, 999), Qt::UTC) : QDateTime(d, QTime(0, 0), Qt::UTC);
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        return fail(ErrorCode::InvalidInput, QStringLiteral("'%1' is not a date or ISO 8601 time").arg(text));
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC);
    return t.toUTC();
}

} // namespace alpr::cli
