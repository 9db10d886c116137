#pragma once

#include "requests/AuditProgramSettings.h"

#include <QDateTime>

#include <optional>

namespace alpr {

/// One reporting period: from the first millisecond of its first day to the last of its last day, UTC.
struct AuditPeriod {
    QDateTime fromUtc;
    QDateTime toUtc;

    [[nodiscard]] bool isValid() const { return fromUtc.isValid() && toUtc.isValid(); }
    /// "2026-05" (monthly), "2026-Q2", "2026-05-04 to 2026-05-10" ...
    [[nodiscard]] QString label() const;
};

/// Reporting periods of the audit schedule: calendar weeks (Monday first), months or quarters, in UTC.
class AuditCalendar {
public:
    [[nodiscard]] static AuditPeriod periodContaining(AuditSchedule schedule, const QDate& day);
    /// The last complete period before now.
    [[nodiscard]] static AuditPeriod previousPeriod(AuditSchedule schedule, const QDateTime& nowUtc);
    /// The oldest complete period not yet signed off: the one after lastSignedToUtc (or, with no sign-off yet, the
    /// previous period). None when every complete period is signed off.
    [[nodiscard]] static std::optional<AuditPeriod> duePeriod(AuditSchedule schedule, const QDateTime& nowUtc,
                                                              const QDateTime& lastSignedToUtc);
};

} // namespace alpr
