#include "cli/HoldCommand.h"

#include "cli/CliContext.h"
#include "common/ValueParser.h"
#include "evidence/HoldService.h"
#include "evidence/ReadIdList.h"

namespace alpr::cli {

namespace {

const char* const kUsage =
    "usage:\n"
    "  alprctl hold add evidence --case NUMBER [--note TEXT]\n"
    "      keep every read the case stands on out of retention purges until released\n"
    "  alprctl hold add legal --requester WHO --reference REF [--until YYYY-MM-DD] [--case NUMBER] [--reads IDS]\n"
    "                   [--note TEXT]\n"
    "      a lawful request for records: the case's reads and/or the listed reads, until the date or indefinitely\n"
    "  alprctl hold release ID --reason TEXT\n"
    "  alprctl hold list [--all]                 active holds (--all: released and expired ones too)\n"
    "Evidence holds need Place Evidence Hold, legal holds Place Legal Hold, releasing Release Hold; all audited.\n";

QString untilText(const Hold& h)
{
    return h.until.isValid() ? h.until.toString(Qt::ISODate) : QStringLiteral("indefinite");
}

} // namespace

int runHoldCommand(CliContext& c)
{
    const QString verb = c.arguments().value(0);
    auto options = CliOptions::parse(c.arguments().mid(1), {QStringLiteral("all"), QStringLiteral("help")},
                                     {QStringLiteral("case"), QStringLiteral("note"), QStringLiteral("requester"),
                                      QStringLiteral("reference"), QStringLiteral("until"), QStringLiteral("reads"),
                                      QStringLiteral("reason")});
    if (!options || options->has(QStringLiteral("help")))
        return c.usage(QString::fromUtf8(kUsage));
    const QStringList words = options->positional();

    if (verb == QLatin1String("add")) {
        const auto kind = holdKindFromName(words.value(0));
        if (words.size() != 1 || !kind)
            return c.usage(QString::fromUtf8(kUsage));
        HoldRequest request;
        request.kind = *kind;
        request.caseNumber = options->value(QStringLiteral("case"));
        request.requester = options->value(QStringLiteral("requester"));
        request.reference = options->value(QStringLiteral("reference"));
        request.note = options->value(QStringLiteral("note"));
        if (options->has(QStringLiteral("until"))) {
            const auto until = ValueParser::date(options->value(QStringLiteral("until")));
            request.until = until.value_or(QDate());
            if (!until)
                return c.report(makeError(ErrorCode::InvalidInput, QStringLiteral("--until takes a date, YYYY-MM-DD")));
        }
        if (options->has(QStringLiteral("reads"))) {
            auto ids = ReadIdList::parse(options->value(QStringLiteral("reads")));
            if (!ids)
                return c.report(ids.error());
            request.readIds = *ids;
        }
        auto session = c.login();
        if (!session)
            return c.report(session.error());
        auto hold = HoldService(**session).place(request);
        if (!hold)
            return c.report(hold.error());
        c.out() << hold->id << Qt::endl;
        c.err() << "Placed " << holdKindName(hold->kind) << " hold " << hold->id << " covering " << hold->heldReads
                << " read(s), until " << untilText(*hold) << Qt::endl;
        return ExitOk;
    }
    if (verb == QLatin1String("release")) {
        bool ok = false;
        const qint64 id = words.value(0).toLongLong(&ok);
        if (words.size() != 1 || !ok)
            return c.usage(QString::fromUtf8(kUsage));
        auto session = c.login();
        if (!session)
            return c.report(session.error());
        if (auto released = HoldService(**session).release(id, options->value(QStringLiteral("reason"))); !released)
            return c.report(released.error());
        c.err() << "Released hold " << id << Qt::endl;
        return ExitOk;
    }
    if (verb == QLatin1String("list")) {
        if (!words.isEmpty())
            return c.usage(QString::fromUtf8(kUsage));
        auto session = c.login();
        if (!session)
            return c.report(session.error());
        auto holds = HoldService(**session).list(options->has(QStringLiteral("all")));
        if (!holds)
            return c.report(holds.error());
        c.out() << "id\tkind\tcase\treads\tuntil\tplaced_by\tplaced_utc\treleased_utc\trequester\treference"
                << Qt::endl;
        for (const Hold& h : *holds)
            c.out() << h.id << '\t' << holdKindName(h.kind) << '\t' << h.caseNumber << '\t' << h.heldReads << '\t'
                    << untilText(h) << '\t' << h.placedBy << '\t' << h.placedUtc.toString(Qt::ISODate) << '\t'
                    << (h.releasedUtc.isValid() ? h.releasedUtc.toString(Qt::ISODate) : QStringLiteral("-")) << '\t'
                    << h.requester << '\t' << h.reference << Qt::endl;
        return ExitOk;
    }
    return c.usage(QString::fromUtf8(kUsage));
}

} // namespace alpr::cli
