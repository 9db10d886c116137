#include "cli/AlertsCommand.h"

#include "cli/CliTime.h"
#include "cli/CliContext.h"
#include "hotlists/AlertService.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace alpr::cli {

namespace {

constexpr auto kUsage =
    "usage: alprctl alerts list [--state new|visual|confirmed|closed|rejected] [--open] [--limit N] [--json]\n"
    "       alprctl alerts show ID [--json]\n"
    "       alprctl alerts dispatch ID            one line for the dispatcher (plate, state, list, time, place)\n"
    "       alprctl alerts verify ID --step visual\n"
    "       alprctl alerts verify ID --step clets --outcome active|not-active|misread --ref REFERENCE\n"
    "       alprctl alerts reject ID --reason TEXT   (alprctl alerts reasons lists the allowed reasons)\n"
    "       alprctl alerts close ID\n"
    "       alprctl alerts export --to FILE.csv [--state S] [--open]\n"
    "An alert is new -> visual (plate and state match the image) -> confirmed through CLETS/dispatch -> closed, or\n"
    "rejected. Until confirmed it is UNVERIFIED: confirm through CLETS/dispatch before enforcement.";

QJsonObject alertJson(const Alert& a)
{
    QJsonObject clets;
    if (a.clets.redacted)
        clets = {{QStringLiteral("redacted"), true}};
    else
        clets = {{QStringLiteral("nic"), a.clets.nic},
                 {QStringLiteral("ori"), a.clets.ori},
                 {QStringLiteral("incident_date"), a.clets.incidentDate},
                 {QStringLiteral("vehicle"), a.clets.vehicle},
                 {QStringLiteral("record"), a.clets.recordText}};
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("verification"), a.verificationText()},
            {QStringLiteral("verified"), a.isVerified()},
            {QStringLiteral("state"), alertStateName(a.state)},
            {QStringLiteral("priority"), HotlistPriority::name(a.priority)},
            {QStringLiteral("created"), formatCliTime(a.createdUtc)},
            {QStringLiteral("list"), a.listName},
            {QStringLiteral("category"), a.category},
            {QStringLiteral("entry_plate"), a.entryPlate},
            {QStringLiteral("entry_state"), a.entryState},
            {QStringLiteral("matched_plate"), a.matchedPlate},
            {QStringLiteral("match_kind"), a.matchKind},
            {QStringLiteral("match"), a.explanation},
            {QStringLiteral("retro"), a.retro},
            {QStringLiteral("reason"), a.reason},
            {QStringLiteral("read_id"), a.read.id},
            {QStringLiteral("read_time"), formatCliTime(a.read.timeUtc)},
            {QStringLiteral("lat"), a.read.latitude ? QJsonValue(*a.read.latitude) : QJsonValue()},
            {QStringLiteral("lon"), a.read.longitude ? QJsonValue(*a.read.longitude) : QJsonValue()},
            {QStringLiteral("unit"), a.read.unitId},
            {QStringLiteral("clets"), clets},
            {QStringLiteral("visual_by"), a.visualBy},
            {QStringLiteral("clets_by"), a.cletsBy},
            {QStringLiteral("clets_ref"), a.cletsReference},
            {QStringLiteral("clets_outcome"), a.cletsOutcome},
            {QStringLiteral("reject_reason"), a.rejectReason}};
}

void printAlert(CliContext& c, const Alert& a, bool json)
{
    if (json) {
        c.out() << QJsonDocument(alertJson(a)).toJson(QJsonDocument::Compact) << '\n';
        return;
    }
    c.out() << a.id << '\t' << alertStateName(a.state) << '\t' << HotlistPriority::name(a.priority) << '\t'
            << formatCliTime(a.read.timeUtc) << '\t' << a.entryPlate << '\t' << a.entryState << '\t' << a.matchedPlate << '\t'
            << a.matchKind << '\t' << a.listName << '\t' << a.read.unitId << '\t' << a.verificationText() << '\n';
}

void printDetail(CliContext& c, const Alert& a)
{
    const auto field = [&](const char* name, const QString& value) { c.out() << name << ":\t" << value << '\n'; };
    field("alert", QString::number(a.id));
    field("verification", a.verificationText());
    field("state", alertStateName(a.state));
    field("priority", HotlistPriority::name(a.priority));
    field("list", a.listName + QStringLiteral(" (") + a.category + u')');
    field("entry", a.entryPlate + u' ' + a.entryState);
    field("read as",
          a.matchedPlate +
              (a.alternativeRank > 0 ? QStringLiteral(" (alternative %1)").arg(a.alternativeRank) : QString()));
    field("match",
          a.matchKind + QStringLiteral(": ") + a.explanation + (a.retro ? QStringLiteral(" (past read)") : QString()));
    field("read", QStringLiteral("%1 at %2 UTC, unit %3").arg(a.read.id).arg(formatCliTime(a.read.timeUtc), a.read.unitId));
    if (a.read.latitude && a.read.longitude)
        field("place", QStringLiteral("%1, %2").arg(*a.read.latitude, 0, 'f', 6).arg(*a.read.longitude, 0, 'f', 6));
    field("reason", a.reason);
    if (a.clets.redacted) {
        field("CLETS record", QStringLiteral("[redacted: CLETS authorization required]"));
    } else {
        field("NIC", a.clets.nic);
        field("ORI", a.clets.ori);
        field("incident date", a.clets.incidentDate);
        field("record vehicle", a.clets.vehicle);
        field("record", a.clets.recordText);
    }
    if (a.visualUtc.isValid())
        field("visual check", a.visualBy + QStringLiteral(" at ") + formatCliTime(a.visualUtc));
    if (a.cletsUtc.isValid())
        field("CLETS/dispatch",
              QStringLiteral("%1 at %2, ref %3: %4").arg(a.cletsBy, formatCliTime(a.cletsUtc), a.cletsReference, a.cletsOutcome));
    if (!a.rejectReason.isEmpty())
        field("rejected", a.rejectReason);
}

