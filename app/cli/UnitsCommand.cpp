#include "cli/UnitsCommand.h"

#include "cli/CliContext.h"
#include "fleet/UnitService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace alpr::cli {

namespace {

constexpr auto kUsage =
    "usage: alprctl units list [--json]\n"
    "       alprctl units add ID [--name TEXT] [--kind vehicle|fixed] [--assignment TEXT] [--cameras SERIAL,...]\n"
    "       alprctl units set ID [--name TEXT] [--kind vehicle|fixed] [--assignment TEXT] [--cameras SERIAL,...]\n"
    "                            [--status in-service|out-of-service|retired]\n"
    "The assignment is the car number, officer or location. Undocking goes through `alprctl undock`.";

QJsonObject unitJson(const Unit& u)
{
    return {{QStringLiteral("id"), u.id},
            {QStringLiteral("name"), u.name},
            {QStringLiteral("kind"), unitKindName(u.kind)},
            {QStringLiteral("assignment"), u.assignment},
            {QStringLiteral("cameras"), QJsonArray::fromStringList(u.cameraSerials)},
            {QStringLiteral("status"), unitStatusName(u.status)},
            {QStringLiteral("last_transfer"), u.lastTransferUtc.isValid()
                                                  ? QJsonValue(u.lastTransferUtc.toString(Qt::ISODate))
                                                  : QJsonValue()}};
}

Result<UnitUpdate> parseUpdate(const CliOptions& o)
{
    UnitUpdate u;
    if (o.has(QStringLiteral("name")))
        u.name = o.value(QStringLiteral("name"));
    if (o.has(QStringLiteral("assignment")))
        u.assignment = o.value(QStringLiteral("assignment"));
    if (o.has(QStringLiteral("cameras")))
        u.cameraSerials = o.value(QStringLiteral("cameras")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (o.has(QStringLiteral("kind"))) {
        u.kind = unitKindFromName(o.value(QStringLiteral("kind")));
        if (!u.kind)
            return fail(ErrorCode::InvalidInput, QStringLiteral("--kind is vehicle or fixed"));
    }
    if (o.has(QStringLiteral("status"))) {
        u.status = unitStatusFromName(o.value(QStringLiteral("status")));
        if (!u.status)
            return fail(ErrorCode::InvalidInput, QStringLiteral("--status is in-service, out-of-service or retired"));
    }
    return u;
}

void printUnit(CliContext& c, const Unit& u, bool json)
{
    if (json) {
        c.out() << QJsonDocument(unitJson(u)).toJson(QJsonDocument::Compact) << '\n';
        return;
    }
    c.out() << u.id << '\t' << unitKindName(u.kind) << '\t' << unitStatusName(u.status) << '\t' << u.name << '\t'
            << u.assignment << '\t' << u.cameraSerials.join(QLatin1Char(',')) << '\t'
            << (u.lastTransferUtc.isValid() ? u.lastTransferUtc.toString(Qt::ISODate) : QStringLiteral("never")) << '\n';
}

} // namespace

int runUnitsCommand(CliContext& c)
{
    const QString verb = c.arguments().value(0);
    if (verb != QLatin1String("list") && verb != QLatin1String("add") && verb != QLatin1String("set"))
        return c.usage(QString::fromUtf8(kUsage));
    auto options = CliOptions::parse(c.arguments().mid(1), {QStringLiteral("json")},
                                     {QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("assignment"),
                                      QStringLiteral("cameras"), QStringLiteral("status")});
    if (!options)
        return c.report(options.error());
    const bool json = options->has(QStringLiteral("json"));
    if (verb != QLatin1String("list") && options->positional().size() != 1)
        return c.usage(QString::fromUtf8(kUsage));
    auto update = parseUpdate(*options);
    if (!update)
        return c.report(update.error());

    auto session = c.login();
    if (!session)
        return c.report(session.error());
    UnitService service(**session);
    if (verb == QLatin1String("list")) {
        auto units = service.list();
        if (!units)
            return c.report(units.error());
        if (!json)
            c.out() << "id\tkind\tstatus\tname\tassignment\tcameras\tlast_transfer_utc\n";
        for (const Unit& u : *units)
            printUnit(c, u, json);
        return ExitOk;
    }
    const QString id = options->positional().first();
    Result<Unit> result;
    if (verb == QLatin1String("add")) {
        Unit unit;
        unit.id = id;
        unit.name = update->name.value_or(QString());
        unit.kind = update->kind.value_or(UnitKind::Vehicle);
        unit.assignment = update->assignment.value_or(QString());
        unit.cameraSerials = update->cameraSerials.value_or(QStringList());
        unit.status = update->status.value_or(UnitStatus::InService);
        result = service.add(unit);
    } else {
        result = service.update(id, *update);
    }
    if (!result)
        return c.report(result.error());
    printUnit(c, *result, json);
    return ExitOk;
}

} // namespace alpr::cli
