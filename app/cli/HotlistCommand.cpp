#include "cli/HotlistCommand.h"

#include "cli/CliTime.h"
#include "cli/CliContext.h"
#include "hotlists/HotlistService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace alpr::cli {

namespace {

constexpr auto kUsage =
    "usage: alprctl hotlist import FILE --format ncic|cadoj|csv --name NAME [--category C] [--priority 1|2|3]\n"
    "                              [--lookalike] [--expires ISO] [--preview] [--json]\n"
    "       alprctl hotlist list [--json]\n"
    "       alprctl hotlist versions LIST [--json]\n"
    "       alprctl hotlist entries LIST [--plate PREFIX] [--limit N] [--json]\n"
    "       alprctl hotlist entry add PLATE --category C --reason TEXT [--state ST] [--priority 1|2|3]\n"
    "                                 [--days N | --expires ISO] [--notes TEXT] [--exact]\n"
    "       alprctl hotlist entry remove ID --reason TEXT\n"
    "       alprctl hotlist settings [--stale-hours N] [--retro-days N] [--reject-reasons \"A|B|C\"]\n"
    "LIST is a list's name or id. A load replaces the list atomically and matches it against the reads of the last\n"
    "retro-days days; bad lines are reported by number and skipped (--preview reports without loading).\n"
    "Categories: stolen-vehicle stolen-plate wanted-person missing-person felony-vehicle amber-alert bolo other.\n"
    "An amber-alert or missing-person entry is matched against past reads at once. CLETS fields (NIC, ORI,\n"
    "incident date, record vehicle and text) are shown only to CLETS-authorized users.";
constexpr int kDefaultEntryDays = 7;

void printJson(CliContext& c, const QJsonObject& o)
{
    c.out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
}

QJsonObject listJson(const Hotlist& h)
{
    return {{QStringLiteral("id"), h.id},
            {QStringLiteral("name"), h.name},
            {QStringLiteral("source"), h.source},
            {QStringLiteral("category"), h.category},
            {QStringLiteral("priority"), h.priority},
            {QStringLiteral("lookalike"), h.lookAlike},
            {QStringLiteral("expires"), h.expiresUtc ? QJsonValue(formatCliTime(*h.expiresUtc)) : QJsonValue()},
            {QStringLiteral("refreshed"), formatCliTime(h.refreshedUtc)},
            {QStringLiteral("entries"), h.entryCount},
            {QStringLiteral("version"), h.version},
            {QStringLiteral("stale"), h.stale}};
}

QJsonObject cletsJson(const CletsFields& f)
{
    if (f.redacted)
        return {{QStringLiteral("redacted"), true}};
    return {{QStringLiteral("nic"), f.nic},
            {QStringLiteral("ori"), f.ori},
            {QStringLiteral("incident_date"), f.incidentDate},
            {QStringLiteral("vehicle"), f.vehicle},
            {QStringLiteral("record"), f.recordText}};
}

Result<std::optional<QDateTime>> expiryOption(const CliOptions& o)
{
    if (!o.has(QStringLiteral("expires")))
        return std::optional<QDateTime>();
    QDateTime t = QDateTime::fromString(o.value(QStringLiteral("expires")), Qt::ISODate);
    if (t.isValid() && t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC);
    if (!t.isValid())
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("--expires is an ISO 8601 time such as 2026-12-31T23:59:59Z"));
    return std::optional<QDateTime>(t);
}

Result<int> intOption(const CliOptions& o, const QString& name, int fallback)
{
    if (!o.has(name))
        return fallback;
    bool ok = false;
    const int v = o.value(name).toInt(&ok);
    if (!ok)
        return fail(ErrorCode::InvalidInput, QStringLiteral("--%1 is a number").arg(name));
    return v;
}

Result<Hotlist> findList(HotlistService& service, const QString& nameOrId)
{
    auto lists = service.lists();
    if (!lists)
        return std::unexpected(lists.error());
    bool isId = false;
    const qint64 id = nameOrId.toLongLong(&isId);
    for (const Hotlist& h : *lists)
        if ((isId && h.id == id) || h.name.compare(nameOrId, Qt::CaseInsensitive) == 0)
            return h;
    return fail(ErrorCode::NotFound, QStringLiteral("No hot list \"%1\"").arg(nameOrId));
}

