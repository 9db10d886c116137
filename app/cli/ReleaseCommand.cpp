#include "cli/ReleaseCommand.h"

#include "cli/CliContext.h"
#include "cli/CliTime.h"
#include "requests/ReleaseService.h"

namespace alpr::cli {

namespace {

const char* const kUsage =
    "usage:\n"
    "  alprctl release add --agency NAME --officer NAME --contact PHONE/MAIL --verified HOW --basis TEXT\n"
    "                      --case NUMBER --what TEXT --approved-by NAME [--package PACKAGE]\n"
    "      record a release to another law-enforcement agency: who received it, how their identity was verified,\n"
    "      the legal basis, the case, what went out, who approved it, and the evidence package that carried it\n"
    "      (the folder name `alprctl evidence export` printed). Prints the release id.\n"
    "  alprctl release list [--from DATE] [--to DATE] [--agency NAME]\n"
    "  alprctl release report --from DATE --to DATE    the sharing report: releases by agency\n"
    "Recording needs Record Release (Records Supervisor, Commander); auditors may list and report.\n";

void printRelease(CliContext& c, const AgencyRelease& r)
{
    c.out() << r.id << '\t' << r.releasedUtc.toString(Qt::ISODate) << '\t' << r.agency << '\t' << r.officer << '\t'
            << r.officerContact << '\t' << r.identityVerified << '\t' << r.legalBasis << '\t' << r.caseNumber << '\t'
            << r.releasedWhat << '\t' << r.approvedBy << '\t' << r.packageName << '\t' << r.recordedBy << Qt::endl;
}

const char* const kHeader =
    "id\treleased_utc\tagency\tofficer\tcontact\tverified\tbasis\tcase\twhat\tapproved_by\tpackage\trecorded_by";

} // namespace

int runReleaseCommand(CliContext& c)
{
    const QString verb = c.arguments().value(0);
    auto options = CliOptions::parse(c.arguments().mid(1), {QStringLiteral("help")},
                                     {QStringLiteral("agency"), QStringLiteral("officer"), QStringLiteral("contact"),
                                      QStringLiteral("verified"), QStringLiteral("basis"), QStringLiteral("case"),
                                      QStringLiteral("what"), QStringLiteral("approved-by"), QStringLiteral("package"),
                                      QStringLiteral("from"), QStringLiteral("to")});
    if (!options || options->has(QStringLiteral("help")) || !options->positional().isEmpty())
        return c.usage(QString::fromUtf8(kUsage));
    auto from = parseCliTime(options->value(QStringLiteral("from")), false);
    auto to = parseCliTime(options->value(QStringLiteral("to")), true);
    if (!from)
        return c.report(from.error());
    if (!to)
        return c.report(to.error());

    if (verb == QLatin1String("add")) {
        NewAgencyRelease r;
        r.agency = options->value(QStringLiteral("agency"));
        r.officer = options->value(QStringLiteral("officer"));
        r.officerContact = options->value(QStringLiteral("contact"));
        r.identityVerified = options->value(QStringLiteral("verified"));
        r.legalBasis = options->value(QStringLiteral("basis"));
        r.caseNumber = options->value(QStringLiteral("case"));
        r.releasedWhat = options->value(QStringLiteral("what"));
        r.approvedBy = options->value(QStringLiteral("approved-by"));
        r.packageName = options->value(QStringLiteral("package"));
        auto session = c.login();
        if (!session)
            return c.report(session.error());
        auto added = ReleaseService(**session).add(r);
        if (!added)
            return c.report(added.error());
        c.out() << added->id << Qt::endl;
        c.err() << "Recorded release " << added->id << " to " << added->agency << Qt::endl;
        return ExitOk;
    }
    if (verb == QLatin1String("list")) {
        auto session = c.login();
        if (!session)
            return c.report(session.error());
        auto releases = ReleaseService(**session).list(*from, *to, options->value(QStringLiteral("agency")));
        if (!releases)
            return c.report(releases.error());
        c.out() << kHeader << Qt::endl;
        for (const AgencyRelease& r : *releases)
            printRelease(c, r);
        return ExitOk;
    }
    if (verb == QLatin1String("report")) {
        if (!from->isValid() || !to->isValid())
            return c.usage(QString::fromUtf8(kUsage));
        auto session = c.login();
        if (!session)
            return c.report(session.error());
        auto report = ReleaseService(**session).sharingReport(*from, *to);
        if (!report)
            return c.report(report.error());
        c.out() << "Releases to other agencies, " << from->toString(Qt::ISODate) << " to " << to->toString(Qt::ISODate)
                << ": " << report->total << Qt::endl;
        for (const SharingReport::AgencyLine& line : report->agencies) {
            c.out() << "\n" << line.agency << " (" << line.releases.size() << ")" << Qt::endl;
            for (const AgencyRelease& r : line.releases)
                c.out() << "  " << r.releasedUtc.toString(Qt::ISODate) << "  case " << r.caseNumber << "  officer "
                        << r.officer << " (" << r.officerContact << ")  verified: " << r.identityVerified
                        << "  basis: " << r.legalBasis << "  what: " << r.releasedWhat << "  approved by "
                        << r.approvedBy
                        << (r.packageName.isEmpty() ? QString() : QStringLiteral("  package ") + r.packageName)
                        << Qt::endl;
        }
        return ExitOk;
    }
    return c.usage(QString::fromUtf8(kUsage));
}

} // namespace alpr::cli
