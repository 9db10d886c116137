#include "cli/CanvassCommand.h"

#include "canvass/CanvassExport.h"
#include "canvass/CanvassService.h"
#include "cli/CliContext.h"
#include "common/ValueParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace alpr::cli {

namespace {

constexpr auto kUsage = "usage: alprctl canvass --at LAT,LON --radius METRES | --polygon \"LAT,LON;LAT,LON;...\"\n"
                        "                       [--from ISO --to ISO] --purpose TEXT --case NUMBER [--json] [--group]\n"
                        "                       [--save-scene LABEL]";
constexpr qint64 kDefaultWindowSecs = 24 * 3600;

Result<GeoPoint> parsePoint(const QString& text)
{
    auto p = ValueParser::position(text);
    if (!p)
        return std::unexpected(p.error());
    return GeoPoint{p->latitude, p->longitude};
}

Result<CanvassArea> parseArea(const CliOptions& options)
{
    const bool circle = options.has(QStringLiteral("at"));
    if (circle == options.has(QStringLiteral("polygon")))
        return fail(ErrorCode::InvalidInput, QStringLiteral("Give either --at with --radius, or --polygon"));
    if (circle) {
        auto centre = parsePoint(options.value(QStringLiteral("at")));
        if (!centre)
            return std::unexpected(centre.error());
        if (!options.has(QStringLiteral("radius")))
            return fail(ErrorCode::InvalidInput, QStringLiteral("Give the radius in metres with --radius"));
        auto radius =
            ValueParser::number(options.value(QStringLiteral("radius")), QStringLiteral("--radius in metres"));
        if (!radius)
            return std::unexpected(radius.error());
        return CanvassArea::circle(*centre, *radius);
    }
    auto points = ValueParser::positions(options.value(QStringLiteral("polygon")));
    if (!points)
        return std::unexpected(points.error());
    QList<GeoPoint> vertices;
    for (const LatLon& p : *points)
        vertices.append({p.latitude, p.longitude});
    return CanvassArea::polygon(vertices);
}

/// ISO 8601; a time without a zone is UTC (what the audit trail and exports show).
Result<QDateTime> parseIsoTime(const QString& text)
{
    return ValueParser::utcTime(text);
}

Result<CanvassQuery> parseQuery(const CliOptions& options, const QDateTime& now)
{
    auto area = parseArea(options);
    if (!area)
        return std::unexpected(area.error());
    CanvassQuery query;
    query.area = *area;
    if (options.has(QStringLiteral("from"))) {
        auto from = parseIsoTime(options.value(QStringLiteral("from")));
        if (!from)
            return std::unexpected(from.error());
        query.fromUtc = *from;
    }
    if (options.has(QStringLiteral("to"))) {
        auto to = parseIsoTime(options.value(QStringLiteral("to")));
        if (!to)
            return std::unexpected(to.error());
        query.toUtc = *to;
    }
    if (!query.toUtc.isValid())
        query.toUtc = query.fromUtc.isValid() ? query.fromUtc.addSecs(kDefaultWindowSecs) : now;
    if (!query.fromUtc.isValid())
        query.fromUtc = query.toUtc.addSecs(-kDefaultWindowSecs);
    if (auto valid = query.validate(); !valid)
        return std::unexpected(valid.error());
    return query;
}

QString isoUtc(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QJsonArray toJsonArray(const QStringList& list)
{
    return QJsonArray::fromStringList(list);
}

void printReads(CliContext& c, const CanvassResult& result, bool json)
{
    if (!json)
        c.out() << "time_utc\tplate\tunit\tlatitude\tlongitude\tdistance_m\n";
    for (const CanvassRead& r : result.reads) {
        if (json) {
            const QJsonObject object{{QStringLiteral("id"), r.id},
                                     {QStringLiteral("plate"), r.plate},
                                     {QStringLiteral("time"), isoUtc(r.timeUtc)},
                                     {QStringLiteral("lat"), r.position.latitude},
                                     {QStringLiteral("lon"), r.position.longitude},
                                     {QStringLiteral("unit"), r.unitId},
                                     {QStringLiteral("confidence"), r.confidence},
                                     {QStringLiteral("distance_m"), qRound(r.distanceMetres * 10) / 10.0}};
            c.out() << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
        } else {
            c.out() << isoUtc(r.timeUtc) << '\t' << r.plate << '\t' << r.unitId << '\t'
                    << QString::number(r.position.latitude, 'f', 6) << '\t'
                    << QString::number(r.position.longitude, 'f', 6) << '\t'
                    << QString::number(r.distanceMetres, 'f', 0) << '\n';
        }
    }
}

void printPlates(CliContext& c, const CanvassResult& result, bool json)
{
    if (!json)
        c.out() << "plate\treads\tfirst_utc\tlast_utc\tunits\talso_at_scenes\n";
    for (const CanvassPlateGroup& g : result.plates) {
        if (json) {
            QJsonArray ids;
            for (int index : g.readIndexes)
                ids.append(result.reads[index].id);
            const QJsonObject object{{QStringLiteral("plate"), g.plate},
                                     {QStringLiteral("reads"), g.count},
                                     {QStringLiteral("first"), isoUtc(g.firstSeenUtc)},
                                     {QStringLiteral("last"), isoUtc(g.lastSeenUtc)},
                                     {QStringLiteral("units"), toJsonArray(g.units)},
                                     {QStringLiteral("several_scenes"), g.seenAtSeveralScenes()},
                                     {QStringLiteral("other_scenes"), toJsonArray(g.otherScenes)},
                                     {QStringLiteral("read_ids"), ids}};
            c.out() << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
        } else {
            c.out() << g.plate << '\t' << g.count << '\t' << isoUtc(g.firstSeenUtc) << '\t' << isoUtc(g.lastSeenUtc)
                    << '\t' << g.units.join(QLatin1Char(',')) << '\t' << g.otherScenes.join(QStringLiteral("; "))
                    << '\n';
        }
    }
}

} // namespace

int runCanvassCommand(CliContext& c)
{
    auto options = CliOptions::parse(c.arguments(), {QStringLiteral("json"), QStringLiteral("group")},
                                     {QStringLiteral("at"), QStringLiteral("radius"), QStringLiteral("polygon"),
                                      QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("purpose"),
                                      QStringLiteral("case"), QStringLiteral("save-scene")});
    if (!options || !options->positional().isEmpty()) {
        if (!options)
            c.err() << "alprctl: " << options.error().message << '\n';
        return c.usage(QString::fromUtf8(kUsage));
    }
    const AccessPurpose purpose{options->value(QStringLiteral("purpose")), options->value(QStringLiteral("case"))};
    // Usage errors before the password prompt; the window is computed again below with the session's clock.
    if (auto early = parseQuery(*options, QDateTime::currentDateTimeUtc()); !early)
        return c.report(early.error());

    auto session = c.login();
    if (!session)
        return c.report(session.error());
    Session& s = **session;
    auto query = parseQuery(*options, s.clock().nowUtc());
    if (!query)
        return c.report(query.error());

    CanvassService service(s, s.database());
    if (options->has(QStringLiteral("save-scene"))) {
        auto scene = service.saveScene(options->value(QStringLiteral("save-scene")), *query, purpose);
        if (!scene)
            return c.report(scene.error());
        c.err() << "Saved scene '" << scene->label << "' under case " << scene->caseNumber << '\n';
    }
    auto result = service.run(*query, purpose);
    if (!result)
        return c.report(result.error());

    const bool json = options->has(QStringLiteral("json"));
    if (options->has(QStringLiteral("group")))
        printPlates(c, *result, json);
    else
        printReads(c, *result, json);
    c.out().flush();
    const qsizetype repeat = std::count_if(result->plates.cbegin(), result->plates.cend(),
                                           [](const CanvassPlateGroup& g) { return g.seenAtSeveralScenes(); });
    c.err() << "Canvass " << result->query.area.describe() << ", " << CanvassExport::describeWindow(result->query)
            << ": " << result->reads.size() << " reads, " << result->plates.size() << " plates, " << repeat
            << " also read at other scenes of case " << result->purpose.caseNumber << " (audit record "
            << result->auditSeq << ")" << Qt::endl;
    return ExitOk;
}

} // namespace alpr::cli
