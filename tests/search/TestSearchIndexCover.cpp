// The search index covers what a result row shows (006_search_cover.sql): the copies must equal the reads, on both
// ways into the index (incremental add, bulk rebuild) and for a store written before the index covered them.
#include "reads/ReadRepository.h"
#include "search/PlateIndex.h"
#include "search/PlatePattern.h"
#include "search/ReadIndexer.h"
#include "search/ReaderConnections.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace alpr;

namespace {

QList<PlateRead> sampleReads()
{
    QList<PlateRead> reads;
    for (int i = 0; i < 6; ++i) {
        PlateRead r;
        r.plate = QStringLiteral("7AB%1").arg(8120 + i);
        r.confidence = 0.5 + 0.07 * i;
        r.timeUtc = QDateTime(QDate(2026, 3, 1 + i), QTime(10, i, 7), Qt::UTC);
        if (i % 3 != 0) { // some reads have no place (a camera without GPS)
            r.latitude = 39.28 + i * 0.0012345;
            r.longitude = -76.61 - i * 0.0023456;
        }
        r.unitId = i % 2 ? QStringLiteral("UNIT-07") : QStringLiteral("CAM-02");
        if (i % 2)
            r.cropImage = QByteArray("crop bytes ") + QByteArray::number(i);
        if (i >= 3)
            r.alternatives = {{QStringLiteral("7A8%1").arg(8120 + i), 0.3}, {QStringLiteral("1AB%1").arg(8120 + i), 0.1}};
        reads.append(r);
    }
    return reads;
}

/// Every reading the index holds, by (read, rank).
std::map<std::pair<qint64, int>, PlateIndex::Reading> indexedReadings(store::Database& db)
{
    std::map<std::pair<qint64, int>, PlateIndex::Reading> out;
    // "?*" has no gram: the index falls back to its whole dictionary, i.e. returns every reading.
    for (const PlateIndex::Reading& r : PlateIndex(db).candidates(*PlatePattern::parse(QStringLiteral("?*")), 0))
        out.emplace(std::pair(r.readId, r.rank), r);
    return out;
}

void compareWithStore(store::Database& db, const QList<PlateRead>& inserted)
{
    const auto indexed = indexedReadings(db);
    qsizetype expected = 0;
    for (const PlateRead& stored : inserted) {
        expected += 1 + stored.alternatives.size();
        for (int rank = 0; rank <= stored.alternatives.size(); ++rank) {
            const auto it = indexed.find({stored.id, rank});
            QVERIFY2(it != indexed.end(), qPrintable(QStringLiteral("read %1 rank %2 missing").arg(stored.id).arg(rank)));
            const PlateIndex::Reading& r = it->second;
            QCOMPARE(r.plate, rank == 0 ? stored.plate : stored.alternatives[rank - 1].plate);
            const PlateRead summary = r.summary();
            QCOMPARE(summary.id, stored.id);
            QCOMPARE(summary.plate, stored.plate);
            QCOMPARE(summary.confidence, stored.confidence);
            QCOMPARE(summary.timeUtc, stored.timeUtc);
            QCOMPARE(summary.latitude, stored.latitude);
            QCOMPARE(summary.longitude, stored.longitude);
            QCOMPARE(summary.unitId, stored.unitId);
            QCOMPARE(summary.cropImageId, stored.cropImageId);
            QVERIFY(summary.alternatives.isEmpty());
        }
    }
    QCOMPARE(qsizetype(indexed.size()), expected);
}

store::Database openStore(const QString& path)
{
    auto db = store::Database::openEncrypted(path, QByteArray(store::Database::kKeyBytes, 'k'));
    if (!db)
        qFatal("cannot open %s: %s", qPrintable(path), qPrintable(db.error().toString()));
    return std::move(*db);
}

} // namespace

class TestSearchIndexCover : public QObject {
    Q_OBJECT

private slots:
    void indexCopiesTheReads_data()
    {
        QTest::addColumn<bool>("rebuild");
        QTest::newRow("incremental (an import)") << false;
        QTest::newRow("rebuild (a bulk load)") << true;
    }

    void indexCopiesTheReads()
    {
        QFETCH(bool, rebuild);
        QTemporaryDir dir;
        store::Database db = openStore(dir.filePath(QStringLiteral("store.db")));
        QVERIFY(store::Migrations::apply(db));
        QList<PlateRead> reads = sampleReads();
        store::Transaction tx(db);
        ReadRepository(db).insert(tx, reads);
        if (rebuild)
            PlateIndex(db).rebuild();
        else
            ReadIndexer::indexPending(tx, QDateTime::currentDateTimeUtc()); // a few reads: add(), not rebuild()
        tx.commit();
        compareWithStore(db, reads);
    }

