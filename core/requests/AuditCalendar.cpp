#include "requests/AuditCalendar.h"

namespace alpr {

namespace {
QDateTime startOf(const QDate& day)
{
    return QDateTime(day, QTime(0, 0), Qt::UTC);
}
QDateTime endOf(const QDate& day)
{
    return QDateTime(day, QTime(23, 59, 59, 999), Qt::UTC);
}
} // namespace

QString AuditPeriod::label() const
{
    const QDate from = fromUtc.date();
    const QDate to = toUtc.date();
    if (from.day() == 1 && to == from.addMonths(1).addDays(-1))
        return from.toString(QStringLiteral("yyyy-MM"));
    if (from.day() == 1 && (from.month() - 1) % 3 == 0 && to == from.addMonths(3).addDays(-1))
        return QStringLiteral("%1-Q%2").arg(from.year()).arg((from.month() - 1) / 3 + 1);
    return QStringLiteral("%1 to %2").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate));
}

AuditPeriod AuditCalendar::periodContaining(AuditSchedule schedule, const QDate& day)
{
    switch (schedule) {
    case AuditSchedule::Weekly: {
        const QDate monday = day.addDays(1 - day.dayOfWeek());
        return {startOf(monday), endOf(monday.addDays(6))};
    }
    case AuditSchedule::Monthly: {
        const QDate first(day.year(), day.month(), 1);
        return {startOf(first), endOf(first.addMonths(1).addDays(-1))};
    }
    case AuditSchedule::Quarterly: {
        const QDate first(day.year(), (day.month() - 1) / 3 * 3 + 1, 1);
        return {startOf(first), endOf(first.addMonths(3).addDays(-1))};
    }
    }
    return {};
}

AuditPeriod AuditCalendar::previousPeriod(AuditSchedule schedule, const QDateTime& nowUtc)
{
    const AuditPeriod current = periodContaining(schedule, nowUtc.toUTC().date());
    return periodContaining(schedule, current.fromUtc.date().addDays(-1));
}

std::optional<AuditPeriod> AuditCalendar::duePeriod(AuditSchedule schedule, const QDateTime& nowUtc,
                                                    const QDateTime& lastSignedToUtc)
{
    const AuditPeriod previous = previousPeriod(schedule, nowUtc);
    if (!lastSignedToUtc.isValid())
        return previous;
    if (lastSignedToUtc >= previous.toUtc)
        return std::nullopt;
    return periodContaining(schedule, lastSignedToUtc.toUTC().date().addDays(1));
}

} // namespace alpr
