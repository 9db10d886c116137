#include "DemoStore.h"

#include "accounts/AccountService.h"
#include "accounts/Session.h"
#include "evidence/CaseService.h"
#include "search/DemoDataGenerator.h"
#include "search/WatchService.h"

namespace alpr::app {

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
    return (*session)->logout();
}

} // namespace alpr::app
