#include "HotlistTestData.h"
#include "TestStore.h"

#include "audit/AuditLog.h"
#include "hotlists/AlertService.h"
#include "hotlists/HotlistMatching.h"
#include "search/WatchService.h"

#include <QTest>

using namespace alpr;
using namespace alpr::test;

class TestHotlistMatching : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void lookAlikeMatchesOnlyWhenTheListAsks();
    void anAlternativeReadingMatchesExactly();
    void aNewListIsMatchedAgainstRecentReads();
    void expiredEntriesAndListsNeverMatch();
    void reimportDroppingAnEntryStopsItsHitsButKeepsPastAlerts();
    void aFileWithoutValidEntriesLeavesTheListInForce();
    void amberAlertEntrySearchesPastReadsAtOnce();
    void partialPlateWatchHitsJoinTheQueue();
    void noListsKeepsTheBulkPathQuiet();

private:
    QList<Alert> alerts();
    QDateTime now() { return m_store->clock().nowUtc(); }
    HotlistImportReport load(const QString& name, const QByteArray& csv, bool lookAlike = false);

    std::unique_ptr<TestStore> m_store;
    QTemporaryDir m_dir;
};

void TestHotlistMatching::initTestCase()
{
    HotlistMatching::install();
}

void TestHotlistMatching::init()
{
    m_store = std::make_unique<TestStore>();
    QVERIFY(m_store->isValid());
}

void TestHotlistMatching::cleanup()
{
    m_store.reset();
}

QList<Alert> TestHotlistMatching::alerts()
{
    auto list = AlertService(m_store->session()).list();
    return list ? *list : QList<Alert>();
}

HotlistImportReport TestHotlistMatching::load(const QString& name, const QByteArray& csv, bool lookAlike)
{
    const QString path = writeFile(m_dir, name + QStringLiteral(".csv"), csv);
    auto report = HotlistService(m_store->session()).importFile(path, csvList(name, lookAlike));
    if (!report)
        qWarning() << report.error().toString();
    return report ? *report : HotlistImportReport{};
}

void TestHotlistMatching::lookAlikeMatchesOnlyWhenTheListAsks()
{
    QCOMPARE(load(QStringLiteral("Exact"), "plate,state\nBABC123,CA\n", false).version.entries, 1);
    QCOMPARE(load(QStringLiteral("Loose"), "plate,state\nBABC123,CA\n", true).version.entries, 1);
    const auto ids = importReads(m_store->session().database(), now(), {makeRead(QStringLiteral("8ABC123"), now())});
    const QList<Alert> found = alerts();
    QCOMPARE(found.size(), 1);
    const Alert& a = found.first();
    QCOMPARE(a.listName, QStringLiteral("Loose"));
    QCOMPARE(a.read.id, ids.first());
    QCOMPARE(a.matchKind, QStringLiteral("look-alike"));
    QCOMPARE(a.entryPlate, QStringLiteral("BABC123"));
    QCOMPARE(a.matchedPlate, QStringLiteral("8ABC123"));
    QVERIFY2(a.explanation.contains(QStringLiteral("look-alike")), qPrintable(a.explanation));
    QVERIFY(!a.retro);
    QCOMPARE(a.state, AlertState::New);
    QVERIFY(!a.isVerified());
    QVERIFY(a.dispatchLine().contains(Alert::kUnverifiedWarning));

    // The plate itself hits both lists, exactly.
    importReads(m_store->session().database(), now(), {makeRead(QStringLiteral("BABC123"), now())});
    int exact = 0;
    for (const Alert& x : alerts())
        exact += x.matchKind == QLatin1String("exact") ? 1 : 0;
    QCOMPARE(exact, 2);
}

void TestHotlistMatching::anAlternativeReadingMatchesExactly()
{
    load(QStringLiteral("Stolen"), "plate\nBABC123\n");
    importReads(m_store->session().database(), now(),
                {makeRead(QStringLiteral("8ABC123"), now(), QStringLiteral("UNIT-02"), 0.7,
                          {{QStringLiteral("BABC123"), 0.3}})});
    const QList<Alert> found = alerts();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().matchKind, QStringLiteral("exact"));
    QCOMPARE(found.first().matchedPlate, QStringLiteral("BABC123"));
    QCOMPARE(found.first().alternativeRank, 1);
}

