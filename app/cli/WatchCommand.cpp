#include "cli/WatchCommand.h"

#include "cli/CliContext.h"
#include "common/ValueParser.h"
#include "search/WatchService.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace alpr::cli {

namespace {

constexpr auto kUsage =
    "usage: alprctl watch add PATTERN --case NUMBER --crime TEXT [--tolerance 0|1|2] [--notes TEXT]\n"
    "                         [--expires ISO | --days N]\n"
    "       alprctl watch list [--all] [--json]\n"
    "       alprctl watch hits ID [--json]\n"
    "A watch entry is matched against all past reads at once and against every read imported until it expires\n"
    "(default tolerance 1, default expiry 90 days).";
constexpr int kDefaultDays = 90;

QString iso(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QJsonObject entryJson(const WatchEntry& e)
{
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("pattern"), e.pattern},
            {QStringLiteral("tolerance"), e.tolerance},
            {QStringLiteral("case"), e.caseNumber},
            {QStringLiteral("crime"), e.crimeType},
            {QStringLiteral("notes"), e.notes},
            {QStringLiteral("created"), iso(e.createdUtc)},
            {QStringLiteral("created_by"), e.createdBy},
            {QStringLiteral("expires"), iso(e.expiresUtc)},
            {QStringLiteral("hits"), e.hitCount}};
}

Result<NewWatchEntry> parseEntry(const CliOptions& o, const QDateTime& now)
{
    NewWatchEntry e;
    if (o.positional().size() != 1)
        return fail(ErrorCode::InvalidInput, QString::fromLatin1(kUsage));
    e.pattern = o.positional().first();
    e.caseNumber = o.value(QStringLiteral("case"));
    e.crimeType = o.value(QStringLiteral("crime"));
    e.notes = o.value(QStringLiteral("notes"));
    bool ok = true;
    if (o.has(QStringLiteral("tolerance")))
        e.tolerance = o.value(QStringLiteral("tolerance")).toInt(&ok);
    if (!ok)
        return fail(ErrorCode::InvalidInput, QStringLiteral("--tolerance is 0, 1 or 2"));
    if (o.has(QStringLiteral("expires"))) {
        const auto expires = ValueParser::utcTime(o.value(QStringLiteral("expires")), ValueParser::DayEdge::End);
        if (!expires)
            return fail(ErrorCode::InvalidInput,
                        QStringLiteral("--expires is an ISO 8601 time such as 2026-12-31T23:59:59Z"));
        e.expiresUtc = *expires;
    } else {
        const int days = o.has(QStringLiteral("days")) ? o.value(QStringLiteral("days")).toInt(&ok) : kDefaultDays;
        if (!ok)
            return fail(ErrorCode::InvalidInput, QStringLiteral("--days is a number of days"));
        e.expiresUtc = now.addDays(days);
    }
    return e;
}

void printHits(CliContext& c, const QList<WatchHit>& hits, bool json)
{
    if (!json)
        c.out() << "id\ttime_utc\tplate\tmatched\tfound\tunit\tlat\tlon\tmatch\n";
    for (const WatchHit& w : hits) {
        const PlateRead& r = w.hit.read;
        if (json) {
            const QJsonObject o{{QStringLiteral("id"), r.id},
                                {QStringLiteral("plate"), r.plate},
                                {QStringLiteral("matched_plate"), w.hit.matchedPlate},
                                {QStringLiteral("confidence"), r.confidence},
                                {QStringLiteral("time"), iso(r.timeUtc)},
                                {QStringLiteral("lat"), r.latitude ? QJsonValue(*r.latitude) : QJsonValue()},
                                {QStringLiteral("lon"), r.longitude ? QJsonValue(*r.longitude) : QJsonValue()},
                                {QStringLiteral("unit"), r.unitId},
                                {QStringLiteral("kind"), w.retro ? QStringLiteral("retro") : QStringLiteral("new")},
                                {QStringLiteral("found"), iso(w.foundUtc)},
                                {QStringLiteral("match"), w.hit.explanation}};
            c.out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        } else {
            c.out() << r.id << '\t' << iso(r.timeUtc) << '\t' << r.plate << '\t' << w.hit.matchedPlate << '\t'
                    << (w.retro ? "retro" : "new") << '\t' << r.unitId << '\t'
                    << (r.latitude ? QString::number(*r.latitude, 'f', 6) : QString()) << '\t'
                    << (r.longitude ? QString::number(*r.longitude, 'f', 6) : QString()) << '\t' << w.hit.explanation
                    << '\n';
        }
    }
}

} // namespace

int runWatchCommand(CliContext& c)
{
    const QString verb = c.arguments().value(0);
    if (verb != QLatin1String("add") && verb != QLatin1String("list") && verb != QLatin1String("hits"))
        return c.usage(QString::fromUtf8(kUsage));
    auto options = CliOptions::parse(c.arguments().mid(1), {QStringLiteral("json"), QStringLiteral("all")},
                                     {QStringLiteral("case"), QStringLiteral("crime"), QStringLiteral("tolerance"),
                                      QStringLiteral("notes"), QStringLiteral("expires"), QStringLiteral("days")});
    if (!options)
        return c.report(options.error());
    const bool json = options->has(QStringLiteral("json"));
    qint64 watchId = 0;
    if (verb == QLatin1String("hits")) {
        bool ok = false;
        watchId = options->positional().value(0).toLongLong(&ok);
        if (!ok || options->positional().size() != 1)
            return c.usage(QString::fromUtf8(kUsage));
    } else if (verb == QLatin1String("add") && options->positional().size() != 1) {
        return c.usage(QString::fromUtf8(kUsage));
    }

    auto session = c.login();
    if (!session)
        return c.report(session.error());
    WatchService service(**session);

    if (verb == QLatin1String("add")) {
        auto entry = parseEntry(*options, (*session)->clock().nowUtc());
        if (!entry)
            return c.report(entry.error());
        auto added = service.add(*entry);
        if (!added)
            return c.report(added.error());
        if (json)
            c.out() << QJsonDocument(entryJson(*added)).toJson(QJsonDocument::Compact) << '\n';
        else
            c.out() << "watch entry " << added->id << " (" << added->pattern << ", tolerance " << added->tolerance
                    << ", expires " << iso(added->expiresUtc) << "): " << added->hitCount << " past reads match\n";
        return ExitOk;
    }
    if (verb == QLatin1String("list")) {
        auto entries = service.list(options->has(QStringLiteral("all")));
        if (!entries)
            return c.report(entries.error());
        if (!json)
            c.out() << "id\tpattern\ttolerance\tcase\tcrime\texpires_utc\thits\n";
        for (const WatchEntry& e : *entries) {
            if (json)
                c.out() << QJsonDocument(entryJson(e)).toJson(QJsonDocument::Compact) << '\n';
            else
                c.out() << e.id << '\t' << e.pattern << '\t' << e.tolerance << '\t' << e.caseNumber << '\t'
                        << e.crimeType << '\t' << iso(e.expiresUtc) << '\t' << e.hitCount << '\n';
        }
        return ExitOk;
    }
    auto hits = service.hits(watchId);
    if (!hits)
        return c.report(hits.error());
    printHits(c, *hits, json);
    return ExitOk;
}

} // namespace alpr::cli
