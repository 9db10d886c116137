#include "cli/SearchCommand.h"

#include "cli/CliContext.h"
#include "common/ValueParser.h"
#include "search/SearchService.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace alpr::cli {

namespace {

constexpr auto kUsage =
    "usage: alprctl search PATTERN [--tolerance 0|1|2] [--from ISO] [--to ISO] [--unit ID]... [--min-confidence X]\n"
    "                      [--area SOUTH,WEST,NORTH,EAST] [--limit N] --purpose TEXT --case NUMBER [--json]\n"
    "PATTERN: ? one character, * any run, [8B] one of a set; case, spaces and dashes are ignored.\n"
    "Tolerance 1 forgives OCR look-alikes (0/O/D/Q, 1/I/L/T/7, 8/B ...), 2 also one other substitution,\n"
    "extra or missing character.";

Result<QDateTime> parseTime(const QString& text)
{
    return ValueParser::utcTime(text);
}

Result<SearchQuery> parseQuery(const CliOptions& o)
{
    SearchQuery q;
    if (o.positional().size() != 1)
        return fail(ErrorCode::InvalidInput, QString::fromLatin1(kUsage));
    q.pattern = o.positional().first();
    bool ok = true;
    if (o.has(QStringLiteral("tolerance")))
        q.tolerance = o.value(QStringLiteral("tolerance")).toInt(&ok);
    if (!ok)
        return fail(ErrorCode::InvalidInput, QStringLiteral("--tolerance is 0, 1 or 2"));
    if (o.has(QStringLiteral("limit")))
        q.limit = o.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok)
        return fail(ErrorCode::InvalidInput, QStringLiteral("--limit is a number of reads"));
    for (const char* name : {"from", "to"}) {
        const QString key = QString::fromLatin1(name);
        if (!o.has(key))
            continue;
        auto time = parseTime(o.value(key));
        if (!time)
            return std::unexpected(time.error());
        (key == QLatin1String("from") ? q.filters.fromUtc : q.filters.toUtc) = *time;
    }
    q.filters.units = o.values(QStringLiteral("unit"));
    if (o.has(QStringLiteral("min-confidence"))) {
        q.filters.minConfidence = o.value(QStringLiteral("min-confidence")).toDouble(&ok);
        if (!ok)
            return fail(ErrorCode::InvalidInput, QStringLiteral("--min-confidence is a number from 0 to 1"));
    }
    if (o.has(QStringLiteral("area"))) {
        const QStringList parts = o.value(QStringLiteral("area")).split(QLatin1Char(','));
        double v[4] = {};
        for (int i = 0; i < 4 && ok; ++i)
            v[i] = parts.value(i).trimmed().toDouble(&ok);
        if (!ok || parts.size() != 4)
            return fail(ErrorCode::InvalidInput, QStringLiteral("--area is SOUTH,WEST,NORTH,EAST in decimal degrees"));
        q.filters.area = GeoRect{v[0], v[1], v[2], v[3]};
    }
    if (auto valid = SearchService::validate(q); !valid)
        return std::unexpected(valid.error());
    return q;
}

QString reading(const SearchHit& h)
{
    return h.alternativeRank == 0 ? QStringLiteral("best") : QStringLiteral("alternative %1").arg(h.alternativeRank);
}

} // namespace

int runSearchCommand(CliContext& c)
{
    auto options = CliOptions::parse(c.arguments(), {QStringLiteral("json")},
                                     {QStringLiteral("tolerance"), QStringLiteral("from"), QStringLiteral("to"),
                                      QStringLiteral("unit"), QStringLiteral("min-confidence"), QStringLiteral("area"),
                                      QStringLiteral("limit"), QStringLiteral("purpose"), QStringLiteral("case")});
    if (!options)
        return c.report(options.error());
    // Everything that can be checked is checked before a password is asked for.
    auto query = parseQuery(*options);
    if (!query)
        return c.report(query.error());
    const AccessPurpose purpose{options->value(QStringLiteral("purpose")), options->value(QStringLiteral("case"))};
    if (purpose.purpose.trimmed().isEmpty() || purpose.caseNumber.trimmed().isEmpty())
        return c.report(makeError(ErrorCode::PurposeRequired,
                                  QStringLiteral("Give --purpose and --case: every search of ALPR data states why, "
                                                 "for which case, and is recorded")));
    auto session = c.login();
    if (!session)
        return c.report(session.error());
    auto result = SearchService(**session).search(*query, purpose);
    if (!result)
        return c.report(result.error());

    const bool json = options->has(QStringLiteral("json"));
    if (!json)
        c.out() << "id\ttime_utc\tplate\tmatched\treading\tconfidence\tunit\tlat\tlon\tmatch\n";
    for (const SearchHit& h : result->hits) {
        const PlateRead& r = h.read;
        const QString time = r.timeUtc.toUTC().toString(Qt::ISODate);
        if (json) {
            QJsonObject o{{QStringLiteral("id"), r.id},
                          {QStringLiteral("plate"), r.plate},
                          {QStringLiteral("matched_plate"), h.matchedPlate},
                          {QStringLiteral("reading"), reading(h)},
                          {QStringLiteral("confidence"), r.confidence},
                          {QStringLiteral("time"), time},
                          {QStringLiteral("lat"), r.latitude ? QJsonValue(*r.latitude) : QJsonValue()},
                          {QStringLiteral("lon"), r.longitude ? QJsonValue(*r.longitude) : QJsonValue()},
                          {QStringLiteral("unit"), r.unitId},
                          {QStringLiteral("score"), h.score},
                          {QStringLiteral("match"), h.explanation}};
            c.out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        } else {
            c.out() << r.id << '\t' << time << '\t' << r.plate << '\t' << h.matchedPlate << '\t' << reading(h) << '\t'
                    << QString::number(r.confidence, 'f', 3) << '\t' << r.unitId << '\t'
                    << (r.latitude ? QString::number(*r.latitude, 'f', 6) : QString()) << '\t'
                    << (r.longitude ? QString::number(*r.longitude, 'f', 6) : QString()) << '\t' << h.explanation
                    << '\n';
        }
    }
    c.out().flush();
    c.err() << result->hits.size() << " reads from " << result->matchedPlates << " matching plate readings"
            << (result->truncated ? QStringLiteral(" (limit reached; narrow the search or raise --limit)") : QString())
            << "; audit record " << result->auditSeq << Qt::endl;
    return ExitOk;
}

} // namespace alpr::cli
