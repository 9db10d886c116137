#include "DemoStore.h"

#include "accounts/AccountService.h"
#include "accounts/Session.h"
#include "search/DemoDataGenerator.h"

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
    if (auto generated = DemoDataGenerator(options).run(**session, job); !generated)
        return std::unexpected(generated.error());
    return (*session)->logout();
}

} // namespace alpr::app
