#include "cli/RequestCommand.h"

#include "cli/CliContext.h"
#include "evidence/ReadIdList.h"
#include "requests/RecordsRequestService.h"

namespace alpr::cli {

namespace {

const char* const kUsage =
    "usage:\n"
    "  alprctl request add --requester WHO --kind KIND --asks TEXT [--received YYYY-MM-DD]\n"
    "      register an outside (non-law-enforcement) request; KIND: public-records, subpoena, press,\n"
    "      civil-discovery, other. Anyone with valid training may register one; the due date is set from the\n"
    "      configured answer period (request settings). Prints the request id.\n"
    "  alprctl request list [--open]             the register (Records Supervisor, Commander)\n"
    "  alprctl request show ID\n"
    "  alprctl request update ID [--status STATUS] [--denial-reason TEXT] [--assign USER] [--case NUMBER]\n"
    "                            [--notes TEXT]\n"
    "      STATUS: received, under-review, released-in-part, denied (needs --denial-reason), withdrawn\n"
    "  alprctl request hold ID [--case NUMBER] [--reads IDS] [--until YYYY-MM-DD]\n"
    "      place a legal hold for the request (requester and reference taken from it)\n"
    "  alprctl request settings [--due-days N]   show or set the days from receipt to the legal due date\n"
    "Released material goes out with `alprctl evidence export`. Every change is audited.\n";

void printRequest(CliContext& c, const RecordsRequest& r)
{
    c.out() << "id\t" << r.id << "\nrequester\t" << r.requester << "\nkind\t" << requestKindName(r.kind)
            << "\nreceived\t" << r.received.toString(Qt::ISODate) << "\ndue\t" << r.due.toString(Qt::ISODate)
            << "\nstatus\t" << requestStatusName(r.status) << "\nasks\t" << r.description << "\ndenial_reason\t"
            << r.denialReason << "\nassigned_to\t" << r.assignedTo << "\ncase\t" << r.caseNumber << "\nhold\t"
            << (r.holdId ? QString::number(r.holdId) : QString()) << "\nnotes\t" << r.notes << "\ncreated\t"
            << r.createdUtc.toString(Qt::ISODate) << ' ' << r.createdBy << "\nupdated\t"
            << r.updatedUtc.toString(Qt::ISODate) << ' ' << r.updatedBy << Qt::endl;
}

Result<QDate> dateOption(const CliOptions& options, const QString& name)
{
    if (!options.has(name))
        return QDate();
    const QDate d = QDate::fromString(options.value(name), Qt::ISODate);
    if (!d.isValid())
        return fail(ErrorCode::InvalidInput, QStringLiteral("--%1 takes a date, YYYY-MM-DD").arg(name));
    return d;
}

Result<qint64> requestId(const QStringList& words)
{
    bool ok = false;
    const qint64 id = words.value(0).toLongLong(&ok);
    if (words.size() != 1 || !ok || id <= 0)
        return fail(ErrorCode::InvalidInput, QStringLiteral("Name one request by its number"));
    return id;
}

} // namespace

int runRequestCommand(CliContext& c)
{
    const QString verb = c.arguments().value(0);
    auto options = CliOptions::parse(
        c.arguments().mid(1), {QStringLiteral("open"), QStringLiteral("help")},
        {QStringLiteral("requester"), QStringLiteral("kind"), QStringLiteral("asks"), QStringLiteral("received"),
         QStringLiteral("status"), QStringLiteral("denial-reason"), QStringLiteral("assign"), QStringLiteral("case"),
         QStringLiteral("notes"), QStringLiteral("reads"), QStringLiteral("until"), QStringLiteral("due-days")});
    if (!options || options->has(QStringLiteral("help")))
        return c.usage(QString::fromUtf8(kUsage));
    const QStringList words = options->positional();

    if (verb == QLatin1String("add")) {
        const auto kind = requestKindFromName(options->value(QStringLiteral("kind")));
        if (!words.isEmpty() || !kind)
            return c.usage(QString::fromUtf8(kUsage));
        auto received = dateOption(*options, QStringLiteral("received"));
        if (!received)
            return c.report(received.error());
        auto session = c.login();
        if (!session)
            return c.report(session.error());
        auto added = RecordsRequestService(**session).add(
            {options->value(QStringLiteral("requester")), *kind, *received, options->value(QStringLiteral("asks"))});
        if (!added)
            return c.report(added.error());
        c.out() << added->id << Qt::endl;
        c.err() << "Registered request " << added->id << ", due " << added->due.toString(Qt::ISODate)
                << "; it waits for the Records Supervisor" << Qt::endl;
        return ExitOk;
    }
    if (verb == QLatin1String("list")) {
        if (!words.isEmpty())
            return c.usage(QString::fromUtf8(kUsage));
        auto session = c.login();
        if (!session)
            return c.report(session.error());
        auto requests = RecordsRequestService(**session).list(!options->has(QStringLiteral("open")));
        if (!requests)
            return c.report(requests.error());
        const QDate today = (*session)->clock().nowUtc().date();
        c.out() << "id\tkind\treceived\tdue\tstatus\tassigned_to\trequester\tcase\thold\toverdue" << Qt::endl;
        for (const RecordsRequest& r : *requests)
            c.out() << r.id << '\t' << requestKindName(r.kind) << '\t' << r.received.toString(Qt::ISODate) << '\t'
                    << r.due.toString(Qt::ISODate) << '\t' << requestStatusName(r.status) << '\t' << r.assignedTo
                    << '\t' << r.requester << '\t' << r.caseNumber << '\t'
                    << (r.holdId ? QString::number(r.holdId) : QString()) << '\t'
                    << (r.isOverdueOn(today) ? "yes" : "no") << Qt::endl;
        return ExitOk;
    }
    if (verb == QLatin1String("show") || verb == QLatin1String("update") || verb == QLatin1String("hold")) {
        auto id = requestId(words);
        if (!id)
            return c.usage(QString::fromUtf8(kUsage));
        RecordsRequestUpdate change;
        if (options->has(QStringLiteral("status"))) {
            change.status = requestStatusFromName(options->value(QStringLiteral("status")));
            if (!change.status)
                return c.report(makeError(ErrorCode::InvalidInput,
                                          QStringLiteral("--status is received, under-review, released-in-part, "
                                                         "denied or withdrawn")));
        }
        if (options->has(QStringLiteral("denial-reason")))
            change.denialReason = options->value(QStringLiteral("denial-reason"));
        if (options->has(QStringLiteral("assign")))
            change.assignedTo = options->value(QStringLiteral("assign"));
        if (options->has(QStringLiteral("notes")))
            change.notes = options->value(QStringLiteral("notes"));
        if (verb == QLatin1String("update") && options->has(QStringLiteral("case")))
            change.caseNumber = options->value(QStringLiteral("case"));
        QList<qint64> reads;
        if (options->has(QStringLiteral("reads"))) {
            auto ids = ReadIdList::parse(options->value(QStringLiteral("reads")));
            if (!ids)
                return c.report(ids.error());
            reads = *ids;
        }
        auto until = dateOption(*options, QStringLiteral("until"));
        if (!until)
            return c.report(until.error());
        auto session = c.login();
        if (!session)
            return c.report(session.error());
        RecordsRequestService service(**session);
        if (verb == QLatin1String("hold")) {
            auto hold = service.placeLegalHold(*id, options->value(QStringLiteral("case")), reads, *until);
            if (!hold)
                return c.report(hold.error());
            c.out() << hold->id << Qt::endl;
            c.err() << "Placed legal hold " << hold->id << " for request " << *id << ", covering " << hold->heldReads
                    << " read(s)" << Qt::endl;
            return ExitOk;
        }
        auto request = verb == QLatin1String("show") ? service.find(*id) : service.update(*id, change);
        if (!request)
            return c.report(request.error());
        printRequest(c, *request);
        return ExitOk;
    }
    if (verb == QLatin1String("settings")) {
        auto session = c.login();
        if (!session)
            return c.report(session.error());
        RecordsRequestService service(**session);
        if (options->has(QStringLiteral("due-days"))) {
            bool ok = false;
            const int days = options->value(QStringLiteral("due-days")).toInt(&ok);
            if (!ok)
                return c.usage(QString::fromUtf8(kUsage));
            if (auto set = service.setDueDays(days); !set)
                return c.report(set.error());
        }
        auto days = service.dueDays();
        if (!days)
            return c.report(days.error());
        c.out() << "due_days\t" << *days << Qt::endl;
        return ExitOk;
    }
    return c.usage(QString::fromUtf8(kUsage));
}

} // namespace alpr::cli
