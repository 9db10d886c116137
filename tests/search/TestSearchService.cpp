#include "SearchTestData.h"
#include "TestStore.h"

#include "audit/AuditLog.h"
#include "search/DemoDataGenerator.h"
#include "search/PlateIndex.h"
#include "search/PlateMatcher.h"
#include "search/SearchService.h"
#include "store/Statement.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <random>
#include <thread>

using namespace alpr;
using namespace alpr::test;

namespace {

const AccessPurpose kPurpose{QStringLiteral("Criminal investigation"), QStringLiteral("24-001234")};

QList<qint64> ids(const SearchResult& r)
{
    QList<qint64> out;
    for (const SearchHit& h : r.hits)
        out.append(h.read.id);
    return out;
}

QSet<qint64> idSet(const SearchResult& r)
{
    const QList<qint64> list = ids(r);
    return QSet<qint64>(list.begin(), list.end());
}

SearchQuery query(const QString& pattern, int tolerance = 0)
{
    SearchQuery q;
    q.pattern = pattern;
    q.tolerance = tolerance;
    return q;
}

QList<AuditRecord> searchAudits(Session& s)
{
    AuditFilter f;
    f.action = QStringLiteral("search*");
    return AuditLog::list(s.database(), f).value_or(QList<AuditRecord>{});
}

} // namespace

class TestSearchService : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void exactFindsBestReadingAndAlternative();
    void lookAlikesAtToleranceOne();
    void oneEditAtToleranceTwo();
    void wildcardsAndSets();
    void shortRunsAtThePatternsEnd();
    void filtersNarrowTheResults();
    void readsImportedLaterAreFound();
    void limitKeepsTheBestRanked();
    void refusesWithoutPurposeOrCase_data();
    void refusesWithoutPurposeOrCase();
    void refusesRolesThatMayNotSearch();
    void rejectsHostilePatternsBeforeTouchingData();
    void auditRecordHoldsQueryPurposeCaseAndCount();
    void viewingAReadIsAudited();
    void concurrentSearchesKeepOneAuditChain();
    void exportWritesCsvAndIsAudited();
    void indexAgreesWithAFullScan();

private:
    std::unique_ptr<TestStore> m_store;
    QList<qint64> m_ids;
    QDateTime m_t0;
};

void TestSearchService::init()
{
    m_store = std::make_unique<TestStore>();
    QVERIFY(m_store->isValid());
    m_t0 = QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
    m_ids = insertReads(
        m_store->session().database(),
        {makeRead(QStringLiteral("7AB8123"), m_t0, QStringLiteral("UNIT-01"), 0.95),
         makeRead(QStringLiteral("7A88123"), m_t0.addDays(1), QStringLiteral("UNIT-02"), 0.70,
                  {{QStringLiteral("7AB8123"), 0.60}}),
         makeRead(QStringLiteral("XYZ1234"), m_t0.addDays(2)),
         makeRead(QStringLiteral("7AB8124"), m_t0.addDays(3), QStringLiteral("UNIT-01"), 0.80),
         makeRead(QStringLiteral("ABX1299"), m_t0.addDays(4), QStringLiteral("UNIT-03"), 0.85, {}, 39.30, -76.55)});
}

void TestSearchService::cleanup()
{
    m_store.reset();
}

void TestSearchService::exactFindsBestReadingAndAlternative()
{
    SearchService service(m_store->session());
    const auto result = service.search(query(QStringLiteral("7ab-8123")), kPurpose);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(ids(*result), (QList<qint64>{m_ids[0], m_ids[1]})); // best reading ranks before the alternative
    QCOMPARE(result->hits[0].explanation, QStringLiteral("exact"));
    QCOMPARE(result->hits[1].alternativeRank, 1);
    QCOMPARE(result->hits[1].matchedPlate, QStringLiteral("7AB8123"));
    QVERIFY(result->hits[1].explanation.contains(QStringLiteral("alternative reading 1")));
}

void TestSearchService::lookAlikesAtToleranceOne()
{
    SearchService service(m_store->session());
    // The witness says "7AB8I23": at 0 nothing, at 1 the look-alike I/1 finds both reads of 7AB8123.
    QVERIFY(service.search(query(QStringLiteral("7AB8I23")), kPurpose)->hits.isEmpty());
    const auto result = service.search(query(QStringLiteral("7AB8I23"), 1), kPurpose);
    QVERIFY(result);
    QCOMPARE(idSet(*result), (QSet<qint64>{m_ids[0], m_ids[1]}));
    QCOMPARE(result->hits[0].score, 1);
    QVERIFY2(result->hits[0].explanation.contains(QStringLiteral("look-alike 1 for I at 5")),
             qPrintable(result->hits[0].explanation));
}

