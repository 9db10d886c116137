// bench_transfers [--reads N] [--dir DIR]: a unit's offload of N reads (default 1,000,000) imported through
// TransferService (manifest, SHA-256 of every file, every line parsed twice, duplicate check, batches of 20,000,
// search index and watch matching), beside plain ReadRepository inserts of the same reads into a fresh store in the
// same run (with and without the search index the import also builds). All stores are SQLCipher-keyed.
#include "accounts/Session.h"
#include "fleet/UnitService.h"
#include "reads/ReadRepository.h"
#include "search/ReadIndexer.h"
#include "store/Transaction.h"
#include "transfers/OffloadWriter.h"
#include "transfers/TransferService.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>

using namespace alpr;

namespace {

constexpr auto kUnit = "CAR-BENCH";
constexpr auto kPassword = "bench password 2026!";
constexpr qint64 kStartSecs = 1764000000; // 2025-11-24

/// The i-th read, the same for the offload and the plain inserts.
TransferRead benchRead(QRandomGenerator& rng, qint64 i)
{
    static const char letters[] = "ABCDEFGHJKLMNPRSTUVWXYZ";
    QString plate;
    for (int k = 0; k < 7; ++k)
        plate += (k < 3) ? QLatin1Char(letters[rng.bounded(23)]) : QLatin1Char(char('0' + rng.bounded(10)));
    TransferRead t;
    t.read.plate = plate;
    t.read.confidence = 0.5 + rng.bounded(500) / 1000.0;
    t.timeMs = (kStartSecs + i * 2) * 1000 + rng.bounded(1000);
    t.read.timeUtc = QDateTime::fromMSecsSinceEpoch(t.timeMs, Qt::UTC);
    t.read.latitude = 39.26 + rng.bounded(5000) / 100000.0;
    t.read.longitude = -76.61 + rng.bounded(8000) / 100000.0;
    t.camera = (i % 2) ? QStringLiteral("front") : QStringLiteral("rear");
    t.box = QStringLiteral("412,300,140,44");
    if (rng.bounded(3) == 0)
        t.read.alternatives = {{plate.left(6) + QLatin1Char('8'), 0.1}};
    return t;
}

std::unique_ptr<Session> newStore(const QString& directory)
{
    SessionOptions options;
    options.workstation = QStringLiteral("bench");
    options.kdfIterations = 2000; // login cost is bench_store's business
    auto session = Session::initializeStore(directory, QStringLiteral("bench"), QString::fromLatin1(kPassword),
                                            QDate::currentDate().addYears(1), options);
    if (!session) {
        fprintf(stderr, "%s\n", qPrintable(session.error().toString()));
        return nullptr;
    }
    return std::move(*session);
}

double plainInserts(const QString& directory, qint64 reads, bool index)
{
    auto session = newStore(directory);
    if (!session)
        return 0;
    store::Database& db = session->database();
    QRandomGenerator rng(7);
    // Batches are made outside the timed part, one at a time (a million reads at once would only measure memory).
    qint64 storeNs = 0;
    QElapsedTimer timer;
    for (qint64 done = 0; done < reads; done += TransferService::kBatchReads) {
        QList<PlateRead> batch;
        for (qint64 i = done; i < std::min<qint64>(reads, done + TransferService::kBatchReads); ++i) {
            PlateRead r = benchRead(rng, i).read;
            r.unitId = QString::fromLatin1(kUnit);
            batch.append(r);
        }
        timer.start();
        store::Transaction tx(db);
        ReadRepository(db).insert(tx, batch);
        if (index)
            ReadIndexer::indexPending(tx, QDateTime::currentDateTimeUtc());
        tx.commit();
        storeNs += timer.nsecsElapsed();
    }
    return reads / (storeNs / 1e9);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    qint64 reads = 1000000;
    QString dirArgument;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--reads"))
            reads = args[i + 1].toLongLong();
        else if (args[i] == QLatin1String("--dir"))
            dirArgument = args[i + 1];
    }
    QTemporaryDir temporary(dirArgument.isEmpty() ? QDir::tempPath() + QStringLiteral("/bench_transfers-XXXXXX")
                                                  : dirArgument + QStringLiteral("/bench_transfers-XXXXXX"));
    const QString dir = temporary.path();
    printf("bench_transfers: one offload of %lld reads (our JSON-lines format), in %s\n", reads, qPrintable(dir));

    QElapsedTimer timer;
    timer.start();
    {
        OffloadWriter writer(dir + QStringLiteral("/offload"), QString::fromLatin1(kUnit));
        QRandomGenerator rng(7);
        for (qint64 i = 0; i < reads; ++i)
            if (!writer.addRead(benchRead(rng, i))) {
                fprintf(stderr, "cannot write the offload\n");
                return 1;
            }
        if (!writer.finish()) {
            fprintf(stderr, "cannot write the manifest\n");
            return 1;
        }
    }
    qint64 bytes = 0;
    for (QDirIterator it(dir + QStringLiteral("/offload"), QDir::Files); it.hasNext();)
        bytes += QFileInfo(it.next()).size();
    printf("%-40s %10.1f s, %.0f MB\n", "offload written", timer.nsecsElapsed() / 1e9, bytes / 1e6);

    auto session = newStore(dir + QStringLiteral("/transfer-store"));
    if (!session)
        return 1;
    Unit unit;
    unit.id = QString::fromLatin1(kUnit);
    if (!UnitService(*session).add(unit))
        return 1;
    qint64 verifyNs = 0;
    QElapsedTimer phase;
    phase.start();
    JobContext job([&](qint64, qint64, const QString& stage) {
        if (stage == QLatin1String("Storing") && verifyNs == 0)
            verifyNs = phase.nsecsElapsed();
    });
    timer.restart();
    auto outcome = TransferService(*session, session->database()).importOffload(dir + QStringLiteral("/offload"), job);
    const double importSeconds = timer.nsecsElapsed() / 1e9;
    if (!outcome || outcome->storedReads != reads) {
        fprintf(stderr, "import failed: %s\n", outcome ? "wrong count" : qPrintable(outcome.error().toString()));
        return 1;
    }
    const double importRate = reads / importSeconds;
    const double plainRate = plainInserts(dir + QStringLiteral("/plain-store"), reads, false);
    const double indexedRate = plainInserts(dir + QStringLiteral("/indexed-store"), reads, true);
    printf("%-40s %10.0f reads/s  (%.1f s; verification %.1f s of it)\n", "offload import (verified, indexed)",
           importRate, importSeconds, verifyNs / 1e9);
    printf("%-40s %10.0f reads/s\n", "plain inserts, same reads", plainRate);
    printf("%-40s %10.0f reads/s\n", "plain inserts + search index", indexedRate);
    printf("%-40s %10.2f\n", "ratio plain/import", plainRate / importRate);
    printf("%-40s %10.2f\n", "ratio (plain + index)/import", indexedRate / importRate);
    return 0;
}
