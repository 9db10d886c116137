#pragma once

#include "common/Result.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>

namespace alpr {

namespace store {
class Database;
}

/// How often audit reports are due.
enum class AuditSchedule { Weekly, Monthly, Quarterly };

[[nodiscard]] QString auditScheduleName(AuditSchedule schedule); ///< weekly, monthly, quarterly
[[nodiscard]] std::optional<AuditSchedule> auditScheduleFromName(const QString& name);

/// The configurable part of the audit program (settings table): which purposes and case numbers look meaningless,
/// how often a report is due, and the thresholds for unused accounts and silent units.
class AuditProgramSettings {
public:
    static constexpr int kDefaultUnusedDays = 90;
    static constexpr int kDefaultUnitSilentDays = 30;

    /// Case-insensitive regular expressions matched against the whole trimmed purpose and case number.
    [[nodiscard]] static QStringList defaultMeaninglessPatterns();

    static AuditProgramSettings load(store::Database& db); ///< Throws ErrorException: call inside guarded()
    /// InvalidInput for an invalid or empty-matching expression; the caller audits the change.
    [[nodiscard]] static VoidResult save(store::Database& db, const AuditProgramSettings& settings);

    QStringList meaninglessPatterns = defaultMeaninglessPatterns();
    AuditSchedule schedule = AuditSchedule::Monthly;
    int unusedDays = kDefaultUnusedDays;
    int unitSilentDays = kDefaultUnitSilentDays;

    /// Why text looks meaningless (the first pattern it matches), or empty when it does not.
    [[nodiscard]] QString meaninglessMatch(const QString& text) const;

private:
    // Compiled once per pattern list: a report matches every access of the period against every pattern.
    mutable QStringList m_compiledFrom;
    mutable QList<QRegularExpression> m_compiled;
};

} // namespace alpr
