#include "fleet/UnitService.h"

#include "accounts/Session.h"
#include "audit/AuditLog.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace alpr {

namespace {

constexpr int kMaxNameLength = 80;
constexpr int kMaxAssignmentLength = 120;
constexpr int kMaxCameras = 8;

bool isPlainLine(const QString& text, int maxLength)
{
    if (text.size() > maxLength)
        return false;
    for (const QChar c : text)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    return true;
}

VoidResult validateFields(const QString& name, const QString& assignment, const QStringList& serials)
{
    static const QRegularExpression serialFormat(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$"));
    if (!isPlainLine(name, kMaxNameLength))
        return fail(ErrorCode::InvalidInput, QStringLiteral("A unit name is one line of at most %1 characters").arg(kMaxNameLength));
    if (!isPlainLine(assignment, kMaxAssignmentLength))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("An assignment is one line of at most %1 characters").arg(kMaxAssignmentLength));
    if (serials.size() > kMaxCameras)
        return fail(ErrorCode::InvalidInput, QStringLiteral("A unit has at most %1 cameras").arg(kMaxCameras));
    for (const QString& serial : serials)
        if (!serialFormat.match(serial).hasMatch())
            return fail(ErrorCode::InvalidInput,
                        QStringLiteral("Camera serial '%1' is not 1-40 letters, digits, '.', '_' or '-'").arg(serial));
    return {};
}

QDateTime parseStoredTime(const QString& text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (t.isValid())
        t.setTimeSpec(Qt::UTC);
    return t;
}

QString toJson(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject unitJson(const Unit& u)
{
    return {{QStringLiteral("name"), u.name},
            {QStringLiteral("kind"), unitKindName(u.kind)},
            {QStringLiteral("assignment"), u.assignment},
            {QStringLiteral("cameras"), QJsonArray::fromStringList(u.cameraSerials)},
            {QStringLiteral("status"), unitStatusName(u.status)}};
}

} // namespace

UnitService::UnitService(Session& session) : UnitService(session, session.database()) {}

UnitService::UnitService(Session& session, store::Database& connection) : m_session(session), m_db(connection) {}

bool UnitService::isValidUnitId(const QString& id)
{
    static const QRegularExpression unitFormat(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$"));
    return unitFormat.match(id).hasMatch();
}

Unit UnitService::unitFromRow(const store::Statement& s)
{
    Unit u;
    u.id = s.text(0);
    u.name = s.text(1);
    u.kind = unitKindFromName(s.text(2)).value_or(UnitKind::Vehicle);
    u.assignment = s.text(3);
    u.cameraSerials = s.text(4).split(QLatin1Char(','), Qt::SkipEmptyParts);
    u.status = unitStatusFromName(s.text(5)).value_or(UnitStatus::InService);
    u.createdUtc = parseStoredTime(s.text(6));
    if (!s.isNull(7))
        u.lastTransferUtc = parseStoredTime(s.text(7));
    return u;
}

Result<Unit> UnitService::add(const Unit& unit)
{
    if (auto allowed = m_session.require(Permission::ManageUnits, QStringLiteral("add units")); !allowed)
        return std::unexpected(allowed.error());
    if (!isValidUnitId(unit.id))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("A unit id is 1-32 letters, digits, '.', '_' or '-' (e.g. CAR-12)"));
    if (auto valid = validateFields(unit.name, unit.assignment, unit.cameraSerials); !valid)
        return std::unexpected(valid.error());
    if (unit.status == UnitStatus::Undocked)
        return fail(ErrorCode::InvalidInput, QStringLiteral("A new unit cannot start undocked"));
    auto added = guardedResult([&]() -> Result<Unit> {
        store::Transaction tx(m_db);
        auto exists = m_db.prepare(QStringLiteral("SELECT 1 FROM units WHERE id = ?1"));
        exists.bind(1, unit.id);
        if (exists.step())
            return fail(ErrorCode::InvalidInput, QStringLiteral("Unit %1 exists already").arg(unit.id));
        const QString now = m_session.clock().nowUtc().toString(Qt::ISODateWithMs);
        m_db.prepare(QStringLiteral("INSERT INTO units(id, name, kind, assignment, camera_serials, status, created_utc, "
                                    "updated_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)"))
            .bind(1, unit.id)
            .bind(2, unit.name.trimmed())
            .bind(3, unitKindName(unit.kind))
            .bind(4, unit.assignment.trimmed())
            .bind(5, unit.cameraSerials.join(QLatin1Char(',')))
            .bind(6, unitStatusName(unit.status))
            .bind(7, now)
            .run();
        AuditLog::append(tx, m_session.auditRecord(QStringLiteral("unit.add"), QStringLiteral("unit:") + unit.id,
                                                   toJson(unitJson(unit))));
        tx.commit();
        return Unit{};
    });
    if (!added)
        return std::unexpected(added.error());
    return find(unit.id);
}

Result<Unit> UnitService::update(const QString& unitId, const UnitUpdate& change)
{
    if (auto allowed = m_session.require(Permission::ManageUnits, QStringLiteral("change units")); !allowed)
        return std::unexpected(allowed.error());
    auto current = find(unitId);
    if (!current)
        return std::unexpected(current.error());
    Unit next = *current;
    next.name = change.name.value_or(next.name).trimmed();
    next.kind = change.kind.value_or(next.kind);
    next.assignment = change.assignment.value_or(next.assignment).trimmed();
    next.cameraSerials = change.cameraSerials.value_or(next.cameraSerials);
    next.status = change.status.value_or(next.status);
    if (auto valid = validateFields(next.name, next.assignment, next.cameraSerials); !valid)
        return std::unexpected(valid.error());
    if (next.status != current->status && next.status == UnitStatus::Undocked)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("A unit is undocked only with the Commander's approval: request it "
                                   "(alprctl undock request) and have the Commander approve it"));
    if (next.status != current->status && current->status == UnitStatus::Undocked)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("Unit %1 is undocked: record its return (alprctl undock return) first").arg(unitId));

    // Only what changed goes into the audit record, as {field: [before, after]}.
    QJsonObject changed;
    const QJsonObject before = unitJson(*current);
    const QJsonObject after = unitJson(next);
    for (auto it = after.begin(); it != after.end(); ++it)
        if (before.value(it.key()) != it.value())
            changed.insert(it.key(), QJsonArray{before.value(it.key()), it.value()});
    if (changed.isEmpty())
        return current;
    auto updated = guarded([&] {
        store::Transaction tx(m_db);
        m_db.prepare(QStringLiteral("UPDATE units SET name = ?2, kind = ?3, assignment = ?4, camera_serials = ?5, "
                                    "status = ?6, updated_utc = ?7 WHERE id = ?1"))
            .bind(1, unitId)
            .bind(2, next.name)
            .bind(3, unitKindName(next.kind))
            .bind(4, next.assignment)
            .bind(5, next.cameraSerials.join(QLatin1Char(',')))
            .bind(6, unitStatusName(next.status))
            .bind(7, m_session.clock().nowUtc().toString(Qt::ISODateWithMs))
            .run();
        AuditLog::append(tx, m_session.auditRecord(QStringLiteral("unit.update"), QStringLiteral("unit:") + unitId,
                                                   toJson(changed)));
        tx.commit();
    });
    if (!updated)
        return std::unexpected(updated.error());
    return find(unitId);
}

Result<QList<Unit>> UnitService::list()
{
    return guarded([&] {
        auto s = m_db.prepare(QStringLiteral("SELECT %1 FROM units ORDER BY units.id").arg(QLatin1String(kUnitColumns)));
        QList<Unit> out;
        while (s.step())
            out.append(unitFromRow(s));
        return out;
    });
}

Result<Unit> UnitService::find(const QString& unitId)
{
    return guardedResult([&]() -> Result<Unit> {
        auto s = m_db.prepare(QStringLiteral("SELECT %1 FROM units WHERE units.id = ?1").arg(QLatin1String(kUnitColumns)));
        s.bind(1, unitId);
        if (!s.step())
            return fail(ErrorCode::NotFound, QStringLiteral("Unit %1 is not registered in this agency's fleet").arg(unitId));
        return unitFromRow(s);
    });
}

} // namespace alpr