void TestHotlistMatching::aNewListIsMatchedAgainstRecentReads()
{
    store::Database& db = m_store->session().database();
    importReads(db, now(),
                {makeRead(QStringLiteral("RECENT1"), now().addDays(-20)),
                 makeRead(QStringLiteral("OLDREAD1"), now().addDays(-40))});
    const HotlistImportReport report = load(QStringLiteral("Stolen"), "plate\nRECENT1\nOLDREAD1\n");
    QCOMPARE(report.version.retroAlerts, 1); // the default window is 30 days
    const QList<Alert> found = alerts();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().entryPlate, QStringLiteral("RECENT1"));
    QVERIFY(found.first().retro);

    // The window is a setting.
    HotlistService service(m_store->session());
    HotlistSettings settings = *service.settings();
    settings.retroDays = 60;
    QVERIFY(service.saveSettings(settings));
    QCOMPARE(load(QStringLiteral("Stolen"), "plate\nRECENT1\nOLDREAD1\n").version.retroAlerts, 1); // RECENT1 not twice
    QCOMPARE(alerts().size(), 2);
}

void TestHotlistMatching::expiredEntriesAndListsNeverMatch()
{
    const QByteArray csv = "plate,expiry\nSHORT1," + now().addDays(1).toString(Qt::ISODate).toLatin1() + "\nLONG1,\n";
    load(QStringLiteral("Entries"), csv);
    HotlistImportOptions options = csvList(QStringLiteral("Whole list"));
    options.expiresUtc = now().addDays(1);
    QVERIFY(HotlistService(m_store->session())
                .importFile(writeFile(m_dir, QStringLiteral("w.csv"), "plate\nLISTX1\n"), options));
    m_store->clock().advanceDays(2);
    importReads(m_store->session().database(), now(),
                {makeRead(QStringLiteral("SHORT1"), now()), makeRead(QStringLiteral("LONG1"), now()),
                 makeRead(QStringLiteral("LISTX1"), now())});
    const QList<Alert> found = alerts();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().entryPlate, QStringLiteral("LONG1"));
}

void TestHotlistMatching::reimportDroppingAnEntryStopsItsHitsButKeepsPastAlerts()
{
    store::Database& db = m_store->session().database();
    const HotlistImportReport first = load(QStringLiteral("Stolen"), "plate\nABC123\nDEF456\n");
    QCOMPARE(first.version.version, 1);
    importReads(db, now(), {makeRead(QStringLiteral("ABC123"), now())});
    QCOMPARE(alerts().size(), 1);

    m_store->clock().advanceSecs(3600);
    const HotlistImportReport second = load(QStringLiteral("Stolen"), "plate\nDEF456\n");
    QCOMPARE(second.version.version, 2);
    QCOMPARE(second.version.dropped, 1);
    QCOMPARE(second.list.entryCount, 1);
    importReads(db, now(), {makeRead(QStringLiteral("ABC123"), now()), makeRead(QStringLiteral("DEF456"), now())});
    const QList<Alert> found = alerts();
    QCOMPARE(found.size(), 2);
    int abc = 0;
    for (const Alert& a : found)
        abc += a.entryPlate == QLatin1String("ABC123") ? 1 : 0;
    QCOMPARE(abc, 1); // the old alert, still there; the new read of ABC123 did not hit

    HotlistService service(m_store->session());
    const auto versions = service.versions(first.list.id);
    QVERIFY(versions);
    QCOMPARE(versions->size(), 2);
    QCOMPARE(versions->first().version, 2);
    QCOMPARE(versions->first().importedBy, TestStore::kAdmin);
    QCOMPARE(versions->first().sha256.size(), 64);
    QVERIFY(versions->first().sha256 != versions->last().sha256);
    AuditFilter f;
    f.action = QStringLiteral("hotlist.import");
    QCOMPARE(AuditLog::list(db, f)->size(), 2);
}

