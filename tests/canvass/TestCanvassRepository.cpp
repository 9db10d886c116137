#include "CanvassFixture.h"
#include "TestStore.h"
#include "canvass/CanvassGrid.h"
#include "canvass/CanvassRepository.h"
#include "canvass/Geodesy.h"
#include "store/Statement.h"

#include <QRandomGenerator>
#include <QTest>

using namespace alpr;
using namespace alpr::test;

namespace {
const GeoPoint kScene{39.2850, -76.5800};
const QDateTime kNoon(QDate(2026, 5, 30), QTime(12, 0), Qt::UTC);

QList<qint64> idsOf(const Result<QList<CanvassRead>>& reads)
{
    QList<qint64> ids;
    if (reads) {
        for (const CanvassRead& r : *reads)
            ids.append(r.id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

CanvassQuery circleQuery(const GeoPoint& centre, double radius, const QDateTime& from, const QDateTime& to)
{
    return {CanvassArea::circle(centre, radius), from, to};
}
} // namespace

class TestCanvassRepository : public QObject {
    Q_OBJECT

private slots:
    void timeWindowEdgesAreInclusive()
    {
        TestStore store;
        QVERIFY(store.isValid());
        auto& db = store.session().database();
        const QDateTime from = kNoon, to = kNoon.addSecs(2 * 3600);
        const auto ids = insertReads(db, {makeRead(QStringLiteral("BEFORE1"), kScene, from.addSecs(-1)),
                                          makeRead(QStringLiteral("ATSTART"), kScene, from),
                                          makeRead(QStringLiteral("ATEND"), kScene, to),
                                          makeRead(QStringLiteral("AFTER1"), kScene, to.addSecs(1))});
        const auto found = CanvassRepository(db).findReads(circleQuery(kScene, 100, from, to));
        QVERIFY(found);
        QCOMPARE(idsOf(found), (QList<qint64>{ids[1], ids[2]}));
        QCOMPARE(found->first().plate, QStringLiteral("ATSTART")); // time order
    }

    void readsWithoutPositionAreNotCanvassed()
    {
        TestStore store;
        auto& db = store.session().database();
        PlateRead unplaced = makeRead(QStringLiteral("NOGPS1"), kScene, kNoon);
        unplaced.latitude.reset();
        unplaced.longitude.reset();
        insertReads(db, {unplaced});
        QVERIFY(CanvassRepository(db).findReads(circleQuery(kScene, 1000, kNoon, kNoon))->isEmpty());
    }

    void indexFollowsUpdatesAndDeletes()
    {
        TestStore store;
        auto& db = store.session().database();
        const auto ids = insertReads(
            db, {makeRead(QStringLiteral("MOVED1"), kScene, kNoon), makeRead(QStringLiteral("GONE1"), kScene, kNoon)});
        const CanvassQuery here = circleQuery(kScene, 100, kNoon, kNoon);
        QCOMPARE(CanvassRepository(db).findReads(here)->size(), 2);
        auto moved = guarded([&] {
            auto s = db.prepare(QStringLiteral("UPDATE reads SET lat = lat + 0.01 WHERE id = ?1"));
            s.bind(1, ids[0]).run();
            auto d = db.prepare(QStringLiteral("DELETE FROM reads WHERE id = ?1"));
            d.bind(1, ids[1]).run();
        });
        QVERIFY(moved);
        QVERIFY(CanvassRepository(db).findReads(here)->isEmpty());
        const GeoPoint north{kScene.latitude + 0.01, kScene.longitude};
        QCOMPARE(idsOf(CanvassRepository(db).findReads(circleQuery(north, 100, kNoon, kNoon))), QList<qint64>{ids[0]});
    }

    void indexAgreesWithFullScan()
    {
        // Random reads around the scene and random canvasses: the grid index must neither lose nor add a read
        // compared with scanning every row.
        TestStore store;
        auto& db = store.session().database();
        QRandomGenerator random(42);
        QList<PlateRead> reads;
        for (int i = 0; i < 3000; ++i) {
            const GeoPoint at{kScene.latitude + random.bounded(0.04) - 0.02,
                              kScene.longitude + random.bounded(0.05) - 0.025};
            reads.append(makeRead(QStringLiteral("P%1").arg(random.bounded(400)), at,
                                  kNoon.addSecs(random.bounded(48 * 3600)), QStringLiteral("U%1").arg(i % 7)));
        }
        insertReads(db, reads);
        CanvassRepository repository(db);
        int nonEmpty = 0;
        for (int q = 0; q < 40; ++q) {
            const GeoPoint centre{kScene.latitude + random.bounded(0.02) - 0.01,
                                  kScene.longitude + random.bounded(0.02) - 0.01};
            const QDateTime from = kNoon.addSecs(random.bounded(40 * 3600));
            const CanvassQuery query =
                circleQuery(centre, 100 + random.bounded(1500), from, from.addSecs(600 + random.bounded(8 * 3600)));
            const auto indexed = idsOf(repository.findReads(query));
            QCOMPARE(indexed, idsOf(repository.findReads(query, nullptr, CanvassRepository::Strategy::FullScan)));
            QCOMPARE(indexed, idsOf(repository.findReads(query, nullptr, CanvassRepository::Strategy::TimeIndex)));
            nonEmpty += indexed.isEmpty() ? 0 : 1;
        }
        QVERIFY(nonEmpty > 20); // the comparison was not between empty sets
    }

    void cellsAgreeWithTheIndexedExpression()
    {
        // Cell edges, both signs, both hemispheres: SQLite's CAST and the C++ truncation must give the same cell,
        // or the grid would seek the wrong cell and silently miss reads.
        TestStore store;
        auto& db = store.session().database();
        const QList<GeoPoint> points{{39.29, -76.61},  {39.2899999999, -76.6100000001},
                                     {0.005, -0.005},  {-0.005, 0.005},
                                     {-33.87, 151.21}, {65.0, 25.47},
                                     {-89.99, 179.99}, {89.99, -179.99},
                                     {0.0, 0.0}};
        QList<PlateRead> reads;
        for (const GeoPoint& p : points)
            reads.append(makeRead(QStringLiteral("CELL1"), p, kNoon));
        const auto ids = insertReads(db, reads);
        auto statement = db.prepare(QStringLiteral("SELECT %1 FROM reads AS r WHERE r.id = ?1")
                                        .arg(QLatin1String(CanvassGrid::cellExpression(db.isPostgres()))));
        for (qsizetype i = 0; i < points.size(); ++i) {
            statement.bind(1, ids[i]);
            QVERIFY(statement.step());
            QCOMPARE(statement.int64(0), CanvassGrid::cell(points[i].latitude, points[i].longitude));
            statement.reset();
            const CanvassQuery tiny = circleQuery(points[i], 1.0, kNoon, kNoon);
            QVERIFY(idsOf(CanvassRepository(db).findReads(tiny)).contains(ids[i]));
        }
    }

    void usesTheGridIndex()
    {
        constexpr qint64 kWindowStart = 1780000000; // 2026-05-28
        TestStore store;
        auto& db = store.session().database();
        auto plan = guarded([&] {
            QString details;
            // An empty table is cheapest to scan: the question is only whether the planner can use the index.
            // On a server the window's month must exist (016_read_months.sql), else the plan reads nothing at all.
            if (db.isPostgres())
                db.exec(QStringLiteral("SET enable_seqscan = off; SELECT alpr_add_read_months(ARRAY[%1]::BIGINT[])")
                            .arg(kWindowStart));
            auto s =
                db.prepare(QStringLiteral("%1 SELECT r.id FROM reads AS r WHERE %2 = ?1 AND "
                                          "r.time_utc BETWEEN ?2 AND ?3")
                               .arg(db.isPostgres() ? QStringLiteral("EXPLAIN") : QStringLiteral("EXPLAIN QUERY PLAN"),
                                    QLatin1String(CanvassGrid::cellExpression(db.isPostgres()))));
            s.bind(1, qint64(5)).bind(2, kWindowStart).bind(3, kWindowStart + 1);
            while (s.step())
                details += s.text(s.columnCount() - 1) + QLatin1Char('\n');
            return details;
        });
        QVERIFY(plan);
        if (db.isPostgres())
            QVERIFY2(plan->contains(QStringLiteral("Index Scan using reads_2026_05_cell_time")) &&
                         plan->contains(QStringLiteral("(time_utc >= '%1'::bigint) AND (time_utc <= '%2'::bigint)")
                                            .arg(kWindowStart)
                                            .arg(kWindowStart + 1)),
                     qPrintable(*plan));
        else
            QVERIFY2(
                plan->contains(QStringLiteral("USING INDEX reads_cell_time (<expr>=? AND time_utc>? AND time_utc<?)")),
                qPrintable(*plan));
    }
};

QTEST_GUILESS_MAIN(TestCanvassRepository)
#include "TestCanvassRepository.moc"
