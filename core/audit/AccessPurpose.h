#pragma once

#include "common/Result.h"

#include <QStringList>

namespace alpr {

namespace store {
class Database;
}

/// Why ALPR data is being accessed: the policy allows official law-enforcement use only, so every search, view
/// and export states a purpose and a case or incident number, both written to the audit trail.
struct AccessPurpose {
    QString purpose;
    QString caseNumber;
};

/// The configurable part: the offered purposes and the case number format (settings table).
class AccessPurposePolicy {
public:
    static constexpr auto kDefaultCaseNumberPattern = "^[A-Z0-9]{2,12}([-/][A-Z0-9]{1,12}){0,3}$";

    static AccessPurposePolicy load(store::Database& db);
    [[nodiscard]] static VoidResult save(store::Database& db, const QStringList& purposes,
                                         const QString& caseNumberPattern);

    [[nodiscard]] const QStringList& purposes() const { return m_purposes; }
    [[nodiscard]] const QString& caseNumberPattern() const { return m_caseNumberPattern; }
    /// PurposeRequired when either part is missing; InvalidInput for a case number in the wrong format or a
    /// purpose with control characters or over 200 characters.
    [[nodiscard]] VoidResult validate(const AccessPurpose& access) const;

private:
    QStringList m_purposes;
    QString m_caseNumberPattern;
};

} // namespace alpr