void TestSearchService::oneEditAtToleranceTwo()
{
    SearchService service(m_store->session());
    QVERIFY(service.search(query(QStringLiteral("7AB8129"), 1), kPurpose)->hits.isEmpty());
    const auto result = service.search(query(QStringLiteral("7AB8129"), 2), kPurpose);
    QVERIFY(result);
    QCOMPARE(idSet(*result), (QSet<qint64>{m_ids[0], m_ids[1], m_ids[3]}));
    // A missing character: the witness remembers only six.
    const auto shorter = service.search(query(QStringLiteral("7AB812"), 2), kPurpose);
    QCOMPARE(idSet(*shorter), (QSet<qint64>{m_ids[0], m_ids[1], m_ids[3]}));
    QVERIFY(shorter->hits[0].explanation.contains(QStringLiteral("extra")));
}

void TestSearchService::wildcardsAndSets()
{
    SearchService service(m_store->session());
    QCOMPARE(idSet(*service.search(query(QStringLiteral("7AB*")), kPurpose)),
             (QSet<qint64>{m_ids[0], m_ids[1], m_ids[3]}));
    QCOMPARE(ids(*service.search(query(QStringLiteral("*X12*")), kPurpose)), (QList<qint64>{m_ids[4]}));
    QCOMPARE(ids(*service.search(query(QStringLiteral("??Z1234")), kPurpose)), (QList<qint64>{m_ids[2]}));
    QCOMPARE(idSet(*service.search(query(QStringLiteral("7A[8B]812?")), kPurpose)),
             (QSet<qint64>{m_ids[1], m_ids[0], m_ids[3]}));
    QCOMPARE(ids(*service.search(query(QStringLiteral("*99")), kPurpose)), (QList<qint64>{m_ids[4]}));
    // No usable trigram: the dictionary scan still answers.
    const auto broad = service.search(query(QStringLiteral("7*")), kPurpose);
    QCOMPARE(idSet(*broad), (QSet<qint64>{m_ids[0], m_ids[1], m_ids[3]}));
}

// Runs of two known characters at the end of a pattern ("...?T" + end) give the index no trigram to look up; the
// plate must still be found through the pattern's other grams.
void TestSearchService::shortRunsAtThePatternsEnd()
{
    const auto later = insertReads(m_store->session().database(), {makeRead(QStringLiteral("925QHJ"), m_t0)});
    SearchService service(m_store->session());
    QCOMPARE(ids(*service.search(query(QStringLiteral("9?7D?T"), 2), kPurpose)), later);
    QCOMPARE(ids(*service.search(query(QStringLiteral("9?5Q?J")), kPurpose)), later);
    QCOMPARE(ids(*service.search(query(QStringLiteral("*HJ")), kPurpose)), later);
}

void TestSearchService::filtersNarrowTheResults()
{
    SearchService service(m_store->session());
    SearchQuery q = query(QStringLiteral("7AB812?"));
    q.filters.units = {QStringLiteral("UNIT-01")};
    QCOMPARE(idSet(*service.search(q, kPurpose)), (QSet<qint64>{m_ids[0], m_ids[3]}));
    q.filters.units.clear();
    q.filters.fromUtc = m_t0.addSecs(3600);
    q.filters.toUtc = m_t0.addDays(2);
    QCOMPARE(ids(*service.search(q, kPurpose)), (QList<qint64>{m_ids[1]}));
    q.filters = {};
    q.filters.minConfidence = 0.9;
    QCOMPARE(ids(*service.search(q, kPurpose)), (QList<qint64>{m_ids[0]}));
    SearchQuery area = query(QStringLiteral("*"
                                            "1*"));
    area.filters.area = GeoRect{39.29, -76.56, 39.31, -76.54};
    QCOMPARE(ids(*service.search(area, kPurpose)), (QList<qint64>{m_ids[4]}));
    q.filters = {};
    q.filters.fromUtc = m_t0.addDays(5);
    q.filters.toUtc = m_t0;
    QCOMPARE(service.search(q, kPurpose).error().code, ErrorCode::InvalidInput);
    q.filters = {};
    q.filters.units = {QStringLiteral("UNIT-01'; DROP TABLE reads; --")};
    QCOMPARE(service.search(q, kPurpose).error().code, ErrorCode::InvalidInput);
}

