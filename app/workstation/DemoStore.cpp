#include "DemoStore.h"

#include "accounts/AccountService.h"
#include "accounts/Session.h"

namespace alpr::app {

VoidResult ensureDemoStore(const QString& directory, int demoReads)
{
    Q_UNUSED(demoReads);
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
    return (*session)->logout();
}

} // namespace alpr::app
