#include "DemoStore.h"

#include "accounts/AccountService.h"
#include "accounts/Session.h"
#include "evidence/CaseService.h"
#include "search/DemoDataGenerator.h"
#include "search/WatchService.h"
#ifdef ALPR_HAVE_REQUESTS
#include "requests/RecordsRequestService.h"
#include "requests/ReleaseService.h"
#endif

namespace alpr::app {

#ifdef ALPR_HAVE_REQUESTS
namespace {

// Two outside requests (one under review, assigned to the Records Supervisor) and a release to a neighbouring agency,
// so the requests, releases and audit program pages have something to show.
VoidResult addDemoRequests(Session& session)
{
    RecordsRequestService requests(session);
    const QDate today = session.clock().nowUtc().date();
    auto press = requests.add({QStringLiteral("Baltimore Banner, newsroom"), RequestKind::Press, today.addDays(-12),
                               QStringLiteral("Number of plates read per month in 2026, by camera")});
    if (!press)
        return std::unexpected(press.error());
    RecordsRequestUpdate review;
    review.status = RequestStatus::UnderReview;
    review.assignedTo = QStringLiteral("records");
    review.notes = QStringLiteral("Aggregate counts only; no plate data");
    if (auto updated = requests.update(press->id, review); !updated)
        return std::unexpected(updated.error());
    auto subpoena = requests.add({QStringLiteral("Law offices of R. Whitfield, counsel for plaintiff"),
                                  RequestKind::Subpoena, today.addDays(-3),
                                  QStringLiteral("Subpoena duces tecum 24-C-3381: reads of one plate, March 2026")});
    if (!subpoena)
        return std::unexpected(subpoena.error());
    NewAgencyRelease release{QStringLiteral("Baltimore County Police Department"),
                             QStringLiteral("Det. A. Okafor"),
                             QStringLiteral("410-555-0187"),
                             QStringLiteral("Call-back to the agency's published desk number"),
                             QStringLiteral("Active robbery investigation, mutual aid"),
                             QString::fromLatin1(kDemoCaseNumber),
                             QStringLiteral("Reads of the partial-plate watch hits, last 30 days"),
                             QStringLiteral("Lt. C. Marsh"),
                             {}};
    if (auto added = ReleaseService(session).add(release); !added)
        return std::unexpected(added.error());
    return {};
}

} // namespace
#endif

VoidResult ensureDemoStore(const QString& directory, int demoReads)
{
    if (Session::storeExists(directory))
        return {};
    const DemoAccount& admin = kDemoAccounts[0];
    const QDate trainedUntil = QDate::currentDate().addYears(1);
    auto session = Session::initializeStore(directory, QString::fromLatin1(admin.name),
                                            QString::fromLatin1(admin.password), trainedUntil);
    if (!session)
        return std::unexpected(session.error());
    AccountService accounts(**session);
    for (const DemoAccount& a : kDemoAccounts) {
        if (a.name == admin.name)
            continue;
        auto added = accounts.add(NewAccount{QString::fromLatin1(a.name), QString(),
                                             roleFromName(QString::fromLatin1(a.role)).value_or(Role::Investigator),
                                             trainedUntil, QLatin1String(a.name) == QLatin1String("detective"),
                                             QString::fromLatin1(a.password)});
        if (!added)
            return added;
    }
    // Reads from the last 13 months on the streets of the demo map, with repeat visits and OCR-style misreads.
    DemoDataOptions options;
    options.reads = demoReads;
    options.seed = 2026;
    JobContext job;
    DemoDataGenerator generator(options);
    if (auto generated = generator.run(**session, job); !generated)
        return std::unexpected(generated.error());

    // The demo case: a robbery whose witness remembered only part of the getaway car's plate.
    auto demoCase = CaseService(**session).add(
        NewCase{QString::fromLatin1(kDemoCaseNumber), QStringLiteral("Armed robbery, E Pratt St & S Gay St"),
                QStringLiteral("detective")});
    if (!demoCase)
        return std::unexpected(demoCase.error());
    const QString plate = generator.plateOfVehicle(0);
    NewWatchEntry watch{plate.left(2) + QStringLiteral("*") + plate.right(2), 1, QString::fromLatin1(kDemoCaseNumber),
                        QStringLiteral("Armed robbery"), QStringLiteral("Witness: dark sedan, partial plate"),
                        (*session)->clock().nowUtc().addDays(90)};
    if (auto added = WatchService(**session).add(watch); !added)
        return std::unexpected(added.error());
#ifdef ALPR_HAVE_REQUESTS
    if (auto added = addDemoRequests(**session); !added)
        return added;
#endif
    return (*session)->logout();
}

} // namespace alpr::app
