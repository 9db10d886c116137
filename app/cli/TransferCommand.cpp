#include "cli/TransferCommand.h"

#include "cli/CliTime.h"
#include "cli/CliContext.h"
#include "transfers/TransferFolderWatcher.h"
#include "transfers/TransferService.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

namespace alpr::cli {

namespace {

constexpr auto kUsage =
    "usage: alprctl transfer import DIR|ARCHIVE [--unit ID] [--json]\n"
    "       alprctl transfer list [--unit ID] [--json]\n"
    "       alprctl transfer watch DIR [--once] [--interval SECONDS] [--settle SECONDS]\n"
    "DIR is a unit's offload (a folder with manifest.json; docs/transfers.md), ARCHIVE a .zip, .tar, .tar.gz or .tgz\n"
    "of one. Nothing is stored unless the whole\n"
    "offload verifies (exit 3 otherwise, with the reason). An interrupted import resumes where it stopped.\n"
    "watch imports every complete offload that appears in DIR (or one level below), once; --once scans one time.";
constexpr int kDefaultIntervalSeconds = 60;

QString statusName(TransferOutcome::Status s)
{
    switch (s) {
    case TransferOutcome::Status::Imported: return QStringLiteral("imported");
    case TransferOutcome::Status::AlreadyImported: return QStringLiteral("already-imported");
    case TransferOutcome::Status::Failed: return QStringLiteral("failed");
    case TransferOutcome::Status::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

void printOutcome(CliContext& c, const TransferOutcome& o, bool json)
{
    if (json) {
        const QJsonObject j{{QStringLiteral("transfer"), o.transferId},
                            {QStringLiteral("status"), statusName(o.status)},
                            {QStringLiteral("source"), o.source},
                            {QStringLiteral("unit"), o.unitId},
                            {QStringLiteral("declared_reads"), o.declaredReads},
                            {QStringLiteral("stored_reads"), o.storedReads},
                            {QStringLiteral("duplicate_reads"), o.duplicateReads},
                            {QStringLiteral("resumed"), o.resumed},
                            {QStringLiteral("undocked_without_approval"), o.undockedWithoutApproval},
                            {QStringLiteral("watch_hits"), o.watchHits},
                            {QStringLiteral("reason"), o.reason}};
        c.out() << QJsonDocument(j).toJson(QJsonDocument::Compact) << '\n';
        c.out().flush();
        return;
    }
    switch (o.status) {
    case TransferOutcome::Status::Imported:
        c.out() << "transfer " << o.transferId << " from unit " << o.unitId << (o.resumed ? " (resumed)" : "") << ": "
                << o.storedReads << " new reads, " << o.duplicateReads << " already stored, " << o.watchHits
                << " watch hits" << (o.undockedWithoutApproval ? "; FLAGGED: undocked without approval" : "") << '\n';
        break;
    case TransferOutcome::Status::AlreadyImported:
        c.out() << o.source << ": imported before (transfer " << o.transferId << "), skipped\n";
        break;
    case TransferOutcome::Status::Failed:
    case TransferOutcome::Status::Cancelled:
        c.out() << o.source << ": FAILED — " << o.reason << '\n';
        break;
    }
    c.out().flush();
}

int watch(CliContext& c, Session& session, const QString& folder, const CliOptions& o)
{
    bool ok = true;
    const int interval = o.value(QStringLiteral("interval"), QString::number(kDefaultIntervalSeconds)).toInt(&ok);
    if (!ok || interval < 1)
        return c.report(makeError(ErrorCode::InvalidInput, QStringLiteral("--interval is a number of seconds")));
    const int settle =
        o.value(QStringLiteral("settle"), QString::number(TransferFolderWatcher::kDefaultSettleSeconds)).toInt(&ok);
    if (!ok || settle < 0)
        return c.report(makeError(ErrorCode::InvalidInput, QStringLiteral("--settle is a number of seconds")));
    TransferFolderWatcher watcher(session, session.database(), settle);
    const bool once = o.has(QStringLiteral("once"));
    if (!once)
        c.err() << "Watching " << folder << " every " << interval << " s (Ctrl+C to stop)" << Qt::endl;
    for (;;) {
        JobContext job;
        auto outcomes = watcher.scanOnce(folder, job);
        if (!outcomes)
            return c.report(outcomes.error());
        bool anyFailed = false;
        for (const TransferOutcome& outcome : *outcomes) {
            printOutcome(c, outcome, o.has(QStringLiteral("json")));
            anyFailed = anyFailed || outcome.status == TransferOutcome::Status::Failed;
        }
        if (once)
            return anyFailed ? ExitVerificationFailed : ExitOk;
        QThread::sleep(interval);
    }
}

} // namespace

int runTransferCommand(CliContext& c)
{
    const QString verb = c.arguments().value(0);
    if (verb != QLatin1String("import") && verb != QLatin1String("list") && verb != QLatin1String("watch"))
        return c.usage(QString::fromUtf8(kUsage));
    auto options = CliOptions::parse(c.arguments().mid(1), {QStringLiteral("json"), QStringLiteral("once")},
                                     {QStringLiteral("unit"), QStringLiteral("interval"), QStringLiteral("settle")});
    if (!options)
        return c.report(options.error());
    const bool json = options->has(QStringLiteral("json"));
    if (verb != QLatin1String("list") && options->positional().size() != 1)
        return c.usage(QString::fromUtf8(kUsage));

    auto session = c.login();
    if (!session)
        return c.report(session.error());
    if (verb == QLatin1String("watch"))
        return watch(c, **session, options->positional().first(), *options);
    TransferService service(**session, (*session)->database());
    if (verb == QLatin1String("import")) {
        qint64 lastPercent = -1;
        JobContext job([&](qint64 done, qint64 total, const QString& stage) {
            const qint64 percent = total > 0 ? done * 100 / total : 0;
            if (percent / 10 != lastPercent / 10 && !stage.isEmpty())
                c.err() << stage << ' ' << percent << " %" << Qt::endl;
            lastPercent = percent;
        });
        auto outcome = service.importOffload(options->positional().first(), job, options->value(QStringLiteral("unit")));
        if (!outcome)
            return c.report(outcome.error());
        printOutcome(c, *outcome, json);
        return ExitOk;
    }
    auto records = service.list(options->value(QStringLiteral("unit")));
    if (!records)
        return c.report(records.error());
    if (!json)
        c.out() << "id\tunit\tstatus\tfrom_utc\tto_utc\tdeclared\tstored\tduplicates\tby\tstarted_utc\tflags\treason\n";
    for (const TransferRecord& r : *records) {
        if (json) {
            const QJsonObject j{{QStringLiteral("id"), r.id},
                                {QStringLiteral("unit"), r.unitId},
                                {QStringLiteral("status"), r.status},
                                {QStringLiteral("source"), r.source},
                                {QStringLiteral("format"), r.format},
                                {QStringLiteral("from"), formatCliTime(r.periodFromUtc)},
                                {QStringLiteral("to"), formatCliTime(r.periodToUtc)},
                                {QStringLiteral("declared_reads"), r.declaredReads},
                                {QStringLiteral("stored_reads"), r.storedReads},
                                {QStringLiteral("duplicate_reads"), r.duplicateReads},
                                {QStringLiteral("manifest_sha256"), r.manifestSha256},
                                {QStringLiteral("undocked_without_approval"), r.undockedWithoutApproval},
                                {QStringLiteral("imported_by"), r.importedBy},
                                {QStringLiteral("started"), formatCliTime(r.startedUtc)},
                                {QStringLiteral("finished"), formatCliTime(r.finishedUtc)},
                                {QStringLiteral("reason"), r.reason}};
            c.out() << QJsonDocument(j).toJson(QJsonDocument::Compact) << '\n';
        } else {
            c.out() << r.id << '\t' << r.unitId << '\t' << r.status << '\t' << formatCliTime(r.periodFromUtc) << '\t'
                    << formatCliTime(r.periodToUtc) << '\t' << r.declaredReads << '\t' << r.storedReads << '\t'
                    << r.duplicateReads << '\t' << r.importedBy << '\t' << formatCliTime(r.startedUtc) << '\t'
                    << (r.undockedWithoutApproval ? "undocked-without-approval" : "") << '\t' << r.reason << '\n';
        }
    }
    return ExitOk;
}

} // namespace alpr::cli