void printLineErrors(CliContext& c, const QList<HotlistLineError>& errors)
{
    for (const HotlistLineError& e : errors)
        c.err() << "line " << e.line << ": " << e.reason << '\n';
    c.err().flush();
}

int runImport(CliContext& c, HotlistService& service, const CliOptions& o)
{
    HotlistImportOptions options;
    const auto format = hotlistFormatFromName(o.value(QStringLiteral("format")));
    if (!format)
        return c.report(makeError(ErrorCode::InvalidInput, QStringLiteral("--format is ncic, cadoj or csv")));
    options.format = *format;
    options.name = o.value(QStringLiteral("name"));
    options.category = o.value(QStringLiteral("category"));
    options.lookAlike = o.has(QStringLiteral("lookalike"));
    auto priority = intOption(o, QStringLiteral("priority"), 0);
    if (!priority)
        return c.report(priority.error());
    options.priority = *priority;
    auto expires = expiryOption(o);
    if (!expires)
        return c.report(expires.error());
    options.expiresUtc = *expires;
    auto file = service.preview(o.positional().value(1), options.format, options.category);
    if (!file)
        return c.report(file.error());
    printLineErrors(c, file->parsed.errors);
    if (o.has(QStringLiteral("preview"))) {
        c.out() << file->fileName << ": " << file->parsed.lines << " lines, " << file->parsed.entries.size()
                << " entries, " << file->parsed.errors.size() << " rejected (preview: nothing loaded)\n";
        return ExitOk;
    }
    auto report = service.import(*file, options);
    if (!report)
        return c.report(report.error());
    const HotlistVersion& v = report->version;
    if (o.has(QStringLiteral("json"))) {
        QJsonObject out = listJson(report->list);
        out.insert(QStringLiteral("loaded"), v.entries);
        out.insert(QStringLiteral("rejected"), v.rejected);
        out.insert(QStringLiteral("dropped"), v.dropped);
        out.insert(QStringLiteral("retro_alerts"), v.retroAlerts);
        out.insert(QStringLiteral("sha256"), v.sha256);
        printJson(c, out);
    } else {
        c.out() << "hot list \"" << report->list.name << "\" version " << v.version << ": " << v.entries
                << " entries loaded, " << v.rejected << " lines rejected, " << v.dropped
                << " entries dropped since the last version, " << v.retroAlerts << " alerts on past reads\n";
    }
    return ExitOk;
}

int runEntry(CliContext& c, HotlistService& service, const CliOptions& o, const QDateTime& now)
{
    const QString action = o.positional().value(1);
    if (action == QLatin1String("remove")) {
        bool ok = false;
        const qint64 id = o.positional().value(2).toLongLong(&ok);
        if (!ok)
            return c.usage(QString::fromUtf8(kUsage));
        if (auto removed = service.removeEntry(id, o.value(QStringLiteral("reason"))); !removed)
            return c.report(removed.error());
        c.out() << "entry " << id << " removed; its past alerts stay\n";
        return ExitOk;
    }
    if (action != QLatin1String("add") || o.positional().size() != 3)
        return c.usage(QString::fromUtf8(kUsage));
    ManualEntry e;
    e.plate = o.positional().value(2);
    e.state = o.value(QStringLiteral("state"));
    e.category = o.value(QStringLiteral("category"));
    e.reason = o.value(QStringLiteral("reason"));
    e.notes = o.value(QStringLiteral("notes"));
    e.lookAlike = !o.has(QStringLiteral("exact"));
    auto priority = intOption(o, QStringLiteral("priority"), 0);
    auto days = intOption(o, QStringLiteral("days"), kDefaultEntryDays);
    auto expires = expiryOption(o);
    if (!priority || !days || !expires)
        return c.report(!priority ? priority.error() : !days ? days.error() : expires.error());
    e.priority = *priority;
    e.expiresUtc = *expires ? **expires : now.addDays(*days);
    auto report = service.addEntry(e);
    if (!report)
        return c.report(report.error());
    if (o.has(QStringLiteral("json"))) {
        printJson(c, {{QStringLiteral("id"), report->entryId},
                      {QStringLiteral("retro_searched"), report->retroSearched},
                      {QStringLiteral("retro_days"), report->retroDays},
                      {QStringLiteral("retro_alerts"), report->retroAlerts}});
        return ExitOk;
    }
    c.out() << "entry " << report->entryId << " added";
    if (report->retroSearched)
        c.out() << "; reads of the last " << report->retroDays << " days searched at once: " << report->retroAlerts
                << " alerts";
    c.out() << '\n';
    return ExitOk;
}

