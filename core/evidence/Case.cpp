#include "evidence/Case.h"

namespace alpr {

QString caseStatusName(CaseStatus status)
{
    return status == CaseStatus::Closed ? QStringLiteral("closed") : QStringLiteral("open");
}

std::optional<CaseStatus> caseStatusFromName(const QString& name)
{
    for (CaseStatus s : {CaseStatus::Open, CaseStatus::Closed})
        if (caseStatusName(s) == name.trimmed().toLower())
            return s;
    return std::nullopt;
}

} // namespace alpr
