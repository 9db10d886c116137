// bench_canvass [--reads N] [--store DIR] [--queries Q] [--scans S] [--trigger-reads M]
//               (--queries 0 skips the query timings, --trigger-reads 0 the insert costs)
//
// Canvass latency at N reads (default 10 million) in an encrypted store: a 500 m / 2 h and a 2 km / 24 h canvass
// through the grid index (the product path, CanvassRepository::findReads), and the same queries through the time
// index and as a full scan, in the same run. Then the insert cost at that size of the grid index and, for
// comparison, of an R*Tree kept by a trigger. With --store DIR the generated store is kept and reused by the next run
// (generation takes minutes).
#include "SyntheticReads.h"

#include "canvass/CanvassRepository.h"
#include "reads/ReadRepository.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "store/Transaction.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <span>

using namespace alpr;

namespace {

struct Shape {
    const char* name;
    double radiusMetres;
    qint64 windowSecs;
};

struct Timing {
    double medianMs = 0;
    double p95Ms = 0;
    double meanReads = 0;
    int runs = 0;
};

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const qsizetype index = std::min(values.size() - 1, qsizetype(p * double(values.size() - 1) + 0.5));
    return values[index];
}

Timing timeQueries(store::Database& db, const QList<CanvassQuery>& queries, CanvassRepository::Strategy strategy)
{
    CanvassRepository repository(db);
    QList<double> ms;
    double reads = 0;
    for (const CanvassQuery& query : queries) {
        QElapsedTimer timer;
        timer.start();
        auto found = repository.findReads(query, nullptr, strategy);
        ms.append(double(timer.nsecsElapsed()) / 1e6);
        if (!found) {
            std::fprintf(stderr, "query failed: %s\n", qPrintable(found.error().toString()));
            return {};
        }
        reads += double(found->size());
    }
    return {percentile(ms, 0.5), percentile(ms, 0.95), reads / double(queries.size()), int(queries.size())};
}

enum class IndexVariant { Grid, None, RTreeTrigger };

