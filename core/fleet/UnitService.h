#pragma once

#include "common/Result.h"
#include "fleet/Unit.h"

#include <QList>

#include <optional>

namespace alpr {

class Session;

namespace store {
class Database;
class Statement;
} // namespace store

/// What a unit update changes; unset fields stay as they are.
struct UnitUpdate {
    std::optional<QString> name;
    std::optional<UnitKind> kind;
    std::optional<QString> assignment;
    std::optional<QStringList> cameraSerials;
    std::optional<UnitStatus> status;
};

/// The agency's units. Adding and changing units needs ManageUnits (Agency Manager, Commander); every change is
/// audited (unit.add, unit.update) in its own transaction. Listing is open to every role: a unit list holds no ALPR
/// data, and investigators name units when they import footage.
class UnitService {
public:
    explicit UnitService(Session& session);
    UnitService(Session& session, store::Database& connection);

    /// InvalidInput for a malformed id, name, assignment or serial; InvalidInput when the id exists.
    [[nodiscard]] Result<Unit> add(const Unit& unit);
    /// Status Undocked is set only by an approved undock request (UndockService), and an undocked unit changes
    /// status only by its recorded return: both refused here with InvalidInput.
    [[nodiscard]] Result<Unit> update(const QString& unitId, const UnitUpdate& update);
    [[nodiscard]] Result<QList<Unit>> list();
    [[nodiscard]] Result<Unit> find(const QString& unitId);

    /// 1-32 letters, digits, '.', '_', '-', starting with a letter or digit (the footage import's rule).
    [[nodiscard]] static bool isValidUnitId(const QString& id);
    /// Loads the unit columns of the current row of a statement that selected kUnitColumns. Throws ErrorException.
    static constexpr auto kUnitColumns =
        "units.id, units.name, units.kind, units.assignment, units.camera_serials, units.status, units.created_utc, "
        "units.last_transfer_utc";
    static Unit unitFromRow(const store::Statement& statement);

private:
    Session& m_session;
    store::Database& m_db;
};

} // namespace alpr
