#include "cli/CaseCommand.h"

#include "cli/CliContext.h"
#include "evidence/CaseCache.h"
#include "evidence/CaseService.h"
#include "evidence/ReadIdList.h"

namespace alpr::cli {

namespace {

const char* const kUsage =
    "usage:\n"
    "  alprctl case add NUMBER --title TEXT [--lead NAME]      open a case (number in the agency's format)\n"
    "  alprctl case list [--all]                               open cases (--all: closed ones too)\n"
    "  alprctl case show NUMBER                                the case and everything attached to it\n"
    "  alprctl case attach NUMBER --reads IDS                  attach reads (IDS: 12,15,20-24)\n"
    "  alprctl case attach NUMBER --item KIND:IDS              attach other items (canvass:3, watch:7,9 ...)\n"
    "  alprctl case close NUMBER | case reopen NUMBER\n"
    "  alprctl case cache NUMBER --into NEWDIR --purpose TEXT  take the case's reads along (a server store only):\n"
    "                                                          NEWDIR becomes a store for you alone, your password\n"
    "  alprctl case return CACHEDIR                            give a cache back: its audit records go to the\n"
    "                                                          server's log, the folder is removed\n"
    "Changing cases needs the Manage Cases permission, a cache Export Evidence; every change is audited.\n";

void printCase(CliContext& c, const Case& k)
{
    c.out() << k.number << '\t' << caseStatusName(k.status) << '\t' << k.createdUtc.toString(Qt::ISODate) << '\t'
            << k.leadDetective << '\t' << k.title << Qt::endl;
}

} // namespace

int runCaseCommand(CliContext& c)
{
    const QString verb = c.arguments().value(0);
    auto options = CliOptions::parse(c.arguments().mid(1), {QStringLiteral("all"), QStringLiteral("help")},
                                     {QStringLiteral("title"), QStringLiteral("lead"), QStringLiteral("reads"),
                                      QStringLiteral("item"), QStringLiteral("into"), QStringLiteral("purpose")});
    if (!options || options->has(QStringLiteral("help")) || verb.isEmpty() || verb == QLatin1String("--help"))
        return c.usage(QString::fromUtf8(kUsage));
    const QStringList words = options->positional();
    const QString number = words.value(0);
    const bool needsNumber = verb != QLatin1String("list");
    if ((needsNumber && words.size() != 1) || (!needsNumber && !words.isEmpty()))
        return c.usage(QString::fromUtf8(kUsage));

    auto session = c.login();
    if (!session)
        return c.report(session.error());
    CaseService cases(**session);

    if (verb == QLatin1String("cache")) {
        const QString into = options->value(QStringLiteral("into"));
        if (into.isEmpty())
            return c.usage(QString::fromUtf8(kUsage));
        auto made = CaseCache::make(**session, c.loginPassword(), number,
                                    {options->value(QStringLiteral("purpose")), number}, into);
        if (!made)
            return c.report(made.error());
        c.out() << "cache\t" << made->cacheId << "\nreads\t" << made->reads << "\nimages\t" << made->images << Qt::endl;
        c.err() << "Case " << number.trimmed().toUpper() << " is in " << into << ": open it with `alprctl --store "
                << into << "` or the workstation, with your password; give it "
                << "back with `alprctl case return " << into << "` when you are connected again." << Qt::endl;
        return ExitOk;
    }
    if (verb == QLatin1String("return")) {
        auto returned = CaseCache::giveBack(**session, c.loginPassword(), number);
        if (!returned)
            return c.report(returned.error());
        c.out() << "cache\t" << returned->cacheId << "\nrecords\t" << returned->records << Qt::endl;
        c.err() << "The cache's audit records are in the server's log; its folder is removed." << Qt::endl;
        return ExitOk;
    }
    if (verb == QLatin1String("add")) {
        auto added =
            cases.add({number, options->value(QStringLiteral("title")), options->value(QStringLiteral("lead"))});
        if (!added)
            return c.report(added.error());
        c.err() << "Opened case " << added->number << Qt::endl;
        return ExitOk;
    }
    if (verb == QLatin1String("list")) {
        auto list = cases.list(options->has(QStringLiteral("all")));
        if (!list)
            return c.report(list.error());
        c.out() << "number\tstatus\tcreated_utc\tlead\ttitle" << Qt::endl;
        for (const Case& k : *list)
            printCase(c, k);
        return ExitOk;
    }
    if (verb == QLatin1String("show")) {
        auto found = cases.find(number);
        if (!found)
            return c.report(found.error());
        auto items = cases.items(number);
        if (!items)
            return c.report(items.error());
        printCase(c, *found);
        for (const CaseItem& item : *items)
            c.out() << "  " << item.kind << '\t' << item.itemId << '\t' << item.addedBy << '\t'
                    << item.addedUtc.toString(Qt::ISODate) << Qt::endl;
        return ExitOk;
    }
    if (verb == QLatin1String("attach")) {
        const bool reads = options->has(QStringLiteral("reads"));
        const QString item = options->value(QStringLiteral("item"));
        if (reads == !item.isEmpty())
            return c.usage(QString::fromUtf8(kUsage));
        const QString kind = reads ? QLatin1String(CaseService::kReadKind) : item.section(QLatin1Char(':'), 0, 0);
        auto ids =
            ReadIdList::parse(reads ? options->value(QStringLiteral("reads")) : item.section(QLatin1Char(':'), 1));
        if (!ids)
            return c.report(ids.error());
        auto attached = cases.attach(number, kind, *ids);
        if (!attached)
            return c.report(attached.error());
        c.err() << "Attached " << *attached << " new " << kind << " item(s) to " << number.trimmed().toUpper()
                << Qt::endl;
        return ExitOk;
    }
    if (verb == QLatin1String("close") || verb == QLatin1String("reopen")) {
        auto changed = cases.setStatus(number, verb == QLatin1String("close") ? CaseStatus::Closed : CaseStatus::Open);
        if (!changed)
            return c.report(changed.error());
        return ExitOk;
    }
    return c.usage(QString::fromUtf8(kUsage));
}

} // namespace alpr::cli