    // Postings list the plates of each canonical form, and a candidate form is visited only when one of its plates
    // matches: a plate that joins a known form later (a misread of a plate seen before) must reach the postings.
    void plateJoiningAKnownFormIsFound()
    {
        QTemporaryDir dir;
        store::Database db = openStore(dir.filePath(QStringLiteral("store.db")));
        QVERIFY(store::Migrations::apply(db));
        QList<PlateRead> reads = sampleReads().mid(0, 1); // 7AB8120
        QList<PlateRead> misread = sampleReads().mid(1, 1);
        misread[0].plate = QStringLiteral("7A88120"); // the same canonical form (B and 8 look alike)
        for (QList<PlateRead>* batch : {&reads, &misread}) {
            store::Transaction tx(db);
            ReadRepository(db).insert(tx, *batch);
            ReadIndexer::indexPending(tx, QDateTime::currentDateTimeUtc());
            tx.commit();
        }
        auto found = [&](const QString& pattern) {
            QList<qint64> ids;
            for (const PlateIndex::Reading& r : PlateIndex(db).candidates(*PlatePattern::parse(pattern), 0))
                ids.append(r.readId);
            return ids;
        };
        QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM search_canon")), 1);
        QCOMPARE(db.queryText(QStringLiteral("SELECT plates FROM search_canon")), QStringLiteral("7AB8120,7A88120"));
        // The form holds both reads; a pattern that only the misread fits still leads to the form.
        QVERIFY(found(QStringLiteral("*A88*")).contains(misread[0].id));
        QVERIFY(found(QStringLiteral("7A?8120")).contains(misread[0].id));
        QVERIFY(found(QStringLiteral("*AB81*")).contains(reads[0].id));
        // And a pattern that neither plate fits exactly does not visit the form at tolerance 0.
        QVERIFY(found(QStringLiteral("*A8B1*")).isEmpty());
    }

    // A broad pattern reads the readings of its forms on extra connections; the result must not depend on it, nor
    // on a connection that cannot be opened.
    void parallelReadingGivesTheSameReadings()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store.db"));
        store::Database db = openStore(path);
        QVERIFY(store::Migrations::apply(db));
        QList<PlateRead> reads;
        for (int i = 0; i < 1500; ++i) { // 1,500 distinct forms with "12" inside: well past the parallel threshold
            PlateRead r;
            r.plate = QStringLiteral("%1X12%2").arg(QChar(u'A' + i % 26)).arg(i, 4, 10, QLatin1Char('0'));
            r.confidence = 0.9;
            r.timeUtc = QDateTime(QDate(2026, 5, 1), QTime(12, 0), Qt::UTC).addSecs(i);
            r.unitId = QStringLiteral("UNIT-01");
            if (i % 4 == 0)
                r.alternatives = {{QString(r.plate).replace(u'X', u'K'), 0.2}};
            reads.append(r);
        }
        {
            store::Transaction tx(db);
            ReadRepository(db).insert(tx, reads);
            ReadIndexer::indexPending(tx, QDateTime::currentDateTimeUtc());
            tx.commit();
        }
        const PlatePattern pattern = *PlatePattern::parse(QStringLiteral("*X12*"));
        auto keys = [](const std::vector<PlateIndex::Reading>& readings) {
            QList<std::pair<qint64, int>> out;
            for (const PlateIndex::Reading& r : readings)
                out.append({r.readId, r.rank});
            std::sort(out.begin(), out.end());
            return out;
        };
        const auto alone = keys(PlateIndex(db).candidates(pattern, 0));
        QCOMPARE(alone.size(), 1500);
        int opened = 0;
        ReaderConnections readers(
            [&]() {
                ++opened;
                return store::Database::openEncrypted(path, QByteArray(store::Database::kKeyBytes, 'k'));
            },
            3);
        QCOMPARE(keys(PlateIndex(db, &readers).candidates(pattern, 0)), alone);
        QCOMPARE(opened, 3);
        QCOMPARE(keys(PlateIndex(db, &readers).candidates(pattern, 1)),
                 keys(PlateIndex(db).candidates(pattern, 1))); // tolerance 1 also reads the K alternatives
        ReaderConnections broken([]() -> Result<store::Database> { return fail(ErrorCode::Io, QStringLiteral("no")); },
                                 2);
        QCOMPARE(keys(PlateIndex(db, &broken).candidates(pattern, 0)), alone);
    }

    // A store indexed before version 6 carries its readings into the covering index; rows of reads deleted since
    // (which search used to skip) are dropped.
    void migrationCarriesAnOlderIndexForward()
    {
        QTemporaryDir dir;
        store::Database db = openStore(dir.filePath(QStringLiteral("store.db")));
        QVERIFY(store::Migrations::applyUpTo(db, 5));
        QCOMPARE(db.queryInt64(QStringLiteral("PRAGMA user_version")), 5);
        QList<PlateRead> reads = sampleReads();
        {
            store::Transaction tx(db);
            ReadRepository(db).insert(tx, reads);
            // The version 5 index, as ReadIndexer wrote it then: one canonical form per reading is enough here.
            auto canon = db.prepare(QStringLiteral("INSERT INTO search_canon(canon) VALUES (?1)"));
            auto reading = db.prepare(
                QStringLiteral("INSERT INTO search_reads(canon_id, read_id, rank, plate) VALUES (?1, ?2, ?3, ?4)"));
            auto add = [&](qint64 readId, int rank, const QString& plate) {
                canon.bind(1, QString(plate + QString::number(rank) + QString::number(readId))).run();
                reading.bind(1, db.lastInsertRowId()).bind(2, readId).bind(3, rank).bind(4, plate).run();
            };
            for (const PlateRead& r : reads) {
                add(r.id, 0, r.plate);
                for (int rank = 1; rank <= r.alternatives.size(); ++rank)
                    add(r.id, rank, r.alternatives[rank - 1].plate);
            }
            add(reads.last().id + 100, 0, QStringLiteral("GONE123")); // a read retention deleted
            tx.commit();
        }
        QVERIFY(store::Migrations::apply(db));
        QCOMPARE(db.queryInt64(QStringLiteral("PRAGMA user_version")), store::Migrations::latestVersion());
        QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM search_reads WHERE plate = 'GONE123'")), 0);
        compareWithStore(db, reads);
    }
};

QTEST_GUILESS_MAIN(TestSearchIndexCover)
#include "TestSearchIndexCover.moc"