void TestSearchService::readsImportedLaterAreFound()
{
    SearchService service(m_store->session());
    QCOMPARE(service.search(query(QStringLiteral("*QQ9*"), 0), kPurpose)->hits.size(), 0);
    const auto later =
        insertReads(m_store->session().database(), {makeRead(QStringLiteral("QQ9876"), m_t0.addDays(9))});
    QCOMPARE(ids(*service.search(query(QStringLiteral("*QQ9*")), kPurpose)), later);
}

void TestSearchService::limitKeepsTheBestRanked()
{
    SearchService service(m_store->session());
    SearchQuery q = query(QStringLiteral("7AB8123"), 2);
    q.limit = 1;
    const auto result = service.search(q, kPurpose);
    QCOMPARE(ids(*result), (QList<qint64>{m_ids[0]}));
    QVERIFY(result->truncated);
}

void TestSearchService::refusesWithoutPurposeOrCase_data()
{
    QTest::addColumn<QString>("purpose");
    QTest::addColumn<QString>("caseNumber");
    QTest::addColumn<int>("code");
    QTest::newRow("no purpose") << ""
                                << "24-001234" << int(ErrorCode::PurposeRequired);
    QTest::newRow("no case") << "Criminal investigation"
                             << "" << int(ErrorCode::PurposeRequired);
    QTest::newRow("blank") << "   "
                           << "  " << int(ErrorCode::PurposeRequired);
    QTest::newRow("case in wrong format") << "Criminal investigation"
                                          << "case #1" << int(ErrorCode::InvalidInput);
}

void TestSearchService::refusesWithoutPurposeOrCase()
{
    QFETCH(QString, purpose);
    QFETCH(QString, caseNumber);
    QFETCH(int, code);
    SearchService service(m_store->session());
    const auto result = service.search(query(QStringLiteral("7AB8123")), {purpose, caseNumber});
    QVERIFY(!result);
    QCOMPARE(int(result.error().code), code);
    QVERIFY(searchAudits(m_store->session()).isEmpty());
    QVERIFY(!service.viewRead(m_ids[0], {purpose, caseNumber}));
}

void TestSearchService::refusesRolesThatMayNotSearch()
{
    auto auditor = m_store->addAndLogin(QStringLiteral("auditor1"), Role::Auditor);
    QVERIFY(auditor);
    const auto result = SearchService(*auditor).search(query(QStringLiteral("7AB8123")), kPurpose);
    QCOMPARE(result.error().code, ErrorCode::PermissionDenied);
}

void TestSearchService::rejectsHostilePatternsBeforeTouchingData()
{
    SearchService service(m_store->session());
    const QStringList hostile{
        QStringLiteral("7AB' OR '1'='1"), QStringLiteral("%"),   QString(100000, QLatin1Char('7')),
        QStringLiteral("7AB\x01"),        QStringLiteral("7ÄB"), QStringLiteral("*) UNION SELECT *")};
    for (const QString& p : hostile) {
        const auto result = service.search(query(p), kPurpose);
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::InvalidInput);
        QVERIFY(result.error().message.startsWith(QStringLiteral("Invalid plate pattern")));
    }
    QCOMPARE(service.search(query(QStringLiteral("7AB8123"), 3), kPurpose).error().code, ErrorCode::InvalidInput);
    QVERIFY(searchAudits(m_store->session()).isEmpty());
    QCOMPARE(m_store->session().database().queryInt64(QStringLiteral("SELECT count(*) FROM reads")), 5);
}

