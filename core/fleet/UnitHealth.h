#pragma once

#include "fleet/Unit.h"
#include "fleet/UndockRequest.h"

#include <QDate>
#include <QList>

#include <optional>

namespace alpr {

/// Red: over 30 days since the last good transfer; amber: over the warning threshold; green: within it. Units out
/// of service or retired are not monitored.
enum class TransferHealth { Green, Amber, Red, NotMonitored };

[[nodiscard]] QString transferHealthName(TransferHealth health); ///< green, amber, red, not-monitored

/// One unit as the fleet status shows it.
struct UnitHealth {
    Unit unit;
    TransferHealth health = TransferHealth::Green;
    QDateTime lastGoodTransferUtc; ///< invalid = never; the age then counts from the unit's registration
    double ageDays = 0.0;
    QDateTime dataFromUtc; ///< the period the unit's stored reads cover; invalid when none
    QDateTime dataToUtc;
    int failedTransfers = 0;     ///< failed offloads since the last good transfer
    int incompleteTransfers = 0; ///< cancelled or interrupted, not yet resumed to the end
    QList<QDate> gapDays;        ///< days in service (last 30, up to the last transfer) with no reads
    int unapprovedUndockTransfers = 0; ///< offloads that showed an undocking nobody approved
    std::optional<UndockRequest> undock; ///< the approved undocking in effect, if any
    bool undockOverdue = false;
};

/// The whole fleet at one moment.
struct FleetStatus {
    QDateTime atUtc;
    int warningDays = 21;
    int maxDays = 30;
    QList<UnitHealth> units;

    [[nodiscard]] int count(TransferHealth health) const
    {
        int n = 0;
        for (const UnitHealth& u : units)
            n += u.health == health;
        return n;
    }
};

} // namespace alpr