Result<AlertFilter> filterFrom(const CliOptions& o)
{
    AlertFilter filter;
    if (o.has(QStringLiteral("state"))) {
        filter.state = alertStateFromName(o.value(QStringLiteral("state")));
        if (!filter.state)
            return fail(ErrorCode::InvalidInput,
                        QStringLiteral("--state is new, visual, confirmed, closed or rejected"));
    }
    filter.openOnly = o.has(QStringLiteral("open"));
    if (o.has(QStringLiteral("limit"))) {
        bool ok = false;
        filter.limit = o.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || filter.limit < 1)
            return fail(ErrorCode::InvalidInput, QStringLiteral("--limit is a positive number"));
    }
    return filter;
}

} // namespace

int runAlertsCommand(CliContext& c)
{
    static const QStringList verbs{QStringLiteral("list"),    QStringLiteral("show"),   QStringLiteral("dispatch"),
                                   QStringLiteral("verify"),  QStringLiteral("reject"), QStringLiteral("close"),
                                   QStringLiteral("reasons"), QStringLiteral("export")};
    const QString verb = c.arguments().value(0);
    if (!verbs.contains(verb))
        return c.usage(QString::fromUtf8(kUsage));
    auto options = CliOptions::parse(c.arguments(), {QStringLiteral("json"), QStringLiteral("open")},
                                     {QStringLiteral("state"), QStringLiteral("limit"), QStringLiteral("step"),
                                      QStringLiteral("outcome"), QStringLiteral("ref"), QStringLiteral("reason"),
                                      QStringLiteral("to")});
    if (!options)
        return c.report(options.error());
    const bool json = options->has(QStringLiteral("json"));
    const bool needsId =
        verb != QLatin1String("list") && verb != QLatin1String("reasons") && verb != QLatin1String("export");
    bool ok = false;
    const qint64 id = options->positional().value(1).toLongLong(&ok);
    if (needsId && (!ok || options->positional().size() != 2))
        return c.usage(QString::fromUtf8(kUsage));
    if (verb == QLatin1String("export") && !options->has(QStringLiteral("to")))
        return c.usage(QString::fromUtf8(kUsage));
    const QString step = options->value(QStringLiteral("step"));
    if (verb == QLatin1String("verify") && step != QLatin1String("visual") && step != QLatin1String("clets"))
        return c.report(makeError(ErrorCode::InvalidInput, QStringLiteral("--step is visual or clets")));
    auto filter = filterFrom(*options);
    if (!filter)
        return c.report(filter.error());

    auto session = c.login();
    if (!session)
        return c.report(session.error());
    AlertService service(**session);

    if (verb == QLatin1String("list")) {
        auto alerts = service.list(*filter);
        if (!alerts)
            return c.report(alerts.error());
        if (!json)
            c.out() << "id\tstate\tpriority\tread_time_utc\tplate\tstate\tread_as\tmatch\tlist\tunit\tverification\n";
        for (const Alert& a : *alerts)
            printAlert(c, a, json);
        return ExitOk;
    }
    if (verb == QLatin1String("reasons")) {
        auto reasons = service.rejectReasons();
        if (!reasons)
            return c.report(reasons.error());
        for (const QString& r : *reasons)
            c.out() << r << '\n';
        return ExitOk;
    }
    if (verb == QLatin1String("export")) {
        auto written = service.exportCsv(*filter, options->value(QStringLiteral("to")));
        if (!written)
            return c.report(written.error());
        c.out() << *written << " alerts written to " << options->value(QStringLiteral("to")) << '\n';
        return ExitOk;
    }
    Result<Alert> alert;
    if (verb == QLatin1String("show") || verb == QLatin1String("dispatch"))
        alert = service.get(id);
    else if (verb == QLatin1String("reject"))
        alert = service.reject(id, options->value(QStringLiteral("reason")));
    else if (verb == QLatin1String("close"))
        alert = service.close(id);
    else if (step == QLatin1String("visual"))
        alert = service.markVisual(id);
    else {
        const auto outcome = cletsOutcomeFromName(options->value(QStringLiteral("outcome")));
        if (!outcome)
            return c.report(
                makeError(ErrorCode::InvalidInput, QStringLiteral("--outcome is active, not-active or misread")));
        alert = service.confirm(id, *outcome, options->value(QStringLiteral("ref")));
    }
    if (!alert)
        return c.report(alert.error());
    if (verb == QLatin1String("dispatch"))
        c.out() << alert->dispatchLine() << '\n';
    else if (verb == QLatin1String("show") && !json)
        printDetail(c, *alert);
    else
        printAlert(c, *alert, json);
    return ExitOk;
}

} // namespace alpr::cli
