#include "cli/AuditProgramCommand.h"

#include "cli/CliContext.h"
#include "cli/CliTime.h"
#include "requests/AuditProgramService.h"
#include "requests/AuditReportCsv.h"

#include <QDir>
#include <QSaveFile>

#ifdef ALPR_HAVE_AUDIT_PDF
#include "requests/AuditReportPdfRenderer.h"
#endif

namespace alpr::cli {

namespace {

const char* const kUsage =
    "usage:\n"
    "  alprctl audit report [--from DATE --to DATE] [--out FILE.pdf] [--csv FILE]\n"
    "      the audit program report of the period (default: everything up to now): access per user with purposes\n"
    "      and case numbers, meaningless purposes, expired training, unused accounts, failed logins and lockouts,\n"
    "      exports, releases and requests, holds, purges and retention, hot lists and alerts, units and undocking,\n"
    "      the chain verification and its anchor. --out writes the PDF for signature, --csv the figures; without\n"
    "      either a summary is printed. Needs View Audit.\n"
    "  alprctl audit sample --from DATE --to DATE --count N [--seed S]\n"
    "      draw N searches of the period at random for review (the same seed draws the same searches); prints the\n"
    "      sample id, the seed and the records. Needs Verify Audit.\n"
    "  alprctl audit review SAMPLE RECORD (--justified | --not-justified) [--note TEXT]\n"
    "      mark a sampled search (not justified needs a note)\n"
    "  alprctl audit signoff --from DATE --to DATE [--findings TEXT]\n"
    "      sign the period off with the chain head as it is now\n"
    "  alprctl audit program [--schedule weekly|monthly|quarterly] [--unused-days N] [--unit-days N]\n"
    "                        [--meaningless PATTERN]...\n"
    "      show or change the program: schedule, thresholds, the patterns of meaningless purposes (regular\n"
    "      expressions matched against the whole purpose or case number, case-insensitive); prints the period due\n"
    "Every step is audited.\n";

QString utc(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QStringLiteral("-");
}

VoidResult writeFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(ErrorCode::Io,
                    QStringLiteral("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

void printSummary(CliContext& c, const AuditProgramReport& r)
{
    QTextStream& o = c.out();
    o << "ALPR audit report " << utc(r.fromUtc) << " to " << utc(r.toUtc) << "\n";
    o << "chain\t"
      << (r.chain.intact ? QStringLiteral("intact, %1 records").arg(r.chain.recordsChecked)
                         : QStringLiteral("BROKEN: ") + r.chain.reason)
      << "\nanchor\t" << r.anchor.toString() << "\nrecords\t" << r.totalRecords << "\n\n";
    o << "user\tsearches\tcanvasses\tviews\texports\tcases\n";
    for (const auto& u : r.users)
        o << u.user << '\t' << u.searches << '\t' << u.canvasses << '\t' << u.views << '\t' << u.exports << '\t'
          << u.cases.join(QLatin1Char(',')) << '\n';
    o << "\nmeaningless\t" << r.meaningless.size() << '\n';
    for (const auto& f : r.meaningless)
        o << "  record " << f.seq << '\t' << f.user << '\t' << f.action << "\tpurpose \"" << f.purpose << "\"\tcase \""
          << f.caseNumber << "\"\t" << f.why << '\n';
    o << "training_expired\t" << r.trainingExpired.size() << '\n';
    for (const auto& a : r.trainingExpired)
        o << "  " << a.user << "\tuntil " << (a.trainingUntil.isValid() ? a.trainingUntil.toString(Qt::ISODate) : "-")
          << "\tactions after expiry " << a.actionsAfterExpiry << '\n';
    o << "unused_accounts\t" << r.unusedAccounts.size() << '\n';
    for (const auto& a : r.unusedAccounts)
        o << "  " << a.user << "\tlast login " << utc(a.lastLoginUtc) << '\n';
    o << "failed_logins\t" << r.failedLogins << "\nlockouts\t" << r.lockouts << "\nexports\t" << r.exports
      << "\nreleases\t" << r.releases << "\nrequests_received\t" << r.requestsReceived << "\nrequests_closed\t"
      << r.requestsClosed << "\nrequests_open\t" << r.requestsOpen << "\nrequests_overdue\t" << r.requestsOverdue
      << "\nholds_placed\t" << r.holdsPlaced << "\nholds_released\t" << r.holdsReleased << "\npurge_runs\t"
      << r.purgeRuns << "\nreads_purged\t" << r.readsPurged << "\nreads_over_retention\t" << r.readsOverRetention
      << "\nhotlist_imports\t" << r.hotlistImports << "\nalerts_confirmed\t" << r.alertsConfirmed
      << "\nalerts_rejected\t" << r.alertsRejected << "\nmedian_minutes_to_confirm\t"
      << QString::number(r.medianConfirmationMinutes(), 'f', 1) << "\nsilent_units\t" << r.silentUnits.size()
      << "\nundock_requests\t" << r.undockRequests << "\nundock_approvals\t" << r.undockApprovals << '\n';
    o.flush();
}

void printSample(CliContext& c, const AuditSample& s)
{
    c.out() << "sample\t" << s.id << "\nseed\t" << s.seed << "\nperiod\t" << utc(s.fromUtc) << '\t' << utc(s.toUtc)
            << "\ndrawn\t" << s.items.size() << " of " << s.requested << " requested\n";
    c.out() << "record\ttime\tuser\taction\tpurpose\tcase\tverdict\tnote\n";
    for (const AuditSampleItem& i : s.items)
        c.out() << i.record.seq << '\t' << utc(i.record.timeUtc) << '\t' << i.record.user << '\t' << i.record.action
                << '\t' << i.record.purpose << '\t' << i.record.caseNumber << '\t'
                << (i.verdict == SampleVerdict::Unreviewed ? QStringLiteral("-") : sampleVerdictName(i.verdict)) << '\t'
                << i.note << '\n';
    c.out().flush();
}

Result<std::pair<QDateTime, QDateTime>> period(const CliOptions& options, bool required)
{
    auto from = parseCliTime(options.value(QStringLiteral("from")), false);
    if (!from)
        return std::unexpected(from.error());
    auto to = parseCliTime(options.value(QStringLiteral("to")), true);
    if (!to)
        return std::unexpected(to.error());
    if (required && (!from->isValid() || !to->isValid()))
        return fail(ErrorCode::InvalidInput, QStringLiteral("Give the period with --from DATE --to DATE"));
    return std::pair{*from, *to};
}

int report(CliContext& c, const CliOptions& options)
{
    auto when = period(options, false);
    if (!when)
        return c.report(when.error());
    const QString pdfPath = options.value(QStringLiteral("out"));
#ifndef ALPR_HAVE_AUDIT_PDF
    if (!pdfPath.isEmpty())
        return c.report(
            makeError(ErrorCode::Unsupported,
                      QStringLiteral("This alprctl was built without the PDF renderer (alpr_requests_pdf)")));
#endif
    auto session = c.login();
    if (!session)
        return c.report(session.error());
    const QDateTime from = when->first.isValid() ? when->first : QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    const QDateTime to = when->second.isValid() ? when->second : (*session)->clock().nowUtc();
    auto r = AuditProgramService(**session).report(from, to);
    if (!r)
        return c.report(r.error());
    if (!pdfPath.isEmpty()) {
#ifdef ALPR_HAVE_AUDIT_PDF
        auto pdf = AuditReportPdfRenderer().render(*r);
        if (!pdf)
            return c.report(pdf.error());
        if (auto written = writeFile(pdfPath, *pdf); !written)
            return c.report(written.error());
        c.err() << "Wrote " << QDir::toNativeSeparators(pdfPath) << Qt::endl;
#endif
    }
    if (options.has(QStringLiteral("csv"))) {
        if (auto written = writeFile(options.value(QStringLiteral("csv")), AuditReportCsv::render(*r)); !written)
            return c.report(written.error());
        c.err() << "Wrote " << QDir::toNativeSeparators(options.value(QStringLiteral("csv"))) << Qt::endl;
    }
    if (pdfPath.isEmpty() && !options.has(QStringLiteral("csv")))
        printSummary(c, *r);
    else
        c.out() << "anchor\t" << r->anchor.toString() << Qt::endl;
    return r->chain.intact ? ExitOk : ExitVerificationFailed;
}

int sample(CliContext& c, const CliOptions& options)
{
    auto when = period(options, true);
    if (!when)
        return c.report(when.error());
    bool ok = false;
    const int count = options.value(QStringLiteral("count")).toInt(&ok);
    if (!ok)
        return c.usage(QString::fromUtf8(kUsage));
    std::optional<quint64> seed;
    if (options.has(QStringLiteral("seed"))) {
        seed = options.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return c.report(makeError(ErrorCode::InvalidInput, QStringLiteral("--seed takes a whole number")));
    }
    auto session = c.login();
    if (!session)
        return c.report(session.error());
    auto drawn = AuditProgramService(**session).drawSample(when->first, when->second, count, seed);
    if (!drawn)
        return c.report(drawn.error());
    printSample(c, *drawn);
    return ExitOk;
}

int review(CliContext& c, const CliOptions& options)
{
    const QStringList words = options.positional();
    bool okSample = false;
    bool okRecord = false;
    const qint64 sampleId = words.value(0).toLongLong(&okSample);
    const qint64 record = words.value(1).toLongLong(&okRecord);
    const bool justified = options.has(QStringLiteral("justified"));
    if (words.size() != 2 || !okSample || !okRecord || justified == options.has(QStringLiteral("not-justified")))
        return c.usage(QString::fromUtf8(kUsage));
    auto session = c.login();
    if (!session)
        return c.report(session.error());
    AuditProgramService service(**session);
    if (auto marked =
            service.review(sampleId, record, justified ? SampleVerdict::Justified : SampleVerdict::NotJustified,
                           options.value(QStringLiteral("note")));
        !marked)
        return c.report(marked.error());
    auto s = service.sample(sampleId);
    if (!s)
        return c.report(s.error());
    c.err() << "Marked record " << record << "; " << s->reviewed() << " of " << s->items.size() << " reviewed"
            << Qt::endl;
    return ExitOk;
}

int signoff(CliContext& c, const CliOptions& options)
{
    auto when = period(options, true);
    if (!when)
        return c.report(when.error());
    auto session = c.login();
    if (!session)
        return c.report(session.error());
    auto signed_ =
        AuditProgramService(**session).signOff(when->first, when->second, options.value(QStringLiteral("findings")));
    if (!signed_)
        return c.report(signed_.error());
    c.out() << "signoff\t" << signed_->id << "\nanchor\t" << signed_->anchorCount << ':' << signed_->anchorHash
            << Qt::endl;
    return ExitOk;
}

int program(CliContext& c, const CliOptions& options)
{
    auto session = c.login();
    if (!session)
        return c.report(session.error());
    AuditProgramService service(**session);
    auto settings = service.settings();
    if (!settings)
        return c.report(settings.error());
    bool change = false;
    if (options.has(QStringLiteral("schedule"))) {
        const auto schedule = auditScheduleFromName(options.value(QStringLiteral("schedule")));
        if (!schedule)
            return c.report(
                makeError(ErrorCode::InvalidInput, QStringLiteral("--schedule is weekly, monthly or quarterly")));
        settings->schedule = *schedule;
        change = true;
    }
    for (const auto& [name, field] : {std::pair{QStringLiteral("unused-days"), &settings->unusedDays},
                                      std::pair{QStringLiteral("unit-days"), &settings->unitSilentDays}}) {
        if (!options.has(name))
            continue;
        bool ok = false;
        *field = options.value(name).toInt(&ok);
        if (!ok)
            return c.report(
                makeError(ErrorCode::InvalidInput, QStringLiteral("--%1 takes a number of days").arg(name)));
        change = true;
    }
    if (options.has(QStringLiteral("meaningless"))) {
        settings->meaninglessPatterns = options.values(QStringLiteral("meaningless"));
        change = true;
    }
    if (change)
        if (auto saved = service.saveSettings(*settings); !saved)
            return c.report(saved.error());
    c.out() << "schedule\t" << auditScheduleName(settings->schedule) << "\nunused_days\t" << settings->unusedDays
            << "\nunit_days\t" << settings->unitSilentDays << '\n';
    for (const QString& p : settings->meaninglessPatterns)
        c.out() << "meaningless\t" << p << '\n';
    auto due = service.duePeriod();
    if (!due)
        return c.report(due.error());
    c.out() << "due\t"
            << (*due ? QStringLiteral("%1 (%2 to %3)").arg((*due)->label(), utc((*due)->fromUtc), utc((*due)->toUtc))
                     : QStringLiteral("nothing: every period is signed off"))
            << Qt::endl;
    return ExitOk;
}

} // namespace

int runAuditProgramCommand(CliContext& c)
{
    const QString verb = c.arguments().value(0);
    auto options = CliOptions::parse(
        c.arguments().mid(1), {QStringLiteral("help"), QStringLiteral("justified"), QStringLiteral("not-justified")},
        {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("out"), QStringLiteral("csv"),
         QStringLiteral("count"), QStringLiteral("seed"), QStringLiteral("note"), QStringLiteral("findings"),
         QStringLiteral("schedule"), QStringLiteral("unused-days"), QStringLiteral("unit-days"),
         QStringLiteral("meaningless")});
    if (!options || options->has(QStringLiteral("help")))
        return c.usage(QString::fromUtf8(kUsage));
    if (verb == QLatin1String("review"))
        return review(c, *options);
    if (!options->positional().isEmpty())
        return c.usage(QString::fromUtf8(kUsage));
    if (verb == QLatin1String("report"))
        return report(c, *options);
    if (verb == QLatin1String("sample"))
        return sample(c, *options);
    if (verb == QLatin1String("signoff"))
        return signoff(c, *options);
    if (verb == QLatin1String("program"))
        return program(c, *options);
    return c.usage(QString::fromUtf8(kUsage));
}

} // namespace alpr::cli