void TestHotlistMatching::aFileWithoutValidEntriesLeavesTheListInForce()
{
    const HotlistImportReport first = load(QStringLiteral("Stolen"), "plate\nABC123\n");
    QCOMPARE(first.list.entryCount, 1);
    auto refused = HotlistService(m_store->session())
                       .importFile(writeFile(m_dir, QStringLiteral("bad.csv"), "plate\n,\n???\n"),
                                   csvList(QStringLiteral("Stolen")));
    QVERIFY(!refused);
    QVERIFY(refused.error().message.contains(QStringLiteral("nothing loaded")));
    QCOMPARE(HotlistService(m_store->session()).lists()->first().entryCount, 1);
    QCOMPARE(HotlistService(m_store->session()).versions(first.list.id)->size(), 1);
}

void TestHotlistMatching::amberAlertEntrySearchesPastReadsAtOnce()
{
    importReads(m_store->session().database(), now(), {makeRead(QStringLiteral("KID4321"), now().addDays(-2))});
    HotlistService service(m_store->session());
    ManualEntry amber;
    amber.plate = QStringLiteral("kid-4321");
    amber.state = QStringLiteral("NV");
    amber.category = HotlistCategory::AmberAlert;
    amber.reason = QStringLiteral("Amber alert 26-A-17: child taken from school");
    amber.expiresUtc = now().addDays(3);
    const auto report = service.addEntry(amber);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
    QVERIFY(report->retroSearched);
    QCOMPARE(report->retroAlerts, 1);
    const QList<Alert> found = alerts();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().priority, HotlistPriority::High);
    QCOMPARE(found.first().listName, HotlistService::kManualListName);
    QVERIFY(found.first().retro);

    ManualEntry bolo = amber;
    bolo.category = HotlistCategory::Bolo;
    bolo.plate = QStringLiteral("BOLO1");
    const auto boloReport = service.addEntry(bolo);
    QVERIFY(boloReport);
    QVERIFY(!boloReport->retroSearched);

    AuditFilter f;
    f.action = QStringLiteral("hotlist.entry.add");
    QCOMPARE(AuditLog::list(m_store->session().database(), f)->size(), 2);
    QVERIFY(service.removeEntry(report->entryId, QStringLiteral("Child found")));
    importReads(m_store->session().database(), now(), {makeRead(QStringLiteral("KID4321"), now())});
    QCOMPARE(alerts().size(), 1);
}

void TestHotlistMatching::partialPlateWatchHitsJoinTheQueue()
{
    NewWatchEntry watch;
    watch.pattern = QStringLiteral("7*B*12");
    watch.caseNumber = QStringLiteral("26-004411");
    watch.crimeType = QStringLiteral("Armed robbery");
    watch.expiresUtc = now().addDays(10);
    QVERIFY(WatchService(m_store->session()).add(watch));
    importReads(m_store->session().database(), now(), {makeRead(QStringLiteral("7QB0912"), now())});
    const QList<Alert> found = alerts();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().matchKind, QStringLiteral("partial"));
    QCOMPARE(found.first().source, QStringLiteral("watch"));
    QCOMPARE(found.first().entryPlate, QStringLiteral("7*B*12"));
    QCOMPARE(found.first().category, HotlistCategory::Watch);
    QVERIFY(found.first().listName.contains(QStringLiteral("26-004411")));
}

void TestHotlistMatching::noListsKeepsTheBulkPathQuiet()
{
    const auto report = [&] {
        store::Database& db = m_store->session().database();
        QList<PlateRead> reads{makeRead(QStringLiteral("ABC123"), now())};
        store::Transaction tx(db);
        ReadRepository(db).insert(tx, reads);
        const auto r = ReadIndexer::indexPending(tx, now());
        tx.commit();
        return r;
    }();
    QCOMPARE(report.newListenerRecords, 0);
    QVERIFY(alerts().isEmpty());
}

QTEST_GUILESS_MAIN(TestHotlistMatching)
#include "TestHotlistMatching.moc"
