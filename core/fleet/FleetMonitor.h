#pragma once

#include "common/Result.h"
#include "fleet/UnitHealth.h"

namespace alpr {

class Session;

namespace store {
class Database;
}

/// The policy's 30-day rule made visible: each unit's last good transfer and its age, the period its data covers,
/// failed and incomplete transfers, gaps, undockings in effect and overdue. Time comes from the session's clock.
/// Reading the status needs ManageUnits (Agency Manager, Commander) or ViewAudit (auditors check the rule too).
class FleetMonitor {
public:
    static constexpr int kMaxDaysBetweenTransfers = 30;
    static constexpr int kDefaultWarningDays = 21;
    static constexpr auto kWarningDaysSetting = "fleet.warning_days";

    explicit FleetMonitor(Session& session);
    FleetMonitor(Session& session, store::Database& connection);

    [[nodiscard]] Result<FleetStatus> status();
    [[nodiscard]] Result<int> warningDays();
    /// 1..29 days; ManageUnits; audited as fleet.settings.
    [[nodiscard]] VoidResult setWarningDays(int days);

    /// The level for an age in days against the thresholds (exposed for the UI legend and tests).
    [[nodiscard]] static TransferHealth healthFor(double ageDays, int warningDays);

private:
    Session& m_session;
    store::Database& m_db;
};

} // namespace alpr