void TestSearchService::auditRecordHoldsQueryPurposeCaseAndCount()
{
    SearchService service(m_store->session());
    SearchQuery q = query(QStringLiteral("7ab*"), 1);
    q.filters.units = {QStringLiteral("UNIT-01")};
    const auto result = service.search(q, {QStringLiteral("Criminal investigation"), QStringLiteral("24-5678")});
    QVERIFY(result);
    const QList<AuditRecord> audits = searchAudits(m_store->session());
    QCOMPARE(audits.size(), 1);
    const AuditRecord& a = audits.first();
    QCOMPARE(a.seq, result->auditSeq);
    QCOMPARE(a.action, QStringLiteral("search.plate"));
    QCOMPARE(a.user, TestStore::kAdmin);
    QCOMPARE(a.purpose, QStringLiteral("Criminal investigation"));
    QCOMPARE(a.caseNumber, QStringLiteral("24-5678"));
    QCOMPARE(a.outcome, QStringLiteral("results: %1").arg(result->hits.size()));
    QCOMPARE(result->hits.size(), 2);
    QVERIFY2(a.parameters.contains(QStringLiteral("\"pattern\":\"7AB*\"")), qPrintable(a.parameters));
    QVERIFY(a.parameters.contains(QStringLiteral("\"tolerance\":1")));
    QVERIFY(a.parameters.contains(QStringLiteral("UNIT-01")));
    QVERIFY(AuditLog::verify(m_store->session().database())->intact);
}

void TestSearchService::concurrentSearchesKeepOneAuditChain()
{
    // Searches from several workstations at once: on PostgreSQL they run side by side and take the writer lock only
    // to append their record; the chain must come out whole, one record a search, none lost or doubled.
    constexpr int kClients = 4;
    constexpr int kSearches = 15;
    std::vector<std::unique_ptr<Session>> sessions;
    for (int c = 0; c < kClients; ++c) {
        m_store->addUser(QStringLiteral("det%1").arg(c), Role::Investigator);
        sessions.push_back(m_store->login(QStringLiteral("det%1").arg(c)));
        QVERIFY(sessions.back());
    }
    const qint64 before = m_store->session().database().queryInt64(QStringLiteral("SELECT count(*) FROM audit"));
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int c = 0; c < kClients; ++c)
        threads.emplace_back([&, c] {
            SearchService service(*sessions[size_t(c)]);
            for (int i = 0; i < kSearches; ++i) {
                SearchQuery q;
                q.pattern = i % 2 ? QStringLiteral("7AB*") : QStringLiteral("7A?8123");
                q.tolerance = i % 3;
                if (!service.search(q, kPurpose))
                    ++failures;
            }
        });
    for (std::thread& t : threads)
        t.join();
    QCOMPARE(failures.load(), 0);
    store::Database& db = m_store->session().database();
    QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM audit")), before + kClients * kSearches);
    QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'search.plate'")),
             qint64(kClients * kSearches));
    const auto verified = AuditLog::verify(db);
    QVERIFY(verified);
    QVERIFY2(verified->intact, qPrintable(verified->reason));
}

void TestSearchService::viewingAReadIsAudited()
{
    SearchService service(m_store->session());
    const auto read = service.viewRead(m_ids[1], kPurpose);
    QVERIFY(read);
    QCOMPARE(read->alternatives.size(), 1);
    QCOMPARE(read->alternatives[0].plate, QStringLiteral("7AB8123"));
    AuditFilter f;
    f.action = QStringLiteral("read.view");
    const auto audits = AuditLog::list(m_store->session().database(), f);
    QCOMPARE(audits->size(), 1);
    QCOMPARE(audits->first().object, QStringLiteral("read:%1").arg(m_ids[1]));
    QCOMPARE(audits->first().caseNumber, kPurpose.caseNumber);
    QCOMPARE(service.viewRead(999999, kPurpose).error().code, ErrorCode::NotFound);
}

void TestSearchService::exportWritesCsvAndIsAudited()
{
    SearchService service(m_store->session());
    const SearchQuery q = query(QStringLiteral("7AB8123"));
    const auto result = service.search(q, kPurpose);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hits.csv"));
    QCOMPARE(*service.exportCsv(result->hits, path, q, kPurpose), 2);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QVERIFY(lines[0].startsWith("id,plate,matched_plate"));
    QVERIFY(lines[1].startsWith(QByteArray(QByteArray::number(m_ids[0]) + ",7AB8123,7AB8123,best")));
    QVERIFY(lines[2].contains("alternative 1"));
    AuditFilter f;
    f.action = QStringLiteral("search.export");
    const auto audits = AuditLog::list(m_store->session().database(), f);
    QCOMPARE(audits->size(), 1);
    QCOMPARE(audits->first().outcome, QStringLiteral("exported: 2"));
    QVERIFY(audits->first().object.endsWith(QStringLiteral("hits.csv")));
}

