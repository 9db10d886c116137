#include "cli/AuditCommand.h"

#include "audit/AuditLog.h"
#include "audit/AuditReport.h"
#include "cli/CliContext.h"
#include "common/ValueParser.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace alpr::cli {

namespace {

QString csvField(const QString& value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QJsonObject toJson(const AuditRecord& r)
{
    return {{QStringLiteral("seq"), r.seq},
            {QStringLiteral("time"), r.timeUtc.toString(Qt::ISODateWithMs)},
            {QStringLiteral("user"), r.user},
            {QStringLiteral("workstation"), r.workstation},
            {QStringLiteral("action"), r.action},
            {QStringLiteral("object"), r.object},
            {QStringLiteral("parameters"), r.parameters},
            {QStringLiteral("purpose"), r.purpose},
            {QStringLiteral("case"), r.caseNumber},
            {QStringLiteral("outcome"), r.outcome},
            {QStringLiteral("hash"), r.hash}};
}

Result<QDateTime> parseTime(const QString& text, bool endOfDay)
{
    if (text.isEmpty())
        return QDateTime(); // no bound
    return ValueParser::utcTime(text, endOfDay ? ValueParser::DayEdge::End : ValueParser::DayEdge::Start);
}

} // namespace

int runAuditCommand(CliContext& c)
{
    const QString verb = c.arguments().value(0);
    auto options = CliOptions::parse(c.arguments().mid(1), {QStringLiteral("json"), QStringLiteral("csv")},
                                     {QStringLiteral("user"), QStringLiteral("action"), QStringLiteral("from"),
                                      QStringLiteral("to"), QStringLiteral("limit")});
    if (!options || !options->positional().isEmpty() ||
        (verb != QLatin1String("verify") && verb != QLatin1String("list") && verb != QLatin1String("report"))) {
        return c.usage(QStringLiteral("usage: alprctl audit verify | audit list [--user U] [--action A|prefix*] "
                                      "[--from DATE] [--to DATE] [--limit N] [--json|--csv] | "
                                      "audit report [--from DATE] [--to DATE]"));
    }
    auto from = parseTime(options->value(QStringLiteral("from")), false);
    auto to = parseTime(options->value(QStringLiteral("to")), true);
    if (!from)
        return c.report(from.error());
    if (!to)
        return c.report(to.error());

    auto session = c.login();
    if (!session)
        return c.report(session.error());
    Session& s = **session;

    if (verb == QLatin1String("verify")) {
        if (auto allowed = s.require(Permission::VerifyAudit, QStringLiteral("verify the audit trail")); !allowed)
            return c.report(allowed.error());
        auto result = AuditLog::verify(s.database());
        if (!result)
            return c.report(result.error());
        const QString outcome = result->intact ? QStringLiteral("intact: %1 records").arg(result->recordsChecked)
                                               : QStringLiteral("BROKEN at record %1").arg(result->firstBadSeq);
        (void)s.recordAccess(s.auditRecord(QStringLiteral("audit.verify"), QStringLiteral("audit"), {}, {}, outcome));
        if (!result->intact) {
            c.err() << "alprctl: audit trail verification FAILED: " << result->reason << Qt::endl;
            c.out() << "bad-record\t" << result->firstBadSeq << Qt::endl;
            return ExitVerificationFailed;
        }
        c.out() << "Audit trail intact: " << result->recordsChecked << " records verified" << Qt::endl;
        return ExitOk;
    }

    if (auto allowed = s.require(Permission::ViewAudit, QStringLiteral("read the audit trail")); !allowed)
        return c.report(allowed.error());
    AuditFilter filter{options->value(QStringLiteral("user")), options->value(QStringLiteral("action")), *from, *to,
                       options->value(QStringLiteral("limit"), QStringLiteral("0")).toInt()};
    auto records = AuditLog::list(s.database(), filter);
    if (!records)
        return c.report(records.error());
    const QString params = QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("user"), filter.user},
                                  {QStringLiteral("action"), filter.action},
                                  {QStringLiteral("from"), options->value(QStringLiteral("from"))},
                                  {QStringLiteral("to"), options->value(QStringLiteral("to"))}})
            .toJson(QJsonDocument::Compact));

    if (verb == QLatin1String("report")) {
        const AuditReport report = AuditReport::summarize(*records);
        c.out() << report.toText(*from, *to);
        c.out().flush();
        (void)s.recordAccess(s.auditRecord(QStringLiteral("audit.report"), QStringLiteral("audit"), params, {},
                                           QStringLiteral("records: %1").arg(records->size())));
        return ExitOk;
    }

    if (options->has(QStringLiteral("json"))) {
        for (const AuditRecord& r : *records)
            c.out() << QJsonDocument(toJson(r)).toJson(QJsonDocument::Compact) << '\n';
    } else {
        c.out() << "seq,time,user,workstation,action,object,parameters,purpose,case,outcome,hash\n";
        for (const AuditRecord& r : *records) {
            c.out() << r.seq << ',' << r.timeUtc.toString(Qt::ISODateWithMs);
            for (const QString* f : {&r.user, &r.workstation, &r.action, &r.object, &r.parameters, &r.purpose,
                                     &r.caseNumber, &r.outcome, &r.hash})
                c.out() << ',' << csvField(*f);
            c.out() << '\n';
        }
    }
    c.out().flush();
    (void)s.recordAccess(s.auditRecord(QStringLiteral("audit.list"), QStringLiteral("audit"), params, {},
                                       QStringLiteral("results: %1").arg(records->size())));
    return ExitOk;
}

} // namespace alpr::cli
