// bench_purge --postgres CONNINFO [--reads N] [--months M] [--dir DIR]
//
// Retention's purge on a server store, two ways on the same data in one run: the baseline deletes the reads past
// their retention read by read (with their index rows, alternatives and images), as the embedded store does; the
// product drops each month nothing keeps as its partitions (016_read_months.sql). Two databases get the same demo
// reads (DemoDataGenerator, seed 1) spread over M months (16) ending now, so the policy's 365 days leave the oldest
// three to four months to go; one read of the oldest month is put on a case under an evidence hold, so that month
// goes read by read in both runs. The demo draws plate crops for its newest reads only, so the purged reads carry
// no images. Prints the purge time, reads/s, the database size after, and the ratio.
// The server's user must be able to create databases (installer/postgres-test-cluster.sh prints one).
#include "ServerDatabase.h"

#include "accounts/Session.h"
#include "common/Clock.h"
#include "evidence/CaseService.h"
#include "evidence/HoldService.h"
#include "evidence/PurgeJob.h"
#include "search/DemoDataGenerator.h"
#include "store/Statement.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>

#include <cstdio>

using namespace alpr;

namespace {

const QString kUser = QStringLiteral("bench");
const QString kPassword = QStringLiteral("bench password 1234");

// Both stores are made and purged at the same instant as far as the product can tell, so both purges cut at the same
// second and take the same reads.
class FixedClock final : public Clock {
public:
    explicit FixedClock(QDateTime now) : m_now(std::move(now)) {}
    [[nodiscard]] QDateTime nowUtc() const override { return m_now; }

private:
    QDateTime m_now;
};

struct Options {
    qint64 reads = 1'000'000;
    int months = 16;
    QString dir = QDir::tempPath() + QStringLiteral("/alpr-bench-purge");
    QString postgres;
};

struct Outcome {
    bool ok = false;
    qint64 reads = 0;
    qint64 images = 0;
    double seconds = 0;
    qint64 monthsDropped = 0;
    qint64 readsInMonths = 0;
    double monthSeconds = 0; ///< from the start to the last whole month dropped
    qint64 bytesAfter = 0;
};

std::unique_ptr<Session> makeStore(const Options& options, const QString& name, const Clock& clock)
{
    const QString database = QStringLiteral("alpr_bench_purge_%1").arg(name);
    const QString storeDir = options.dir + QLatin1Char('/') + name;
    QDir(storeDir).removeRecursively();
    QDir().mkpath(storeDir);
    if (!bench::makeServerStoreProfile(options.postgres, database, storeDir))
        return nullptr;
    SessionOptions o;
    o.kdfIterations = 1000; // the bench measures the purge, not the login KDF
    o.workstation = QStringLiteral("bench");
    o.clock = &clock;
    auto s = Session::initializeStore(storeDir, kUser, kPassword, clock.nowUtc().date().addYears(1), o);
    if (!s) {
        std::fprintf(stderr, "cannot create the store: %s\n", qPrintable(s.error().toString()));
        return nullptr;
    }
    DemoDataOptions demo;
    demo.reads = options.reads;
    demo.seed = 1;
    demo.months = options.months;
    demo.endUtc = clock.nowUtc();
    JobContext job;
    if (auto inserted = DemoDataGenerator(demo).run(**s, job); !inserted) {
        std::fprintf(stderr, "demo data failed: %s\n", qPrintable(inserted.error().toString()));
        return nullptr;
    }
    store::Database& db = (*s)->database();
    const qint64 oldest = db.queryInt64(QStringLiteral("SELECT min(id) FROM reads WHERE time_utc = "
                                                       "(SELECT min(time_utc) FROM reads)"));
    const QString number = QStringLiteral("BENCH-1");
    auto held = [&]() -> VoidResult {
        if (auto added = CaseService(**s).add({number, QStringLiteral("Bench"), QStringLiteral("bench")}); !added)
            return std::unexpected(added.error());
        if (auto attached = CaseService(**s).attach(number, QStringLiteral("read"), {oldest}); !attached)
            return std::unexpected(attached.error());
        if (auto placed = HoldService(**s).place({HoldKind::Evidence, number}); !placed)
            return std::unexpected(placed.error());
        return {};
    }();
    if (!held) {
        std::fprintf(stderr, "cannot place the hold: %s\n", qPrintable(held.error().toString()));
        return nullptr;
    }
    db.exec(QStringLiteral("ANALYZE")); // as autovacuum would soon after a bulk load
    return std::move(*s);
}

Outcome purge(Session& session, bool dropWholeMonths)
{
    Outcome out;
    store::Database& db = session.database();
    PurgeJob job(session, db);
    job.setDropWholeMonths(dropWholeMonths);
    QElapsedTimer timer;
    qint64 before = 0;
    const QString& monthStage = PurgeJob::kWholeMonthStage;
    const QString monthStagePrefix = monthStage.left(monthStage.indexOf(QLatin1String("%1")));
    const QString monthStageSuffix = monthStage.mid(monthStage.indexOf(QLatin1String("%1")) + 2);
    JobContext context([&](qint64 done, qint64, const QString& stage) {
        if (stage.startsWith(monthStagePrefix) && stage.endsWith(monthStageSuffix) && stage != monthStage) {
            ++out.monthsDropped;
            out.readsInMonths += done - before;
            out.monthSeconds = double(timer.nsecsElapsed()) / 1e9;
        }
        before = done;
    });
    timer.start();
    auto summary = job.run(context);
    out.seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!summary) {
        std::fprintf(stderr, "purge failed: %s\n", qPrintable(summary.error().toString()));
        return out;
    }
    out.ok = true;
    out.reads = summary->run.readsDeleted;
    out.images = summary->run.imagesDeleted;
    out.bytesAfter = db.queryInt64(QStringLiteral("SELECT pg_database_size(current_database())"));
    return out;
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
        else if (a == QLatin1String("--months"))
            options.months = next.toInt(), ++i;
        else if (a == QLatin1String("--dir"))
            options.dir = next, ++i;
        else if (a == QLatin1String("--postgres"))
            options.postgres = next, ++i;
        else {
            options.postgres.clear();
            break;
        }
    }
    if (options.postgres.isEmpty() || options.reads < 1000 || options.months < 13) {
        std::fprintf(stderr, "usage: bench_purge --postgres CONNINFO [--reads N >= 1000] [--months M >= 13] "
                             "[--dir DIR]\n");
        return 1;
    }
    std::printf("bench_purge: %lld demo reads over %d months on each of two server databases\n", options.reads,
                options.months);
    const char* names[] = {"read by read", "whole months"};
    Outcome outcomes[2];
    const FixedClock clock(QDateTime::currentDateTimeUtc());
    for (int way = 0; way < 2; ++way) {
        auto session = makeStore(options, way == 0 ? QStringLiteral("rows") : QStringLiteral("months"), clock);
        if (!session)
            return 4;
        const qint64 before =
            session->database().queryInt64(QStringLiteral("SELECT pg_database_size(current_database())"));
        outcomes[way] = purge(*session, way == 1);
        if (!outcomes[way].ok)
            return 4;
        const Outcome& o = outcomes[way];
        std::printf("%-14s %9lld reads %8lld images purged in %7.2f s (%9.0f reads/s); database %.0f MB before, "
                    "%.0f MB after\n",
                    names[way], o.reads, o.images, o.seconds, double(o.reads) / o.seconds, double(before) / 1e6,
                    double(o.bytesAfter) / 1e6);
        if (o.monthsDropped > 0)
            std::printf("%-14s of which %lld reads in %lld whole months dropped in the first %.2f s, the other %lld "
                        "read by read in %.2f s\n",
                        "", o.readsInMonths, o.monthsDropped, o.monthSeconds, o.reads - o.readsInMonths,
                        o.seconds - o.monthSeconds);
    }
    if (outcomes[0].reads != outcomes[1].reads || outcomes[0].images != outcomes[1].images) {
        std::fprintf(stderr, "the two ways purged different counts\n");
        return 5;
    }
    std::printf("\nwhole months / read by read: %.1fx faster\n", outcomes[0].seconds / outcomes[1].seconds);
    return 0;
}
