#include "fleet/Unit.h"

namespace alpr {

QString unitKindName(UnitKind kind)
{
    return kind == UnitKind::Fixed ? QStringLiteral("fixed") : QStringLiteral("vehicle");
}

std::optional<UnitKind> unitKindFromName(const QString& name)
{
    for (UnitKind k : {UnitKind::Vehicle, UnitKind::Fixed})
        if (unitKindName(k) == name.trimmed().toLower())
            return k;
    return std::nullopt;
}

QString unitStatusName(UnitStatus status)
{
    switch (status) {
    case UnitStatus::InService: return QStringLiteral("in-service");
    case UnitStatus::Undocked: return QStringLiteral("undocked");
    case UnitStatus::OutOfService: return QStringLiteral("out-of-service");
    case UnitStatus::Retired: return QStringLiteral("retired");
    }
    return {};
}

std::optional<UnitStatus> unitStatusFromName(const QString& name)
{
    for (UnitStatus s : {UnitStatus::InService, UnitStatus::Undocked, UnitStatus::OutOfService, UnitStatus::Retired})
        if (unitStatusName(s) == name.trimmed().toLower())
            return s;
    return std::nullopt;
}

QString unitStatusDisplayName(UnitStatus status)
{
    switch (status) {
    case UnitStatus::InService: return QStringLiteral("In service");
    case UnitStatus::Undocked: return QStringLiteral("Undocked");
    case UnitStatus::OutOfService: return QStringLiteral("Out of service");
    case UnitStatus::Retired: return QStringLiteral("Retired");
    }
    return {};
}

} // namespace alpr
