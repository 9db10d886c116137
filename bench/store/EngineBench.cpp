// bench_engines --postgres CONNINFO [--reads N] [--dir DIR] [--runs R] [--clients C] [--rebuild]
//               [--compare-postgis]
//
// The two store engines side by side in one run, on the same demo data (DemoDataGenerator, seed 1): an embedded
// SQLCipher store and a PostgreSQL database (made on the server CONNINFO names, which must let its user create
// databases; installer/postgres-test-cluster.sh prints one). For each: the load rate (reads/s, with the search
// index kept current as an import does), then the partial-plate search types of bench_search (SearchService, audited
// like a detective's search) and the two canvass shapes of bench_canvass (CanvassRepository), median and p95; then
// the same mix from C (4) clients at once, each its own login and connection, against one client's throughput.
// Stores are kept in DIR (database alpr_bench_<N> on the server) and reused while they hold N reads.
//
// --compare-postgis, instead of the mix: on the PostgreSQL store, the canvass two ways, CanvassRepository (a B-tree on
// the map cell and time) against PostGIS (a geography point per read with a GiST index on it and the time, btree_gist,
// ST_DWithin), in a side table so the store's own reads table stays as the product makes it.
#include "PlateVariants.h"
#include "ServerDatabase.h"

#include "accounts/Session.h"
#include "canvass/CanvassRepository.h"
#include "search/DemoDataGenerator.h"
#include "search/SearchService.h"
#include "store/Statement.h"
#include "store/StoreProfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <functional>
#include <random>
#include <thread>
#include <tuple>

using namespace alpr;
using bench::percentile;

