#include "cli/RetentionCommand.h"

#include "cli/CancelOnInterrupt.h"
#include "cli/CliContext.h"
#include "evidence/PurgeJob.h"
#include "evidence/RetentionPolicy.h"

namespace alpr::cli {

namespace {

const char* const kUsage =
    "usage:\n"
    "  alprctl retention show\n"
    "  alprctl retention set [--reads-days N] [--case-reads-days N] [--images-days N]\n"
    "                        [--max-reads-days N|none] [--max-case-reads-days N|none] [--max-images-days N|none]\n"
    "      days: how long a class is kept (never below 365); max: a cap for agencies whose law limits retention\n"
    "  alprctl retention dry-run                what a purge would remove now, by month and class\n"
    "  alprctl retention purge --yes [--batch N]\n"
    "      purge in batches (Ctrl-C cancels after the current batch; run it again to resume), then scrub the store\n"
    "Classes: reads (not linked to a case or hit), case-reads (linked), images (crops and context images of reads\n"
    "kept longer). Held reads are never purged.\n";

QString day(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

int show(CliContext& c, Session& session)
{
    auto settings = RetentionPolicy(session).settings();
    if (!settings)
        return c.report(settings.error());
    c.out() << "class\tdays\tmax_days\tupdated_by\tupdated_utc" << Qt::endl;
    for (const RetentionSetting& s : *settings)
        c.out() << retentionClassName(s.dataClass) << '\t' << s.days << '\t'
                << (s.maxDays ? QString::number(*s.maxDays) : QStringLiteral("none")) << '\t' << s.updatedBy << '\t'
                << s.updatedUtc.toString(Qt::ISODate) << Qt::endl;
    return ExitOk;
}

int set(CliContext& c, Session& session, const CliOptions& options)
{
    RetentionPolicy policy(session);
    bool changed = false;
    for (RetentionClass dataClass : {RetentionClass::Reads, RetentionClass::CaseReads, RetentionClass::Images}) {
        const QString name = retentionClassName(dataClass);
        const QString maxOption = QStringLiteral("max-%1-days").arg(name);
        // The cap first, so raising both the cap and the days in one command works.
        if (options.has(maxOption)) {
            const QString text = options.value(maxOption);
            bool ok = text == QLatin1String("none");
            const int maxDays = ok ? 0 : text.toInt(&ok);
            if (!ok)
                return c.report(makeError(ErrorCode::InvalidInput,
                                          QStringLiteral("--%1 takes a number of days or 'none'").arg(maxOption)));
            auto done = policy.setMaximum(dataClass,
                                          text == QLatin1String("none") ? std::nullopt : std::optional<int>(maxDays));
            if (!done)
                return c.report(done.error());
            changed = true;
        }
        const QString daysOption = QStringLiteral("%1-days").arg(name);
        if (options.has(daysOption)) {
            bool ok = false;
            const int days = options.value(daysOption).toInt(&ok);
            if (!ok)
                return c.report(
                    makeError(ErrorCode::InvalidInput, QStringLiteral("--%1 takes a number of days").arg(daysOption)));
            if (auto done = policy.setDays(dataClass, days); !done)
                return c.report(done.error());
            changed = true;
        }
    }
    if (!changed)
        return c.usage(QString::fromUtf8(kUsage));
    return show(c, session);
}

int dryRun(CliContext& c, Session& session)
{
    auto plan = PurgeJob(session, session.database()).dryRun();
    if (!plan)
        return c.report(plan.error());
    c.err() << "Cut-offs: reads before " << day(plan->readsCutoff) << ", case-reads before "
            << day(plan->caseReadsCutoff) << ", images before " << day(plan->imagesCutoff) << " (UTC)" << Qt::endl;
    c.out() << "month\tclass\treads\timages" << Qt::endl;
    for (const PurgeMonthCount& row : plan->rows)
        c.out() << row.month << '\t' << retentionClassName(row.dataClass) << '\t' << row.reads << '\t' << row.images
                << Qt::endl;
    c.out() << "total\t\t" << plan->totalReads() << '\t' << plan->totalImages() << Qt::endl;
    c.err() << plan->heldReadsKept << " read(s) past retention are kept because a hold protects them" << Qt::endl;
    return ExitOk;
}

int purge(CliContext& c, Session& session, const CliOptions& options)
{
    PurgeJob job(session, session.database());
    if (!options.has(QStringLiteral("yes"))) {
        const int shown = dryRun(c, session);
        if (shown == ExitOk)
            c.err() << "Nothing was removed. Run `alprctl retention purge --yes` to purge." << Qt::endl;
        return shown == ExitOk ? ExitUsage : shown;
    }
    bool ok = true;
    const int batch = options.has(QStringLiteral("batch")) ? options.value(QStringLiteral("batch")).toInt(&ok)
                                                           : PurgeJob::kDefaultBatchSize;
    if (!ok || batch <= 0)
        return c.report(makeError(ErrorCode::InvalidInput, QStringLiteral("--batch takes a positive number")));
    if (auto unfinished = job.unfinishedRun(); unfinished && *unfinished)
        c.err() << "Resuming purge run " << (*unfinished)->id << " (" << (*unfinished)->readsDeleted
                << " reads already removed)" << Qt::endl;
    QString lastStage;
    JobContext context([&](qint64 done, qint64 total, const QString& stage) {
        if (stage != lastStage)
            c.err() << stage << "..." << Qt::endl;
        lastStage = stage;
        if (total > 0 && done < total && done % (10 * batch) == 0)
            c.err() << "  " << done << " / " << total << Qt::endl;
    });
    // Ctrl-C asks the running purge to stop after its batch.
    auto summary = [&] {
        const CancelOnInterrupt interrupt(context);
        return job.run(context, batch);
    }();
    if (!summary)
        return c.report(summary.error());
    c.out() << "run\t" << summary->run.id << "\nreads_removed\t" << summary->run.readsDeleted << "\nimages_removed\t"
            << summary->run.imagesDeleted << "\nbatches\t" << summary->run.batches << Qt::endl;
    if (!summary->walTruncated)
        c.err() << "Note: the store's write-ahead log still holds former pages (another program had the store open, "
                   "or the server does its own checkpoints); they are overwritten at the next checkpoint."
                << Qt::endl;
    return ExitOk;
}

} // namespace

int runRetentionCommand(CliContext& c)
{
    const QString verb = c.arguments().value(0);
    QStringList valued{QStringLiteral("batch")};
    for (const QString& name : {QStringLiteral("reads"), QStringLiteral("case-reads"), QStringLiteral("images")})
        valued << name + QStringLiteral("-days") << QStringLiteral("max-") + name + QStringLiteral("-days");
    auto options = CliOptions::parse(c.arguments().mid(1), {QStringLiteral("yes"), QStringLiteral("help")}, valued);
    const QStringList verbs{QStringLiteral("show"), QStringLiteral("set"), QStringLiteral("dry-run"),
                            QStringLiteral("purge")};
    if (!options || options->has(QStringLiteral("help")) || !options->positional().isEmpty() || !verbs.contains(verb))
        return c.usage(QString::fromUtf8(kUsage));
    auto session = c.login();
    if (!session)
        return c.report(session.error());
    if (verb == QLatin1String("show"))
        return show(c, **session);
    if (verb == QLatin1String("set"))
        return set(c, **session, *options);
    if (verb == QLatin1String("dry-run"))
        return dryRun(c, **session);
    return purge(c, **session, *options);
}

} // namespace alpr::cli
