#include "cli/ImportCommand.h"

#include "cli/CliContext.h"
#include "cli/CliTime.h"
#include "common/ValueParser.h"
#include "import/ImportQueue.h"

#include <QFileInfo>

#include <cmath>

namespace alpr::cli {

namespace {

const QString kUsage = QStringLiteral(
    "usage: alprctl import FILE|FOLDER... --unit ID [--start ISO8601] [--gps FILE | --location LAT,LON]\n"
    "       alprctl import --resume [QUEUE]      continue an interrupted import queue (the newest by default)\n"
    "       alprctl import queue [--discard QUEUE]   list your unfinished queues, or give one up\n"
    "Folders are searched recursively for footage and photos. A footage file's GPS track is a .gpx, .nmea, .nma\n"
    "or .log file of the same name beside it, else --gps, else --location; its start time is --start, else the\n"
    "MP4/MOV creation time, else the file's modification time.");

QString timeLeft(const std::optional<qint64>& seconds)
{
    if (!seconds)
        return QStringLiteral("estimating");
    if (*seconds >= 3600)
        return QStringLiteral("%1 h %2 min left").arg(*seconds / 3600).arg((*seconds % 3600) / 60);
    if (*seconds >= 60)
        return QStringLiteral("%1 min left").arg((*seconds + 59) / 60);
    return QStringLiteral("%1 s left").arg(*seconds);
}

QString describe(const ImportQueueState& q)
{
    return QStringLiteral("%1\t%2\t%3\t%4 of %5 files left")
        .arg(q.id)
        .arg(formatCliTime(q.createdUtc), q.options.unitId)
        .arg(q.unfinished())
        .arg(q.items.size());
}

/// Runs a queue to its end with a progress line on stderr, then prints every file's outcome (stdout, one line a
/// file: status, reads, path) and the bad files with their reasons (stderr). Exit 4 when a file failed.
int runQueue(CliContext& c, ImportQueue& queue, qint64 id)
{
    JobContext job;
    auto summary = queue.run(id, job, [&](const ImportQueueProgress& p) {
        const qint64 percent = p.bytesTotal > 0 ? p.bytesDone * 100 / p.bytesTotal : 0;
        c.err() << QStringLiteral("\r%1% file %2/%3 %4 %5")
                       .arg(percent, 3)
                       .arg(p.fileIndex + 1)
                       .arg(p.fileCount)
                       .arg(QFileInfo(p.file).fileName().left(40), -40)
                       .arg(timeLeft(p.totalSecondsLeft), -20)
                << Qt::flush;
    });
    c.err() << '\n';
    if (!summary) {
        if (summary.error().isCancellation() || summary.error().code == ErrorCode::Database)
            c.err() << "alprctl: `alprctl import --resume " << id << "` continues this import" << Qt::endl;
        return c.report(summary.error());
    }
    for (const ImportQueueItem& f : summary->queue.items) {
        switch (f.status) {
        case ImportQueueItem::Status::Done:
            c.out() << "imported\t" << f.reads << '\t' << f.path << '\n';
            break;
        case ImportQueueItem::Status::Skipped:
            c.out() << "skipped\t" << f.reads << '\t' << f.path << '\n';
            c.err() << "note: " << QFileInfo(f.path).fileName() << " was imported before; skipped" << Qt::endl;
            break;
        case ImportQueueItem::Status::Failed:
            c.out() << "failed\t0\t" << f.path << '\n';
            break;
        case ImportQueueItem::Status::Pending:
        case ImportQueueItem::Status::Running:
            c.out() << "pending\t0\t" << f.path << '\n';
            break;
        }
    }
    const QList<ImportQueueItem> failed = summary->failed();
    if (!failed.isEmpty()) {
        c.err() << failed.size() << " file(s) could not be imported:" << Qt::endl;
        for (const ImportQueueItem& f : failed)
            c.err() << "alprctl: " << QFileInfo(f.path).fileName() << ": " << f.reason << "  (" << f.path << ")"
                    << Qt::endl;
    }
    c.out() << "reads stored: " << summary->readsStored << ", watch hits: " << summary->watchHits << Qt::endl;
    return failed.isEmpty() ? ExitOk : ExitOtherError;
}

/// A queue number given to an option: 0 when the text is empty, nullopt (with the message printed) when it is not
/// a positive number.
std::optional<qint64> queueNumber(CliContext& c, const QString& text, const QString& option)
{
    if (text.isEmpty())
        return 0;
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0) {
        c.err() << "alprctl: " << option << " takes a queue number (see `alprctl import queue`)" << Qt::endl;
        return std::nullopt;
    }
    return id;
}

int queueCommand(CliContext& c, const QStringList& arguments)
{
    auto options = CliOptions::parse(arguments, {}, {QStringLiteral("discard")});
    if (!options || !options->positional().isEmpty())
        return c.usage(kUsage);
    const auto discard = queueNumber(c, options->value(QStringLiteral("discard")), QStringLiteral("--discard"));
    if (!discard)
        return ExitUsage;
    auto session = c.login();
    if (!session)
        return c.report(session.error());
    ImportQueue queue(**session, (*session)->database());
    if (*discard > 0) {
        if (auto done = queue.discard(*discard); !done)
            return c.report(done.error());
        c.out() << "discarded import queue " << *discard << "; what it imported stays" << Qt::endl;
        return ExitOk;
    }
    auto open = queue.unfinished();
    if (!open)
        return c.report(open.error());
    c.out() << "queue\tcreated\tunit\tfiles left" << '\n';
    for (const ImportQueueState& q : *open)
        c.out() << describe(q) << '\n';
    c.out() << Qt::flush;
    return ExitOk;
}

int resumeCommand(CliContext& c, const CliOptions& options)
{
    if (options.positional().size() > 1)
        return c.usage(kUsage);
    const auto given = queueNumber(c, options.positional().value(0), QStringLiteral("--resume"));
    if (!given)
        return ExitUsage;
    qint64 id = *given;
    auto session = c.login();
    if (!session)
        return c.report(session.error());
    ImportQueue queue(**session, (*session)->database());
    if (id == 0) {
        auto open = queue.unfinished();
        if (!open)
            return c.report(open.error());
        if (open->isEmpty()) {
            c.err() << "alprctl: you have no unfinished import queue" << Qt::endl;
            return ExitOtherError;
        }
        id = open->first().id;
    }
    c.err() << "resuming import queue " << id << Qt::endl;
    return runQueue(c, queue, id);
}

} // namespace

