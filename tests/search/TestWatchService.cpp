#include "SearchTestData.h"
#include "TestStore.h"

#include "audit/AuditLog.h"
#include "search/ReadIndexer.h"
#include "search/WatchService.h"

#include <QTest>

using namespace alpr;
using namespace alpr::test;

class TestWatchService : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void findsAPastReadOnEntry();
    void findsANewlyImportedRead();
    void expiredEntriesStopMatching();
    void hitsAreAuditedUnderTheEntrysCase();
    void rejectsBadEntries_data();
    void rejectsBadEntries();
    void refusesRolesThatMayNotSearch();

private:
    NewWatchEntry entry(const QString& pattern, int tolerance = 1) const;
    QList<qint64> importReads(QList<PlateRead> reads);

    std::unique_ptr<TestStore> m_store;
    qint64 m_pastRead = 0;
};

void TestWatchService::init()
{
    m_store = std::make_unique<TestStore>();
    QVERIFY(m_store->isValid());
    const QDateTime past = m_store->clock().nowUtc().addDays(-20);
    const auto ids = insertReads(m_store->session().database(), {makeRead(QStringLiteral("7K89912"), past),
                                                                 makeRead(QStringLiteral("5TR1200"), past)});
    m_pastRead = ids[0];
}

void TestWatchService::cleanup()
{
    m_store.reset();
}

NewWatchEntry TestWatchService::entry(const QString& pattern, int tolerance) const
{
    NewWatchEntry e;
    e.pattern = pattern;
    e.tolerance = tolerance;
    e.caseNumber = QStringLiteral("26-004411");
    e.crimeType = QStringLiteral("Armed robbery");
    e.notes = QStringLiteral("Witness: dark sedan, \"7-something-B, ends in 12\"");
    e.expiresUtc = m_store->clock().nowUtc().addDays(30);
    return e;
}

QList<qint64> TestWatchService::importReads(QList<PlateRead> reads)
{
    // What the import path does: insert and index in one transaction.
    store::Database& db = m_store->session().database();
    store::Transaction tx(db);
    ReadRepository(db).insert(tx, reads);
    ReadIndexer::indexPending(tx, m_store->clock().nowUtc());
    tx.commit();
    QList<qint64> ids;
    for (const PlateRead& r : reads)
        ids.append(r.id);
    return ids;
}

void TestWatchService::findsAPastReadOnEntry()
{
    WatchService service(m_store->session());
    // "7-something-B, ends in 12": the camera read the B as an 8, so only tolerance 1 finds it.
    const auto strict = service.add(entry(QStringLiteral("7*B*12"), 0));
    QVERIFY2(strict, qPrintable(strict ? QString() : strict.error().toString()));
    QCOMPARE(strict->hitCount, 0);
    const auto added = service.add(entry(QStringLiteral("7*B*12"), 1));
    QVERIFY(added);
    QCOMPARE(added->hitCount, 1);
    const auto hits = service.hits(added->id);
    QVERIFY(hits);
    QCOMPARE(hits->size(), 1);
    QCOMPARE(hits->first().hit.read.id, m_pastRead);
    QVERIFY(hits->first().retro);
    QVERIFY(hits->first().hit.explanation.contains(QStringLiteral("look-alike 8 for B")));
}

void TestWatchService::findsANewlyImportedRead()
{
    WatchService service(m_store->session());
    const auto added = service.add(entry(QStringLiteral("7*B*12"), 1));
    QVERIFY(added);
    m_store->clock().advanceDays(2);
    const auto ids = importReads({makeRead(QStringLiteral("XYZ0001"), m_store->clock().nowUtc()),
                                  makeRead(QStringLiteral("7QX1234"), m_store->clock().nowUtc(),
                                           QStringLiteral("UNIT-04"), 0.8, {{QStringLiteral("7QB0912"), 0.4}})});
    const auto hits = service.hits(added->id);
    QVERIFY(hits);
    QCOMPARE(hits->size(), 2);
    const WatchHit* fresh = nullptr;
    for (const WatchHit& h : *hits)
        if (!h.retro)
            fresh = &h;
    QVERIFY(fresh);
    QCOMPARE(fresh->hit.read.id, ids[1]);
    QCOMPARE(fresh->hit.matchedPlate, QStringLiteral("7QB0912")); // found through the alternative reading
    QCOMPARE(fresh->hit.alternativeRank, 1);
    QCOMPARE(fresh->foundUtc, m_store->clock().nowUtc());
    QCOMPARE(service.list()->first().hitCount, 2);
}

