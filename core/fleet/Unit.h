#pragma once

#include <QDateTime>
#include <QStringList>

#include <optional>

namespace alpr {

/// Vehicles carry mobile ALPR; fixed cameras stand at one place.
enum class UnitKind { Vehicle, Fixed };

/// In service units must transfer at least every 30 days; an undocked unit is away from its car or mount with the
/// Commander's permission; out-of-service and retired units are not monitored.
enum class UnitStatus { InService, Undocked, OutOfService, Retired };

/// A vehicle unit or fixed camera of the agency's fleet.
struct Unit {
    QString id; ///< CAR-12, CAM-MAIN-ST ...
    QString name;
    UnitKind kind = UnitKind::Vehicle;
    QString assignment; ///< car number, officer or location
    QStringList cameraSerials;
    UnitStatus status = UnitStatus::InService;
    QDateTime createdUtc;
    QDateTime lastTransferUtc; ///< last footage import or good offload; invalid = never
};

[[nodiscard]] QString unitKindName(UnitKind kind); ///< vehicle, fixed
[[nodiscard]] std::optional<UnitKind> unitKindFromName(const QString& name);
[[nodiscard]] QString unitStatusName(UnitStatus status); ///< in-service, undocked, out-of-service, retired
[[nodiscard]] std::optional<UnitStatus> unitStatusFromName(const QString& name);
[[nodiscard]] QString unitStatusDisplayName(UnitStatus status);

} // namespace alpr
