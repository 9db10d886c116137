#include "accounts/Role.h"

namespace alpr {

QString roleName(Role role)
{
    switch (role) {
    case Role::Commander: return QStringLiteral("commander");
    case Role::AgencyManager: return QStringLiteral("agency-manager");
    case Role::Investigator: return QStringLiteral("investigator");
    case Role::RecordsSupervisor: return QStringLiteral("records-supervisor");
    case Role::Auditor: return QStringLiteral("auditor");
    }
    return {};
}

QString roleDisplayName(Role role)
{
    switch (role) {
    case Role::Commander: return QStringLiteral("Commander");
    case Role::AgencyManager: return QStringLiteral("Agency Manager");
    case Role::Investigator: return QStringLiteral("Investigator");
    case Role::RecordsSupervisor: return QStringLiteral("Records Supervisor");
    case Role::Auditor: return QStringLiteral("Auditor");
    }
    return {};
}

std::optional<Role> roleFromName(const QString& name)
{
    for (Role r : {Role::Commander, Role::AgencyManager, Role::Investigator, Role::RecordsSupervisor, Role::Auditor})
        if (roleName(r) == name.trimmed().toLower())
            return r;
    return std::nullopt;
}

bool roleAllows(Role role, Permission p)
{
    using P = Permission;
    switch (role) {
    case Role::Commander:
        return true;
    case Role::AgencyManager:
        return p == P::SearchReads || p == P::ImportReads || p == P::ManageUnits || p == P::ManageHotlists ||
               p == P::VerifyAlerts || p == P::ManageCases || p == P::ExportEvidence || p == P::PlaceEvidenceHold ||
               p == P::ReleaseHold || p == P::ConfigureRetention || p == P::PurgeData || p == P::ViewAudit;
    case Role::Investigator:
        return p == P::SearchReads || p == P::ImportReads || p == P::VerifyAlerts || p == P::ManageCases ||
               p == P::ExportEvidence || p == P::PlaceEvidenceHold;
    case Role::RecordsSupervisor:
        return p == P::SearchReads || p == P::HandleRecordsRequests || p == P::RecordRelease ||
               p == P::PlaceLegalHold || p == P::ReleaseHold || p == P::ExportEvidence;
    case Role::Auditor:
        return p == P::ViewAudit || p == P::VerifyAudit;
    }
    return false;
}

} // namespace alpr