void TestWatchService::expiredEntriesStopMatching()
{
    WatchService service(m_store->session());
    NewWatchEntry e = entry(QStringLiteral("5TR12??"), 0);
    e.expiresUtc = m_store->clock().nowUtc().addDays(1);
    const auto added = service.add(e);
    QCOMPARE(added->hitCount, 1);
    m_store->clock().advanceDays(3);
    importReads({makeRead(QStringLiteral("5TR1299"), m_store->clock().nowUtc())});
    QCOMPARE(service.hits(added->id)->size(), 1);
    QVERIFY(service.list(false)->isEmpty());
    QCOMPARE(service.list(true)->size(), 1);
}

void TestWatchService::hitsAreAuditedUnderTheEntrysCase()
{
    WatchService service(m_store->session());
    const auto added = service.add(entry(QStringLiteral("7*B*12"), 1));
    QVERIFY(service.hits(added->id));
    AuditFilter f;
    f.action = QStringLiteral("watch*");
    const auto audits = AuditLog::list(m_store->session().database(), f);
    QCOMPARE(audits->size(), 2);
    QCOMPARE(audits->at(0).action, QStringLiteral("watch.add"));
    QCOMPARE(audits->at(0).caseNumber, QStringLiteral("26-004411"));
    QVERIFY(audits->at(0).parameters.contains(QStringLiteral("7*B*12")));
    QCOMPARE(audits->at(0).outcome, QStringLiteral("retro hits: 1"));
    QCOMPARE(audits->at(1).action, QStringLiteral("watch.hits"));
    QCOMPARE(audits->at(1).caseNumber, QStringLiteral("26-004411"));
    QCOMPARE(audits->at(1).outcome, QStringLiteral("results: 1"));
}

void TestWatchService::rejectsBadEntries_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::newRow("hostile pattern") << "pattern"
                                     << "7B'; DELETE FROM reads; --";
    QTest::newRow("too broad") << "pattern"
                               << "7*";
    QTest::newRow("no case") << "case"
                             << "";
    QTest::newRow("case format") << "case"
                                 << "whatever you like";
    QTest::newRow("no crime type") << "crime"
                                   << "";
    QTest::newRow("crime type control") << "crime"
                                        << "Robbery\x1b[2J";
    QTest::newRow("expired") << "expiry"
                             << "-1";
    QTest::newRow("too far") << "expiry"
                             << "1000";
}

void TestWatchService::rejectsBadEntries()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    NewWatchEntry e = entry(QStringLiteral("7*B*12"));
    if (field == QStringLiteral("pattern"))
        e.pattern = value;
    else if (field == QStringLiteral("case"))
        e.caseNumber = value;
    else if (field == QStringLiteral("crime"))
        e.crimeType = value;
    else
        e.expiresUtc = m_store->clock().nowUtc().addDays(value.toInt());
    const auto added = WatchService(m_store->session()).add(e);
    QVERIFY(!added);
    QVERIFY(added.error().code == ErrorCode::InvalidInput || added.error().code == ErrorCode::PurposeRequired);
    QCOMPARE(m_store->session().database().queryInt64(QStringLiteral("SELECT count(*) FROM watch_entries")), 0);
}

void TestWatchService::refusesRolesThatMayNotSearch()
{
    auto auditor = m_store->addAndLogin(QStringLiteral("auditor1"), Role::Auditor);
    QCOMPARE(WatchService(*auditor).add(entry(QStringLiteral("7*B*12"))).error().code, ErrorCode::PermissionDenied);
}

QTEST_GUILESS_MAIN(TestWatchService)
#include "TestWatchService.moc"