namespace {

const QString kUser = QStringLiteral("bench");
const QString kPassword = QStringLiteral("bench password 1234");
const AccessPurpose kPurpose{QStringLiteral("Criminal investigation"), QStringLiteral("BENCH-1")};

struct Options {
    qint64 reads = 10'000'000;
    QString dir = QDir::tempPath() + QStringLiteral("/alpr-bench-engines");
    QString postgres;
    int runs = 30;
    int clients = 4;
    bool rebuild = false;
    bool comparePostgis = false;
};

SessionOptions sessionOptions()
{
    SessionOptions o;
    o.kdfIterations = 1000; // the bench measures the store, not the login KDF
    o.workstation = QStringLiteral("bench");
    return o;
}

/// A read the queries start from: its plate for the searches, its place and time for the canvasses.
struct Seed {
    QString plate;
    GeoPoint place;
    QDateTime time;
};

/// One client: its own login, connection and search service (which keeps its reader connections between
/// searches, as the search page does).
struct Client {
    explicit Client(std::unique_ptr<Session> s) : session(std::move(s)), searches(*session) {}
    std::unique_ptr<Session> session;
    SearchService searches;
};

/// One kind of query: runs once from a seed for a client, returns how many rows it found (-1: failed).
struct QueryType {
    const char* name;
    std::function<qint64(Client&, const Seed&, std::mt19937&)> run;
};

qint64 search(Client& client, const QString& pattern, int tolerance)
{
    SearchQuery q;
    q.pattern = pattern;
    q.tolerance = tolerance;
    auto result = client.searches.search(q, kPurpose);
    if (!result) {
        std::fprintf(stderr, "search %s failed: %s\n", qPrintable(pattern), qPrintable(result.error().toString()));
        return -1;
    }
    return result->hits.size();
}

qint64 canvass(Client& client, const Seed& seed, double radiusMetres, qint64 windowSecs)
{
    const CanvassQuery query{CanvassArea::circle(seed.place, radiusMetres), seed.time.addSecs(-windowSecs / 2),
                             seed.time.addSecs(windowSecs / 2 - 1)};
    auto found = CanvassRepository(client.session->database()).findReads(query);
    if (!found) {
        std::fprintf(stderr, "canvass failed: %s\n", qPrintable(found.error().toString()));
        return -1;
    }
    return found->size();
}

QList<QueryType> queryTypes()
{
    using bench::lookAlikeOf;
    using bench::oneEditOf;
    return {
        {"exact", [](Client& s, const Seed& d, std::mt19937&) { return search(s, d.plate, 0); }},
        {"prefix 7AB*", [](Client& s, const Seed& d, std::mt19937&) { return search(s, d.plate.left(3) + u'*', 0); }},
        {"infix *X12*",
         [](Client& s, const Seed& d, std::mt19937&) { return search(s, u'*' + d.plate.mid(2, 3) + u'*', 0); }},
        {"tolerance 1",
         [](Client& s, const Seed& d, std::mt19937& r) { return search(s, lookAlikeOf(d.plate, r), 1); }},
        {"tolerance 2", [](Client& s, const Seed& d, std::mt19937& r) { return search(s, oneEditOf(d.plate, r), 2); }},
        {"canvass 500 m/2 h", [](Client& s, const Seed& d, std::mt19937&) { return canvass(s, d, 500, 2 * 3600); }},
        {"canvass 2 km/24 h", [](Client& s, const Seed& d, std::mt19937&) { return canvass(s, d, 2000, 24 * 3600); }},
    };
}

struct Engine {
    QString name;
    QString storeDir;
    std::unique_ptr<Session> session;
    double loadRate = 0; ///< reads/s, 0 when the store was reused
};

bool openEngine(const Options& options, Engine& engine, bool server)
{
    if (options.rebuild)
        QDir(engine.storeDir).removeRecursively();
    if (Session::storeExists(engine.storeDir)) {
        auto s = Session::login(engine.storeDir, kUser, kPassword, sessionOptions());
        if (s && (*s)->database().queryInt64(QStringLiteral("SELECT count(*) FROM reads")) == options.reads) {
            engine.session = std::move(*s);
            return true;
        }
        QDir(engine.storeDir).removeRecursively();
    }
    QDir().mkpath(engine.storeDir);
    if (server && !bench::makeServerStoreProfile(options.postgres, QStringLiteral("alpr_bench_%1").arg(options.reads),
                                                 engine.storeDir))
        return false;
    auto s =
        Session::initializeStore(engine.storeDir, kUser, kPassword, QDate::currentDate().addYears(1), sessionOptions());
    if (!s) {
        std::fprintf(stderr, "cannot create the %s store: %s\n", qPrintable(engine.name),
                     qPrintable(s.error().toString()));
        return false;
    }
    DemoDataOptions demo;
    demo.reads = options.reads;
    demo.seed = 1;
    demo.imageReads = 0; // reads and their index, not image storage
    QElapsedTimer timer;
    timer.start();
    JobContext job([&](qint64 done, qint64 total, const QString&) {
        if (done % 1'000'000 == 0 || done == total)
            std::printf("  %s: %lld / %lld reads, %.0f s\n", qPrintable(engine.name), done, total,
                        timer.elapsed() / 1000.0);
        std::fflush(stdout);
    });
    auto inserted = DemoDataGenerator(demo).run(**s, job);
    if (!inserted) {
        std::fprintf(stderr, "demo data failed: %s\n", qPrintable(inserted.error().toString()));
        return false;
    }
    engine.loadRate = double(*inserted) * 1000.0 / double(std::max<qint64>(1, timer.elapsed()));
    if (server)
        (*s)->database().exec(QStringLiteral("ANALYZE")); // as autovacuum would soon after a bulk load
    engine.session = std::move(*s);
    return true;
}

QList<Seed> seedsFrom(Session& session, int count)
{
    store::Database& db = session.database();
    const qint64 maxId = db.queryInt64(QStringLiteral("SELECT max(id) FROM reads"));
    auto read = db.prepare(QStringLiteral("SELECT plate, lat, lon, time_utc FROM reads WHERE id = ?1"));
    std::mt19937 rng(2024);
    QList<Seed> seeds;
    while (seeds.size() < count && maxId > 0) {
        read.bind(1, qint64(rng() % quint64(maxId)) + 1);
        if (read.step() && read.text(0).size() >= 6 && !read.isNull(1))
            seeds.append(
                {read.text(0), {read.real(1), read.real(2)}, QDateTime::fromSecsSinceEpoch(read.int64(3), Qt::UTC)});
        read.reset();
    }
    return seeds;
}

/// Runs every query type over the seeds from `clients` sessions at once; per type, the latencies of all clients.
struct MixResult {
    QList<std::vector<double>> latencies; // per query type, ms
    double seconds = 0;
    qint64 queries = 0;
    bool ok = true;
};

MixResult runMix(const Engine& engine, const QList<Seed>& seeds, int clients)
{
    const QList<QueryType> types = queryTypes();
    MixResult mix;
    mix.latencies.resize(types.size());
    std::vector<QList<std::vector<double>>> perClient(size_t(clients), QList<std::vector<double>>(types.size()));
    std::atomic<bool> ok{true};
    QElapsedTimer wall;
    wall.start();
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            auto session = Session::login(engine.storeDir, kUser, kPassword, sessionOptions());
            if (!session) {
                std::fprintf(stderr, "client %d cannot log in: %s\n", c, qPrintable(session.error().toString()));
                ok = false;
                return;
            }
            Client client(std::move(*session));
            std::mt19937 rng(quint32(7 + c));
            for (qsizetype i = 0; i < seeds.size(); ++i) {
                // Clients start at different seeds and walk the types in turn: a mixed load, not one query in step.
                const Seed& seed = seeds[(i + c * seeds.size() / clients) % seeds.size()];
                for (qsizetype t = 0; t < types.size(); ++t) {
                    QElapsedTimer timer;
                    timer.start();
                    if (types[t].run(client, seed, rng) < 0)
                        ok = false;
                    perClient[size_t(c)][t].push_back(double(timer.nsecsElapsed()) / 1e6);
                }
            }
        });
    }
    for (std::thread& t : threads)
        t.join();
    mix.seconds = double(wall.nsecsElapsed()) / 1e9;
    for (const auto& client : perClient)
        for (qsizetype t = 0; t < types.size(); ++t) {
            mix.latencies[t].insert(mix.latencies[t].end(), client[t].begin(), client[t].end());
            mix.queries += qint64(client[t].size());
        }
    mix.ok = ok;
    return mix;
}