int runImportCommand(CliContext& c)
{
    if (c.arguments().value(0) == QLatin1String("queue") && !QFileInfo::exists(QStringLiteral("queue")))
        return queueCommand(c, c.arguments().mid(1));
    auto options = CliOptions::parse(
        c.arguments(), {QStringLiteral("resume")},
        {QStringLiteral("unit"), QStringLiteral("start"), QStringLiteral("gps"), QStringLiteral("location")});
    if (options && options->has(QStringLiteral("resume")))
        return resumeCommand(c, *options);
    if (!options || options->positional().isEmpty() || options->value(QStringLiteral("unit")).isEmpty())
        return c.usage(kUsage);
    ImportQueueOptions request;
    request.unitId = options->value(QStringLiteral("unit"));
    request.gpsTrackFile = options->value(QStringLiteral("gps"));
    if (options->has(QStringLiteral("start"))) {
        const auto start = ValueParser::utcTime(options->value(QStringLiteral("start")));
        if (!start) {
            c.err() << "alprctl: --start must be an ISO 8601 time, e.g. 2026-11-02T14:05:00Z" << Qt::endl;
            return ExitUsage;
        }
        request.startUtc = *start;
    }
    if (options->has(QStringLiteral("location"))) {
        // Refuses NaN and positions off the globe too: every read of the import would carry it.
        const auto location = ValueParser::position(options->value(QStringLiteral("location")));
        if (!location) {
            c.err() << "alprctl: --location must be LAT,LON in decimal degrees (latitude -90 to 90, longitude -180 to 180)" << Qt::endl;
            return ExitUsage;
        }
        request.latitude = location->latitude;
        request.longitude = location->longitude;
    }

    auto session = c.login();
    if (!session)
        return c.report(session.error());
    ImportQueue queue(**session, (*session)->database());
    if (auto open = queue.unfinished(); open && !open->isEmpty())
        c.err() << "note: import queue " << open->first().id << " (" << open->first().unfinished()
                << " file(s) left) is unfinished; `alprctl import --resume " << open->first().id << "` continues it"
                << Qt::endl;
    auto id = queue.create(options->positional(), request);
    if (!id)
        return c.report(id.error());
    return runQueue(c, queue, *id);
}

} // namespace alpr::cli
