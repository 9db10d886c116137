#include "cli/UndockCommand.h"

#include "cli/CliTime.h"
#include "cli/CliContext.h"
#include "fleet/UndockService.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace alpr::cli {

namespace {

constexpr auto kUsage =
    "usage: alprctl undock request UNIT --reason TEXT --from ISO --to ISO\n"
    "       alprctl undock approve ID [--note TEXT]     (the Commander only)\n"
    "       alprctl undock deny ID [--note TEXT]        (the Commander only)\n"
    "       alprctl undock return ID\n"
    "       alprctl undock list [--all] [--json]\n"
    "Times are ISO 8601, e.g. 2026-12-03T08:00:00Z. Personnel may not undock an ALPR without the Support Services\n"
    "Division Commander's permission; every step is audited.";

Result<QDateTime> parseTime(const QString& text, const QString& option)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (t.isValid() && t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC);
    if (!t.isValid())
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("--%1 is an ISO 8601 time such as 2026-12-03T08:00:00Z").arg(option));
    return t.toUTC();
}

void print(CliContext& c, const UndockRequest& r, const QDateTime& now, bool json)
{
    const QString state = r.isOverdue(now) ? QStringLiteral("overdue") : undockStatusName(r.status);
    if (json) {
        const QJsonObject j{{QStringLiteral("id"), r.id},
                            {QStringLiteral("unit"), r.unitId},
                            {QStringLiteral("status"), undockStatusName(r.status)},
                            {QStringLiteral("overdue"), r.isOverdue(now)},
                            {QStringLiteral("requested_by"), r.requestedBy},
                            {QStringLiteral("reason"), r.reason},
                            {QStringLiteral("from"), formatCliTime(r.fromUtc)},
                            {QStringLiteral("to"), formatCliTime(r.toUtc)},
                            {QStringLiteral("requested"), formatCliTime(r.requestedUtc)},
                            {QStringLiteral("decided_by"), r.decidedBy},
                            {QStringLiteral("decided"), formatCliTime(r.decidedUtc)},
                            {QStringLiteral("note"), r.decisionNote},
                            {QStringLiteral("returned"), formatCliTime(r.returnedUtc)}};
        c.out() << QJsonDocument(j).toJson(QJsonDocument::Compact) << '\n';
        return;
    }
    c.out() << r.id << '\t' << r.unitId << '\t' << state << '\t' << formatCliTime(r.fromUtc) << '\t' << formatCliTime(r.toUtc) << '\t'
            << r.requestedBy << '\t' << r.decidedBy << '\t' << r.reason << '\n';
}

} // namespace

int runUndockCommand(CliContext& c)
{
    const QString verb = c.arguments().value(0);
    const QStringList verbs{QStringLiteral("request"), QStringLiteral("approve"), QStringLiteral("deny"),
                            QStringLiteral("return"), QStringLiteral("list")};
    if (!verbs.contains(verb))
        return c.usage(QString::fromUtf8(kUsage));
    auto options = CliOptions::parse(c.arguments().mid(1), {QStringLiteral("json"), QStringLiteral("all")},
                                     {QStringLiteral("reason"), QStringLiteral("from"), QStringLiteral("to"),
                                      QStringLiteral("note")});
    if (!options)
        return c.report(options.error());
    const bool json = options->has(QStringLiteral("json"));
    qint64 id = 0;
    if (verb != QLatin1String("list")) {
        if (options->positional().size() != 1)
            return c.usage(QString::fromUtf8(kUsage));
        bool ok = verb == QLatin1String("request");
        if (!ok)
            id = options->positional().first().toLongLong(&ok);
        if (!ok)
            return c.usage(QString::fromUtf8(kUsage));
    }
    QDateTime from;
    QDateTime to;
    if (verb == QLatin1String("request")) {
        auto f = parseTime(options->value(QStringLiteral("from")), QStringLiteral("from"));
        if (!f)
            return c.report(f.error());
        auto t = parseTime(options->value(QStringLiteral("to")), QStringLiteral("to"));
        if (!t)
            return c.report(t.error());
        from = *f;
        to = *t;
    }

    auto session = c.login();
    if (!session)
        return c.report(session.error());
    UndockService service(**session);
    const QDateTime now = (*session)->clock().nowUtc();
    if (verb == QLatin1String("list")) {
        auto requests = service.list(options->has(QStringLiteral("all")));
        if (!requests)
            return c.report(requests.error());
        if (!json)
            c.out() << "id\tunit\tstatus\tfrom_utc\tto_utc\trequested_by\tdecided_by\treason\n";
        for (const UndockRequest& r : *requests)
            print(c, r, now, json);
        return ExitOk;
    }
    Result<UndockRequest> result;
    if (verb == QLatin1String("request"))
        result = service.request(options->positional().first(), options->value(QStringLiteral("reason")), from, to);
    else if (verb == QLatin1String("approve"))
        result = service.approve(id, options->value(QStringLiteral("note")));
    else if (verb == QLatin1String("deny"))
        result = service.deny(id, options->value(QStringLiteral("note")));
    else
        result = service.recordReturn(id);
    if (!result)
        return c.report(result.error());
    print(c, *result, now, json);
    return ExitOk;
}

} // namespace alpr::cli