/// The canvass through the product's cell index and through PostGIS, for the two shapes of the mix.
bool compareSpatialIndex(const Engine& engine, const QList<Seed>& seeds)
{
    auto profile = store::StoreProfile::load(engine.storeDir);
    if (!profile)
        return false;
    auto db = profile->open({});
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().toString()));
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    if (db->queryText(QStringLiteral("SELECT to_regclass('bench_canvass_geo')::text")).isEmpty())
        db->execVerbatim(QStringLiteral(
            "CREATE EXTENSION IF NOT EXISTS postgis; CREATE EXTENSION IF NOT EXISTS btree_gist; "
            "CREATE TABLE bench_canvass_geo AS SELECT id, time_utc, "
            "ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS place FROM reads WHERE lat IS NOT NULL; "
            "CREATE INDEX bench_canvass_geo_place_time ON bench_canvass_geo USING gist (place, time_utc); "
            "ANALYZE bench_canvass_geo"));
    const double buildSeconds = double(timer.elapsed()) / 1000.0;
    std::printf("\nPostGIS against the cell index on the PostgreSQL store\n");
    std::printf("index size: GiST (geography, time) %.0f MB plus its table %.0f MB (built in %.0f s, or found); "
                "reads_cell_time %.0f MB\n",
                double(db->queryInt64(QStringLiteral("SELECT pg_relation_size('bench_canvass_geo_place_time')"))) / 1e6,
                double(db->queryInt64(QStringLiteral("SELECT pg_relation_size('bench_canvass_geo')"))) / 1e6,
                buildSeconds,
                double(db->queryInt64(QStringLiteral("SELECT pg_relation_size('reads_cell_time')"))) / 1e6);
    auto viaPostgis = db->prepare(QStringLiteral(
        "SELECT r.id, r.plate, r.confidence, r.time_utc, r.lat, r.lon, r.unit_id FROM bench_canvass_geo g JOIN reads "
        "r ON r.id = g.id WHERE ST_DWithin(g.place, ST_SetSRID(ST_MakePoint(?1::float8, ?2::float8), "
        "4326)::geography, ?3::float8) AND g.time_utc BETWEEN ?4::bigint AND ?5::bigint"));
    std::printf("%-22s %21s %21s %21s\n", "ms: median / p95", "cell index", "PostGIS", "reads (cell / PostGIS)");
    bool close = true;
    for (const auto& [name, radius, window] : {std::tuple("canvass 500 m/2 h", 500.0, qint64(2 * 3600)),
                                               std::tuple("canvass 2 km/24 h", 2000.0, qint64(24 * 3600))}) {
        std::vector<double> cells, postgis;
        qint64 cellReads = 0, postgisReads = 0;
        for (const Seed& seed : seeds) {
            const QDateTime from = seed.time.addSecs(-window / 2);
            const QDateTime to = seed.time.addSecs(window / 2 - 1);
            timer.restart();
            auto found = CanvassRepository(*db).findReads({CanvassArea::circle(seed.place, radius), from, to});
            cells.push_back(double(timer.nsecsElapsed()) / 1e6);
            if (!found)
                return false;
            timer.restart();
            viaPostgis.bind(1, seed.place.longitude)
                .bind(2, seed.place.latitude)
                .bind(3, radius)
                .bind(4, from.toSecsSinceEpoch())
                .bind(5, to.toSecsSinceEpoch());
            qint64 rows = 0;
            while (viaPostgis.step())
                ++rows;
            viaPostgis.reset();
            postgis.push_back(double(timer.nsecsElapsed()) / 1e6);
            cellReads += found->size();
            postgisReads += rows;
            // Spheroid (PostGIS) against sphere (the product): a read on the rim may fall either side.
            if (std::abs(double(found->size() - rows)) > 2 + 0.01 * double(rows)) {
                std::fprintf(stderr, "%s: cell index %lld reads, PostGIS %lld\n", name, qint64(found->size()), rows);
                close = false;
            }
        }
        std::printf("%-22s %10.1f / %8.1f %10.1f / %8.1f %10.0f / %8.0f\n", name, percentile(cells, 0.5),
                    percentile(cells, 0.95), percentile(postgis, 0.5), percentile(postgis, 0.95),
                    double(cellReads) / double(seeds.size()), double(postgisReads) / double(seeds.size()));
    }
    return close;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    Options options;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString& a = args[i];
        const QString next = args.value(i + 1);
        if (a == QLatin1String("--reads"))
            options.reads = next.toLongLong(), ++i;
        else if (a == QLatin1String("--dir"))
            options.dir = next, ++i;
        else if (a == QLatin1String("--postgres"))
            options.postgres = next, ++i;
        else if (a == QLatin1String("--runs"))
            options.runs = next.toInt(), ++i;
        else if (a == QLatin1String("--clients"))
            options.clients = next.toInt(), ++i;
        else if (a == QLatin1String("--rebuild"))
            options.rebuild = true;
        else if (a == QLatin1String("--compare-postgis"))
            options.comparePostgis = true;
        else {
            options.postgres.clear();
            break;
        }
    }
    if (options.postgres.isEmpty() || options.runs < 1 || options.clients < 1) {
        std::fprintf(stderr, "usage: bench_engines --postgres CONNINFO [--reads N] [--dir DIR] [--runs R] "
                             "[--clients C] [--rebuild] [--compare-postgis]\n");
        return 1;
    }
    Engine engines[] = {{QStringLiteral("SQLCipher"), options.dir + QStringLiteral("/sqlcipher"), nullptr},
                        {QStringLiteral("PostgreSQL"), options.dir + QStringLiteral("/postgresql"), nullptr}};
    std::printf("bench_engines: %lld demo reads, %d runs per query type, %d concurrent clients\n", options.reads,
                options.runs, options.clients);
    for (int e = 0; e < 2; ++e)
        if (!openEngine(options, engines[e], e == 1))
            return 4;
    std::printf("\n%-22s", "load (reads/s)");
    for (const Engine& e : engines)
        std::printf(" %18s", e.loadRate > 0 ? qPrintable(QString::number(e.loadRate, 'f', 0)) : "(reused)");
    std::printf("\n");

    const QList<Seed> seeds = seedsFrom(*engines[0].session, options.runs);
    if (options.comparePostgis)
        return compareSpatialIndex(engines[1], seeds) ? 0 : 3;
    const QList<QueryType> types = queryTypes();
    MixResult single[2], concurrent[2];
    for (int e = 0; e < 2; ++e) {
        (void)runMix(engines[e], seeds.mid(0, 2), 1); // warm caches and connections
        single[e] = runMix(engines[e], seeds, 1);
        concurrent[e] = runMix(engines[e], seeds, options.clients);
        if (!single[e].ok || !concurrent[e].ok)
            return 4;
    }
    std::printf("\n%-22s %21s %21s %21s %21s\n", "ms: median / p95", "SQLCipher 1 client", "PostgreSQL 1 client",
                qPrintable(QStringLiteral("SQLCipher %1 clients").arg(options.clients)),
                qPrintable(QStringLiteral("PostgreSQL %1 clients").arg(options.clients)));
    for (qsizetype t = 0; t < types.size(); ++t) {
        std::printf("%-22s", types[t].name);
        for (const MixResult* r : {&single[0], &single[1], &concurrent[0], &concurrent[1]})
            std::printf(" %10.1f / %8.1f", percentile(r->latencies[t], 0.5), percentile(r->latencies[t], 0.95));
        std::printf("\n");
    }
    std::printf("%-22s", "queries/s");
    for (const MixResult* r : {&single[0], &single[1], &concurrent[0], &concurrent[1]})
        std::printf(" %21.1f", double(r->queries) / r->seconds);
    std::printf("\n\nPostgreSQL / SQLCipher: load %.2fx; mix throughput %.2fx with 1 client, %.2fx with %d clients; "
                "%d clients / 1 client: SQLCipher %.2fx, PostgreSQL %.2fx\n",
                engines[0].loadRate > 0 && engines[1].loadRate > 0 ? engines[1].loadRate / engines[0].loadRate : 0.0,
                (single[1].queries / single[1].seconds) / (single[0].queries / single[0].seconds),
                (concurrent[1].queries / concurrent[1].seconds) / (concurrent[0].queries / concurrent[0].seconds),
                options.clients, options.clients,
                (concurrent[0].queries / concurrent[0].seconds) / (single[0].queries / single[0].seconds),
                (concurrent[1].queries / concurrent[1].seconds) / (single[1].queries / single[1].seconds));
    return 0;
}
