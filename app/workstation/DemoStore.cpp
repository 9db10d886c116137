#include "DemoStore.h"

#include "accounts/AccountService.h"
#include "accounts/Session.h"
#include "evidence/CaseService.h"
#include "hotlists/AlertService.h"
#include "hotlists/HotlistMatching.h"
#include "hotlists/HotlistService.h"
#include "search/DemoDataGenerator.h"
#include "search/WatchService.h"

namespace alpr::app {

namespace {

// Hot lists for the demo: an NCIC extract naming three vehicles of the demo traffic (one as the OCR misreads it, so
// only look-alike matching finds it) among unrelated plates, and a manual Amber alert. Loading them finds the
// demo reads of the last 30 days; one alert is then walked through verification so the queue shows every state.
VoidResult addDemoHotlists(Session& session, const DemoDataGenerator& generator)
{
    HotlistMatching::install();
    const auto record = [](char type, const QString& plate, const char* tail) -> QByteArray {
        return QByteArray(1, type) + "12345678" + QByteArray::number(qHash(plate) % 10) + "MD0030000" + "20260301" +
               plate.leftJustified(10, u' ').toLatin1() + "MD" + tail + '\n';
    };
    QString misread = generator.plateOfVehicle(2);
    misread.replace(u'8', u'B').replace(u'0', u'O');
    QByteArray ncic = record('V', generator.plateOfVehicle(1), "2026PC2016TOYTCAM4DBLK") + record('V', misread, "") +
                      record('F', generator.plateOfVehicle(3), "2026PC2012HONDACC4DSIL") +
                      record('P', QStringLiteral("4KXM129"), "") + record('W', QStringLiteral("7TRD551"), "") +
                      QByteArray("V1234567\n");
    auto parsed = HotlistFile::parse(ncic, HotlistFormat::Ncic, HotlistCategory::StolenVehicle);
    if (!parsed)
        return std::unexpected(parsed.error());
    HotlistFileContents contents{QStringLiteral("ncic-md-20260301.txt"), QStringLiteral("demo"), *parsed};
    HotlistImportOptions options;
    options.name = QStringLiteral("NCIC stolen vehicles (MD)");
    options.format = HotlistFormat::Ncic;
    options.category = HotlistCategory::StolenVehicle;
    options.lookAlike = true;
    HotlistService hotlists(session);
    if (auto loaded = hotlists.import(contents, options); !loaded)
        return std::unexpected(loaded.error());
    ManualEntry amber{generator.plateOfVehicle(4), QStringLiteral("MD"), HotlistCategory::AmberAlert, 0,
                      QStringLiteral("Amber alert 26-A-031: child taken from Patterson Park"), QString(),
                      session.clock().nowUtc().addDays(2), true};
    if (auto added = hotlists.addEntry(amber); !added)
        return std::unexpected(added.error());
    AlertService alerts(session);
    auto queue = alerts.list();
    if (!queue)
        return std::unexpected(queue.error());
    if (queue->size() > 1) {
        const qint64 id = queue->last().id;
        if (auto visual = alerts.markVisual(id); !visual)
            return std::unexpected(visual.error());
        if (auto confirmed = alerts.confirm(id, CletsOutcome::Active, QStringLiteral("Dispatch 4471 (demo)")); !confirmed)
            return std::unexpected(confirmed.error());
    }
    return {};
}

} // namespace

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
    if (auto hot = addDemoHotlists(**session, generator); !hot)
        return hot;
    return (*session)->logout();
}

} // namespace alpr::app