int runSettings(CliContext& c, HotlistService& service, const CliOptions& o)
{
    auto settings = service.settings();
    if (!settings)
        return c.report(settings.error());
    const bool change = o.has(QStringLiteral("stale-hours")) || o.has(QStringLiteral("retro-days")) ||
                        o.has(QStringLiteral("reject-reasons"));
    if (change) {
        auto stale = intOption(o, QStringLiteral("stale-hours"), settings->staleHours);
        auto retro = intOption(o, QStringLiteral("retro-days"), settings->retroDays);
        if (!stale || !retro)
            return c.report(!stale ? stale.error() : retro.error());
        settings->staleHours = *stale;
        settings->retroDays = *retro;
        if (o.has(QStringLiteral("reject-reasons"))) {
            settings->rejectReasons.clear();
            for (const QString& r :
                 o.value(QStringLiteral("reject-reasons")).split(QLatin1Char('|'), Qt::SkipEmptyParts))
                settings->rejectReasons.append(r.trimmed());
        }
        if (auto saved = service.saveSettings(*settings); !saved)
            return c.report(saved.error());
    }
    c.out() << "stale after hours\t" << settings->staleHours << "\nretro days\t" << settings->retroDays
            << "\nreject reasons\t" << settings->rejectReasons.join(QStringLiteral(" | ")) << '\n';
    return ExitOk;
}

} // namespace

