#include "cli/ImportCommand.h"

#include "cli/CliContext.h"
#include "common/ValueParser.h"
#include "import/ImportService.h"

#include <QFileInfo>

#include <cmath>

namespace alpr::cli {

int runImportCommand(CliContext& c)
{
    auto options = CliOptions::parse(c.arguments(), {},
                                     {QStringLiteral("unit"), QStringLiteral("start"), QStringLiteral("gps"),
                                      QStringLiteral("location")});
    if (!options || options->positional().isEmpty() || options->value(QStringLiteral("unit")).isEmpty()) {
        return c.usage(QStringLiteral(
            "usage: alprctl import FILE... --unit ID [--start ISO8601] [--gps FILE | --location LAT,LON]"));
    }
    ImportRequest request;
    request.files = options->positional();
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
    JobContext job([&](qint64 done, qint64 total, const QString& stage) {
        if (total > 0)
            c.err() << QStringLiteral("\r%1% %2").arg(done * 100 / total, 3).arg(stage.left(50), -50) << Qt::flush;
    });
    auto summary = ImportService(**session, (*session)->database()).run(request, job);
    c.err() << '\n';
    if (!summary)
        return c.report(summary.error());
    for (const ImportFileOutcome& f : summary->files) {
        switch (f.status) {
        case ImportFileOutcome::Status::Imported:
            c.out() << "imported\t" << f.reads << '\t' << f.file << '\n';
            break;
        case ImportFileOutcome::Status::AlreadyImported:
            c.out() << "skipped\t" << f.reads << '\t' << f.file << '\n';
            c.err() << "note: " << QFileInfo(f.file).fileName() << " was imported before; skipped" << Qt::endl;
            break;
        case ImportFileOutcome::Status::Failed:
            c.out() << "failed\t0\t" << f.file << '\n';
            c.err() << "alprctl: " << QFileInfo(f.file).fileName() << ": " << f.message << Qt::endl;
            break;
        }
    }
    c.out() << "reads stored: " << summary->readsStored << ", watch hits: " << summary->watchHits << Qt::endl;
    return summary->failures() > 0 ? ExitOtherError : ExitOk;
}

} // namespace alpr::cli
