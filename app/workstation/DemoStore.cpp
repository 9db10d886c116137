#include "DemoStore.h"

#include "accounts/AccountService.h"
#include "accounts/Session.h"
#include "evidence/CaseService.h"
#include "hotlists/AlertService.h"
#include "hotlists/HotlistMatching.h"
#include "hotlists/HotlistService.h"
#include "search/DemoDataGenerator.h"
#include "search/WatchService.h"
#ifdef ALPR_HAVE_FLEET
#include "fleet/UndockService.h"
#include "fleet/UnitService.h"
#include "store/Statement.h"
#include "store/Transaction.h"
#include "transfers/OffloadWriter.h"
#include "transfers/TransferService.h"

#include <QFile>
#include <QTemporaryDir>
#endif

#ifdef ALPR_HAVE_REQUESTS
#include "requests/RecordsRequestService.h"
#include "requests/ReleaseService.h"
#endif
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
#ifdef ALPR_HAVE_FLEET
namespace {

struct DemoUnit {
    const char* id;
    const char* name;
    const char* assignment;
    const char* cameras;
    int daysSinceTransfer; ///< < 0: out of service, no transfer
};

// The demo generator's units, as the Agency Manager would have registered them.
constexpr DemoUnit kDemoUnits[] = {
    {"UNIT-01", "Patrol 12", "Car 4412, Ofc. M. Ruiz", "NDI-4412-F,NDI-4412-R", 34},
    {"UNIT-02", "Patrol 17", "Car 4417, Ofc. D. Okafor", "NDI-4417-F", 24},
    {"UNIT-03", "Patrol 21", "Car 4421, Ofc. L. Chen", "NDI-4421-F,NDI-4421-R", 3},
    {"UNIT-04", "Traffic 5", "Car 5105, Traffic unit", "NDI-5105-F", 6},
    {"UNIT-05", "K9 2", "Car 6202, Ofc. S. Novak", "NDI-6202-F", 1},
    {"UNIT-06", "Spare", "Motor pool", "NDI-4499-F", -1},
    {"CAM-01", "E Pratt St & S Gay St", "Fixed, Inner Harbor", "GEN-77001", 2},
    {"CAM-02", "N Charles St & E Baltimore St", "Fixed, downtown", "GEN-77002", 5},
    {"CAM-03", "Light St & E Conway St", "Fixed, downtown", "GEN-77003", 9},
    {"CAM-04", "President St & Fleet St", "Fixed, Little Italy", "GEN-77004", 13},
};

/// One small offload of a unit's last days, written and imported as a unit's transfer would be.
Result<qint64> importDemoOffload(Session& session, const QString& directory, const DemoUnit& unit, const QDateTime& end,
                                 bool undockedUnannounced, bool damaged = false)
{
    OffloadWriter writer(directory, QString::fromLatin1(unit.id));
    for (int i = 0; i < 24; ++i) {
        TransferRead t;
        t.timeMs = end.addSecs(-3600LL * (i * 5 + 1)).toMSecsSinceEpoch();
        t.read.plate = QStringLiteral("%1%2").arg(QChar(u'A' + (i * 7) % 26)).arg(4100 + i * 37 + unit.daysSinceTransfer);
        t.read.confidence = 0.7 + (i % 5) * 0.05;
        t.read.timeUtc = QDateTime::fromMSecsSinceEpoch(t.timeMs, Qt::UTC);
        t.read.latitude = 39.285 + (i % 7) * 0.001;
        t.read.longitude = -76.612 + (i % 5) * 0.0015;
        t.camera = QString::fromLatin1(unit.cameras).section(QLatin1Char(','), 0, 0);
        if (auto added = writer.addRead(t); !added)
            return std::unexpected(added.error());
    }
    if (undockedUnannounced)
        writer.addUndockEvent(end.addDays(-2), end.addDays(-2).addSecs(5 * 3600));
    if (auto finished = writer.finish(); !finished)
        return std::unexpected(finished.error());
    if (damaged) {
        // A stick pulled out while the unit was still writing.
        QFile reads(directory + QStringLiteral("/reads.jsonl"));
        if (!reads.open(QIODevice::ReadWrite) || !reads.resize(reads.size() / 2))
            return fail(ErrorCode::Io, QStringLiteral("The demo offload cannot be damaged"));
    }
    JobContext job;
    auto outcome = TransferService(session, session.database()).importOffload(directory, job);
    if (!outcome)
        return std::unexpected(outcome.error());
    return outcome->transferId;
}

/// A fleet in mid-life for the fleet page: one unit red, one amber, the rest green, an undocking overdue and one
/// pending, a failed transfer. The offloads are imported now through the transfer service (and audited now); the
/// transfers' dates are then set to the history the demo tells, which no real import can fake.
VoidResult addDemoFleet(Session& session)
{
    QTemporaryDir offloads;
    if (!offloads.isValid())
        return fail(ErrorCode::Io, QStringLiteral("No temporary folder for the demo offloads"));
    const QDateTime now = session.clock().nowUtc();
    UnitService units(session);
    for (const DemoUnit& u : kDemoUnits) {
        UnitUpdate describe;
        describe.name = QString::fromLatin1(u.name);
        describe.assignment = QString::fromLatin1(u.assignment);
        describe.cameraSerials = QString::fromLatin1(u.cameras).split(QLatin1Char(','));
        describe.kind = QLatin1String(u.id).startsWith(QLatin1String("CAM")) ? UnitKind::Fixed : UnitKind::Vehicle;
        if (u.daysSinceTransfer < 0)
            describe.status = UnitStatus::OutOfService;
        if (auto described = units.update(QString::fromLatin1(u.id), describe); !described)
            return std::unexpected(described.error());
        if (u.daysSinceTransfer < 0)
            continue;
        const QDateTime transferred = now.addDays(-u.daysSinceTransfer);
        const bool unannounced = QLatin1String(u.id) == QLatin1String("UNIT-02");
        auto id = importDemoOffload(session, offloads.filePath(QString::fromLatin1(u.id)), u, transferred, unannounced);
        if (!id)
            return std::unexpected(id.error());
        auto dated = guarded([&] {
            store::Database& db = session.database();
            store::Transaction tx(db);
            db.prepare(QStringLiteral("UPDATE transfers SET started_utc = ?2, finished_utc = ?2 WHERE id = ?1"))
                .bind(1, *id)
                .bind(2, transferred.toSecsSinceEpoch())
                .run();
            db.prepare(QStringLiteral("UPDATE units SET last_transfer_utc = ?2 WHERE id = ?1"))
                .bind(1, QString::fromLatin1(u.id))
                .bind(2, transferred.toString(Qt::ISODateWithMs))
                .run();
            tx.commit();
        });
        if (!dated)
            return std::unexpected(dated.error());
    }
    // A truncated stick: refused, recorded as a failed transfer, nothing stored.
    const QString bad = offloads.filePath(QStringLiteral("UNIT-05-bad"));
    if (auto id = importDemoOffload(session, bad, kDemoUnits[4], now, false, true);
        id || id.error().code != ErrorCode::VerificationFailed)
        return fail(ErrorCode::Internal, QStringLiteral("The damaged demo offload was not refused"));
    UndockService undock(session);
    auto away = undock.request(QStringLiteral("UNIT-04"), QStringLiteral("Camera bracket repair at the county shop"),
                               now.addDays(-5), now.addDays(-2));
    if (!away)
        return std::unexpected(away.error());
    if (auto approved = undock.approve(away->id, QStringLiteral("Approved, return by Friday")); !approved)
        return std::unexpected(approved.error());
    auto pending = undock.request(QStringLiteral("UNIT-03"), QStringLiteral("Windshield replacement"), now.addDays(1),
                                  now.addDays(2));
    return pending ? VoidResult() : std::unexpected(pending.error());
}

} // namespace
#endif

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
    if (auto hot = addDemoHotlists(**session, generator); !hot)
        return hot;
#ifdef ALPR_HAVE_FLEET
    if (auto fleet = addDemoFleet(**session); !fleet)
        return fleet;
#endif
#ifdef ALPR_HAVE_REQUESTS
    if (auto added = addDemoRequests(**session); !added)
        return added;
#endif
    return (*session)->logout();
}

} // namespace alpr::app