// The index is only a shortcut: on realistic demo data, for patterns of every kind, it must find exactly the reads a
// full scan with the same matcher finds.
void TestSearchService::indexAgreesWithAFullScan()
{
    DemoDataOptions options;
    options.reads = 3000;
    options.seed = 7;
    JobContext job;
    DemoDataGenerator generator(options);
    QVERIFY(generator.run(m_store->session(), job));
    store::Database& db = m_store->session().database();

    struct Reading {
        qint64 readId;
        QString plate;
    };
    QList<Reading> all;
    auto s = db.prepare(
        QStringLiteral("SELECT id, plate FROM reads UNION ALL SELECT read_id, plate FROM read_alternatives"));
    while (s.step())
        all.append({s.int64(0), s.text(1)});

    std::mt19937 rng(3);
    auto plateAt = [&](int i) { return generator.plateOfVehicle(i); };
    QStringList patterns;
    for (int i = 0; i < 12; ++i) {
        const QString p = plateAt(int(rng() % 40)); // frequent vehicles: seen many times
        const QString q = plateAt(int(rng() % 1500));
        patterns << p << q.left(3) + QLatin1Char('*') << QLatin1Char('*') + q.mid(2, 3) + QLatin1Char('*')
                 << QString(q).replace(1, 1, QLatin1Char('?')).replace(4, 1, QLatin1Char('?'))
                 << QLatin1Char('*') + p.right(2) << p.left(2) + QStringLiteral("*") + p.right(2)
                 << QString(p).remove(3, 1) << QStringLiteral("[%1%2]").arg(p[0]).arg(q[0]) + p.mid(1);
    }
    SearchService service(m_store->session());
    int nonEmpty = 0;
    // First as built by incremental adds of a few hundred reads each (later batches add plates to forms that
    // earlier ones created; one batch goes in twice, as a batch retried after a crash would), then as rebuilt in
    // bulk.
    for (int phase = 0; phase < 2; ++phase) {
        store::Transaction tx(db);
        if (phase == 0) {
            db.exec(QStringLiteral("DELETE FROM search_grams; DELETE FROM search_reads; DELETE FROM search_canon"));
            const qint64 last = db.queryInt64(QStringLiteral("SELECT max(id) FROM reads"));
            constexpr qint64 kBatch = 250;
            for (qint64 from = 0; from < last; from += kBatch) {
                QList<PlateIndex::Reading> batch;
                auto readings = db.prepare(
                    QStringLiteral("SELECT reads.plate, reads.id, 0, %1 FROM reads WHERE id > ?1 AND id <= ?2 "
                                   "UNION ALL SELECT a.plate, a.read_id, a.rank, %1 FROM read_alternatives a JOIN "
                                   "reads ON reads.id = a.read_id WHERE a.read_id > ?1 AND a.read_id <= ?2")
                        .arg(QLatin1String(PlateIndex::kSummaryColumns)));
                readings.bind(1, from).bind(2, from + kBatch);
                while (readings.step())
                    batch.append(PlateIndex::readingFromRow(readings));
                PlateIndex(db).add(batch);
                if (from == kBatch)
                    PlateIndex(db).add(batch);
            }
        } else {
            PlateIndex(db).rebuild();
        }
        tx.commit();
        for (const QString& pattern : std::as_const(patterns)) {
            const auto parsed = PlatePattern::parse(pattern);
            QVERIFY(parsed);
            for (int tolerance = 0; tolerance <= 2; ++tolerance) {
                SearchQuery q = query(pattern, tolerance);
                q.limit = SearchQuery::kMaxLimit;
                const auto result = service.search(q, kPurpose);
                QVERIFY2(result, qPrintable(pattern));
                const PlateMatcher matcher(*parsed, tolerance);
                QSet<qint64> expected;
                for (const Reading& r : std::as_const(all))
                    if (matcher.matches(r.plate))
                        expected.insert(r.readId);
                QVERIFY2(idSet(*result) == expected, qPrintable(QStringLiteral("%1 at %2: index %3, scan %4")
                                                                    .arg(pattern)
                                                                    .arg(tolerance)
                                                                    .arg(result->hits.size())
                                                                    .arg(expected.size())));
                nonEmpty += expected.isEmpty() ? 0 : 1;
            }
        }
    }
    QVERIFY(nonEmpty > patterns.size()); // the comparison was about real results, not empty sets
}

QTEST_GUILESS_MAIN(TestSearchService)
#include "TestSearchService.moc"