int runHotlistCommand(CliContext& c)
{
    static const QStringList verbs{QStringLiteral("import"),  QStringLiteral("list"),  QStringLiteral("versions"),
                                   QStringLiteral("entries"), QStringLiteral("entry"), QStringLiteral("settings")};
    const QString verb = c.arguments().value(0);
    if (!verbs.contains(verb))
        return c.usage(QString::fromUtf8(kUsage));
    auto options = CliOptions::parse(
        c.arguments(),
        {QStringLiteral("json"), QStringLiteral("lookalike"), QStringLiteral("preview"), QStringLiteral("exact")},
        {QStringLiteral("format"), QStringLiteral("name"), QStringLiteral("category"), QStringLiteral("priority"),
         QStringLiteral("expires"), QStringLiteral("plate"), QStringLiteral("limit"), QStringLiteral("state"),
         QStringLiteral("reason"), QStringLiteral("days"), QStringLiteral("notes"), QStringLiteral("stale-hours"),
         QStringLiteral("retro-days"), QStringLiteral("reject-reasons")});
    if (!options)
        return c.report(options.error());
    const QStringList& words = options->positional();
    if ((verb == QLatin1String("import") || verb == QLatin1String("versions") || verb == QLatin1String("entries")) &&
        words.size() != 2)
        return c.usage(QString::fromUtf8(kUsage));
    const bool json = options->has(QStringLiteral("json"));

    auto session = c.login();
    if (!session)
        return c.report(session.error());
    HotlistService service(**session);

    if (verb == QLatin1String("import"))
        return runImport(c, service, *options);
    if (verb == QLatin1String("entry"))
        return runEntry(c, service, *options, (*session)->clock().nowUtc());
    if (verb == QLatin1String("settings"))
        return runSettings(c, service, *options);
    if (verb == QLatin1String("list")) {
        auto lists = service.lists();
        if (!lists)
            return c.report(lists.error());
        if (!json)
            c.out() << "id\tname\tsource\tcategory\tpriority\tentries\tversion\trefreshed_utc\tstatus\n";
        for (const Hotlist& h : *lists) {
            if (json)
                printJson(c, listJson(h));
            else
                c.out() << h.id << '\t' << h.name << '\t' << h.source << '\t' << h.category << '\t'
                        << HotlistPriority::name(h.priority) << '\t' << h.entryCount << '\t' << h.version << '\t'
                        << formatCliTime(h.refreshedUtc) << '\t' << (h.stale ? "STALE" : "current") << '\n';
        }
        return ExitOk;
    }
    auto list = findList(service, words.value(1));
    if (!list)
        return c.report(list.error());
    if (verb == QLatin1String("versions")) {
        auto versions = service.versions(list->id);
        if (!versions)
            return c.report(versions.error());
        if (!json)
            c.out() << "version\timported_utc\tby\tfile\tsha256\tentries\trejected\tdropped\tretro_alerts\n";
        for (const HotlistVersion& v : *versions) {
            if (json)
                printJson(c, {{QStringLiteral("version"), v.version},
                              {QStringLiteral("imported"), formatCliTime(v.importedUtc)},
                              {QStringLiteral("by"), v.importedBy},
                              {QStringLiteral("file"), v.fileName},
                              {QStringLiteral("sha256"), v.sha256},
                              {QStringLiteral("lines"), v.lines},
                              {QStringLiteral("entries"), v.entries},
                              {QStringLiteral("rejected"), v.rejected},
                              {QStringLiteral("dropped"), v.dropped},
                              {QStringLiteral("retro_alerts"), v.retroAlerts}});
            else
                c.out() << v.version << '\t' << formatCliTime(v.importedUtc) << '\t' << v.importedBy << '\t' << v.fileName << '\t'
                        << v.sha256 << '\t' << v.entries << '\t' << v.rejected << '\t' << v.dropped << '\t'
                        << v.retroAlerts << '\n';
        }
        return ExitOk;
    }
    auto limit = intOption(*options, QStringLiteral("limit"), 1000);
    if (!limit)
        return c.report(limit.error());
    auto entries = service.entries(list->id, options->value(QStringLiteral("plate")), *limit);
    if (!entries)
        return c.report(entries.error());
    if (!json)
        c.out() << "id\tplate\tstate\tcategory\tpriority\texpires_utc\treason\tnic\tori\tvehicle\n";
    for (const HotlistEntry& e : *entries) {
        if (json) {
            printJson(c, {{QStringLiteral("id"), e.id},
                          {QStringLiteral("plate"), e.plate},
                          {QStringLiteral("state"), e.state},
                          {QStringLiteral("category"), e.category},
                          {QStringLiteral("priority"), e.priority},
                          {QStringLiteral("lookalike"), e.lookAlike},
                          {QStringLiteral("expires"), e.expiresUtc ? QJsonValue(formatCliTime(*e.expiresUtc)) : QJsonValue()},
                          {QStringLiteral("reason"), e.reason},
                          {QStringLiteral("notes"), e.notes},
                          {QStringLiteral("created_by"), e.createdBy},
                          {QStringLiteral("clets"), cletsJson(e.clets)}});
        } else {
            const QString redacted = QStringLiteral("[redacted]");
            c.out() << e.id << '\t' << e.plate << '\t' << e.state << '\t' << e.category << '\t'
                    << HotlistPriority::name(e.priority) << '\t' << (e.expiresUtc ? formatCliTime(*e.expiresUtc) : QString())
                    << '\t' << e.reason << '\t' << (e.clets.redacted ? redacted : e.clets.nic) << '\t'
                    << (e.clets.redacted ? redacted : e.clets.ori) << '\t'
                    << (e.clets.redacted ? redacted : e.clets.vehicle) << '\n';
        }
    }
    return ExitOk;
}

} // namespace alpr::cli
