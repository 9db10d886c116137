#pragma once

#include <QString>

#include <optional>

namespace alpr {

/// The policy's people: the Support Services Division Commander administers; the ALPR Agency Manager runs the
/// day-to-day operation; investigators use the data; the Records Supervisor handles outside requests and legal
/// holds; auditors review the access log.
enum class Role { Commander, AgencyManager, Investigator, RecordsSupervisor, Auditor };

/// What a role may do. Menus and commands ask Session::can(); the core services enforce it again.
enum class Permission {
    ManageUsers,
    ViewAudit,
    VerifyAudit,
    SearchReads,   ///< search, canvass, view reads (with purpose and case)
    ImportReads,
    ManageUnits,
    ApproveUndock, ///< the Commander's recorded permission
    ManageHotlists,
    VerifyAlerts,
    ManageCases,
    ExportEvidence,
    PlaceEvidenceHold,
    PlaceLegalHold,
    ReleaseHold,
    ConfigureRetention,
    PurgeData,
    HandleRecordsRequests,
    RecordRelease,
};

[[nodiscard]] QString roleName(Role role);        ///< stable identifier: commander, agency-manager ...
[[nodiscard]] QString roleDisplayName(Role role); ///< for people: "Commander", "Agency Manager" ...
[[nodiscard]] std::optional<Role> roleFromName(const QString& name);
[[nodiscard]] bool roleAllows(Role role, Permission permission);

} // namespace alpr
