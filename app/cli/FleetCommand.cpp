#include "cli/FleetCommand.h"

#include "cli/CliTime.h"
#include "cli/CliContext.h"
#include "fleet/FleetMonitor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace alpr::cli {

namespace {

constexpr auto kUsage =
    "usage: alprctl fleet status [--json]\n"
    "       alprctl fleet set --warning-days N\n"
    "status lists every unit's last good transfer and its age: red over 30 days (the policy's limit), amber over\n"
    "the warning threshold (default 21). Exit code 3 when any unit is red, for a daily cron job.";

QJsonObject healthJson(const UnitHealth& h)
{
    QJsonArray gaps;
    for (const QDate& d : h.gapDays)
        gaps.append(d.toString(Qt::ISODate));
    QJsonObject j{{QStringLiteral("unit"), h.unit.id},
                  {QStringLiteral("name"), h.unit.name},
                  {QStringLiteral("status"), unitStatusName(h.unit.status)},
                  {QStringLiteral("health"), transferHealthName(h.health)},
                  {QStringLiteral("last_transfer"), formatCliTime(h.lastGoodTransferUtc)},
                  {QStringLiteral("age_days"), qRound(h.ageDays * 10) / 10.0},
                  {QStringLiteral("data_from"), formatCliTime(h.dataFromUtc)},
                  {QStringLiteral("data_to"), formatCliTime(h.dataToUtc)},
                  {QStringLiteral("failed_transfers"), h.failedTransfers},
                  {QStringLiteral("incomplete_transfers"), h.incompleteTransfers},
                  {QStringLiteral("gap_days"), gaps},
                  {QStringLiteral("undocked_without_approval"), h.unapprovedUndockTransfers},
                  {QStringLiteral("undock_overdue"), h.undockOverdue}};
    if (h.undock)
        j.insert(QStringLiteral("undocked_until"), formatCliTime(h.undock->toUtc));
    return j;
}

QString notes(const UnitHealth& h)
{
    QStringList n;
    if (h.failedTransfers)
        n << QStringLiteral("%1 failed transfer(s)").arg(h.failedTransfers);
    if (h.incompleteTransfers)
        n << QStringLiteral("%1 incomplete transfer(s)").arg(h.incompleteTransfers);
    if (!h.gapDays.isEmpty())
        n << QStringLiteral("%1 day(s) without reads").arg(h.gapDays.size());
    if (h.unapprovedUndockTransfers)
        n << QStringLiteral("UNDOCKED WITHOUT APPROVAL");
    if (h.undock)
        n << (h.undockOverdue ? QStringLiteral("undock OVERDUE since %1") : QStringLiteral("undocked until %1"))
                 .arg(formatCliTime(h.undock->toUtc));
    return n.join(QStringLiteral("; "));
}

} // namespace

int runFleetCommand(CliContext& c)
{
    const QString verb = c.arguments().value(0);
    if (verb != QLatin1String("status") && verb != QLatin1String("set"))
        return c.usage(QString::fromUtf8(kUsage));
    auto options = CliOptions::parse(c.arguments().mid(1), {QStringLiteral("json")}, {QStringLiteral("warning-days")});
    if (!options)
        return c.report(options.error());
    if (!options->positional().isEmpty() || (verb == QLatin1String("set") && !options->has(QStringLiteral("warning-days"))))
        return c.usage(QString::fromUtf8(kUsage));
    bool ok = true;
    const int warningDays = verb == QLatin1String("set") ? options->value(QStringLiteral("warning-days")).toInt(&ok) : 0;
    if (!ok)
        return c.report(makeError(ErrorCode::InvalidInput, QStringLiteral("--warning-days is a number of days")));

    auto session = c.login();
    if (!session)
        return c.report(session.error());
    FleetMonitor monitor(**session);
    if (verb == QLatin1String("set")) {
        if (auto set = monitor.setWarningDays(warningDays); !set)
            return c.report(set.error());
        c.out() << "warning threshold: " << warningDays << " days\n";
        return ExitOk;
    }
    auto status = monitor.status();
    if (!status)
        return c.report(status.error());
    if (options->has(QStringLiteral("json"))) {
        for (const UnitHealth& h : status->units)
            c.out() << QJsonDocument(healthJson(h)).toJson(QJsonDocument::Compact) << '\n';
    } else {
        c.out() << "unit\thealth\tstatus\tlast_transfer_utc\tage_days\tdata_from_utc\tdata_to_utc\tnotes\n";
        for (const UnitHealth& h : status->units)
            c.out() << h.unit.id << '\t' << transferHealthName(h.health) << '\t' << unitStatusName(h.unit.status) << '\t'
                    << (h.lastGoodTransferUtc.isValid() ? formatCliTime(h.lastGoodTransferUtc) : QStringLiteral("never")) << '\t'
                    << QString::number(h.ageDays, 'f', 1) << '\t' << formatCliTime(h.dataFromUtc) << '\t' << formatCliTime(h.dataToUtc)
                    << '\t' << notes(h) << '\n';
    }
    const int red = status->count(TransferHealth::Red);
    c.err() << status->units.size() << " units: " << red << " red (over " << status->maxDays << " days), "
            << status->count(TransferHealth::Amber) << " amber (over " << status->warningDays << " days)" << Qt::endl;
    return red > 0 ? ExitVerificationFailed : ExitOk;
}

} // namespace alpr::cli