/// Reads per second through ReadRepository (the import path) inserted inside a transaction that is rolled back, so
/// the store is unchanged. None drops reads_cell_time inside that transaction; RTreeTrigger also adds the R*Tree and
/// the insert trigger this module first had (an empty R*Tree, so its cost is understated).
double insertRate(store::Database& db, bench::SyntheticReads& synthetic, int count, IndexVariant variant)
{
    QList<PlateRead> reads;
    reads.reserve(count);
    const QDateTime start = synthetic.end().addDays(1);
    QRandomGenerator plateRandom(99);
    for (int i = 0; i < count; ++i) {
        const GeoPoint at = synthetic.randomScene();
        PlateRead r;
        // Plates spread over the whole plate index, as real traffic is (a block of similar plates would keep the
        // plate index's cost artificially low and overstate every other index's share).
        QString plate;
        for (int k = 0; k < 7; ++k)
            plate += k < 3 ? QLatin1Char(char('A' + plateRandom.bounded(26)))
                           : QLatin1Char(char('0' + plateRandom.bounded(10)));
        r.plate = plate;
        r.confidence = 0.9;
        r.timeUtc = start.addSecs(i);
        r.latitude = at.latitude;
        r.longitude = at.longitude;
        r.unitId = QStringLiteral("CAR-%1").arg(i % 40 + 1, 2, 10, QLatin1Char('0'));
        reads.append(r);
    }
    auto rate = guarded([&] {
        store::Transaction tx(db);
        if (variant != IndexVariant::Grid)
            db.exec(QStringLiteral("DROP INDEX reads_cell_time"));
        if (variant == IndexVariant::RTreeTrigger)
            db.exec(QStringLiteral(
                "CREATE VIRTUAL TABLE bench_geo USING rtree(id, min_lon, max_lon, min_lat, max_lat, min_t, max_t); "
                "CREATE TRIGGER bench_geo_insert AFTER INSERT ON reads WHEN new.lat IS NOT NULL BEGIN "
                "INSERT INTO bench_geo VALUES (new.id, new.lon, new.lon, new.lat, new.lat, new.time_utc, "
                "new.time_utc); END;"));
        QElapsedTimer timer;
        timer.start();
        ReadRepository(db).insert(tx, reads);
        return double(count) / (double(timer.nsecsElapsed()) / 1e9);
        // tx rolls back here
    });
    if (!rate)
        std::fprintf(stderr, "insert failed: %s\n", qPrintable(rate.error().toString()));
    return rate ? *rate : 0.0;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    qint64 readCount = 10'000'000;
    int queryCount = 50;
    int scanCount = 3;
    int triggerReads = 100000;
    QString storeDir;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        const QString& name = args[i];
        const QString value = args[i + 1];
        if (name == QLatin1String("--reads"))
            readCount = value.toLongLong();
        else if (name == QLatin1String("--queries"))
            queryCount = value.toInt();
        else if (name == QLatin1String("--scans"))
            scanCount = value.toInt();
        else if (name == QLatin1String("--trigger-reads"))
            triggerReads = value.toInt();
        else if (name == QLatin1String("--store"))
            storeDir = value;
    }
    QTemporaryDir temporary;
    if (storeDir.isEmpty())
        storeDir = temporary.path();
    QDir().mkpath(storeDir);
    const QString path = QDir(storeDir).filePath(QStringLiteral("canvass-bench-%1.db").arg(readCount));
    // Synthetic data only: a fixed key keeps a kept store reusable between runs.
    const QByteArray key = QCryptographicHash::hash("bench_canvass synthetic store", QCryptographicHash::Sha256);
    auto db = store::Database::openEncrypted(path, key);
    if (!db) {
        std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(path), qPrintable(db.error().toString()));
        return 1;
    }
    if (auto migrated = store::Migrations::apply(*db); !migrated) {
        std::fprintf(stderr, "migration failed: %s\n", qPrintable(migrated.error().toString()));
        return 1;
    }
    bench::SyntheticReads synthetic(20260530);
    const qint64 existing = db->queryInt64(QStringLiteral("SELECT count(*) FROM reads"));
    std::printf("bench_canvass: %lld synthetic reads, encrypted store (SQLCipher %s), %s\n", qlonglong(readCount),
                qPrintable(db->queryText(QStringLiteral("PRAGMA cipher_version"))), qPrintable(path));
    if (existing < readCount) {
        QElapsedTimer timer;
        timer.start();
        if (auto generated = synthetic.generate(*db, readCount - existing, 200000); !generated) {
            std::fprintf(stderr, "generation failed: %s\n", qPrintable(generated.error().toString()));
            return 1;
        }
        std::printf("generated %lld reads in %.0f s (%.0f reads/s, grid index on, 200k per transaction)\n",
                    qlonglong(readCount - existing), double(timer.elapsed()) / 1000.0,
                    double(readCount - existing) / (double(timer.elapsed()) / 1000.0));
    }
    std::printf("store file: %.0f MiB\n\n", double(QFileInfo(path).size()) / 1048576.0);

    const Shape shapes[] = {{"500 m / 2 h", 500.0, 2 * 3600}, {"2 km / 24 h", 2000.0, 24 * 3600}};
    if (queryCount > 0)
        std::printf("%-12s %-14s %5s %10s %10s %12s\n", "canvass", "strategy", "runs", "median ms", "p95 ms",
                    "mean reads");
    for (const Shape& shape : queryCount > 0 ? std::span<const Shape>(shapes) : std::span<const Shape>()) {
        QList<CanvassQuery> queries;
        const qint64 span = synthetic.start().secsTo(synthetic.end()) - shape.windowSecs;
        for (int i = 0; i < queryCount + 2; ++i) {
            const QDateTime from = synthetic.start().addSecs(qint64(QRandomGenerator::global()->bounded(double(span))));
            queries.append({CanvassArea::circle(synthetic.randomScene(), shape.radiusMetres), from,
                            from.addSecs(shape.windowSecs - 1)});
        }
        (void)timeQueries(*db, queries.mid(0, 2), CanvassRepository::Strategy::GridIndex); // warm the cache
        queries = queries.mid(2);
        const struct {
            const char* name;
            CanvassRepository::Strategy strategy;
            int runs;
        } strategies[] = {{"grid index", CanvassRepository::Strategy::GridIndex, queryCount},
                          {"time index", CanvassRepository::Strategy::TimeIndex, std::min(queryCount, 10)},
                          {"full scan", CanvassRepository::Strategy::FullScan, scanCount}};
        double indexMedian = 0;
        for (const auto& s : strategies) {
            const Timing t = timeQueries(*db, queries.mid(0, s.runs), s.strategy);
            if (s.strategy == CanvassRepository::Strategy::GridIndex)
                indexMedian = t.medianMs;
            std::printf("%-12s %-14s %5d %10.2f %10.2f %12.1f", shape.name, s.name, t.runs, t.medianMs, t.p95Ms,
                        t.meanReads);
            if (s.strategy != CanvassRepository::Strategy::GridIndex && indexMedian > 0)
                std::printf("   (%.0fx the index)", t.medianMs / indexMedian);
            std::printf("\n");
            std::fflush(stdout);
        }
    }

    if (triggerReads > 0) {
        // Alternate the variants and keep each one's best, so a burst of load elsewhere does not decide the ratio.
        double best[3] = {0, 0, 0};
        const QList<QList<IndexVariant>> rounds{{IndexVariant::Grid, IndexVariant::None, IndexVariant::RTreeTrigger},
                                                {IndexVariant::None, IndexVariant::RTreeTrigger, IndexVariant::Grid}};
        for (const QList<IndexVariant>& round : rounds) {
            for (IndexVariant v : round)
                best[int(v)] = std::max(best[int(v)], insertRate(*db, synthetic, triggerReads, v));
        }
        const double none = best[int(IndexVariant::None)];
        std::printf("\ninsert through ReadRepository at this size, %d reads in one transaction (best of 2):\n"
                    "  no canvass index              %9.0f reads/s\n"
                    "  grid index (product)          %9.0f reads/s  (%.1f %% slower)\n"
                    "  R*Tree kept by a trigger      %9.0f reads/s  (%.1f %% slower)\n",
                    triggerReads, none, best[int(IndexVariant::Grid)],
                    100.0 * (1.0 - best[int(IndexVariant::Grid)] / none), best[int(IndexVariant::RTreeTrigger)],
                    100.0 * (1.0 - best[int(IndexVariant::RTreeTrigger)] / none));
    }
    return 0;
}
