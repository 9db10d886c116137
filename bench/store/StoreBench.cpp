// bench_store [--reads N] [--batch B]: reads/s inserted through ReadRepository into a keyed (SQLCipher) store and
// into an unkeyed one (plain SQLite behaviour, same library, same schema) in the same run; and the login KDF cost.
#include "reads/ReadRepository.h"
#include "store/Database.h"
#include "store/KeyWrap.h"
#include "store/Migrations.h"
#include "store/Transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>

using namespace alpr;

namespace {

QList<PlateRead> makeBatch(QRandomGenerator& rng, int count, qint64 startSecs)
{
    static const char letters[] = "ABCDEFGHJKLMNPRSTUVWXYZ";
    QList<PlateRead> batch;
    batch.reserve(count);
    for (int i = 0; i < count; ++i) {
        PlateRead r;
        QString plate;
        for (int k = 0; k < 7; ++k)
            plate += (k < 3) ? QLatin1Char(letters[rng.bounded(23)]) : QLatin1Char(char('0' + rng.bounded(10)));
        r.plate = plate;
        r.confidence = 0.5 + rng.generateDouble() * 0.5;
        r.timeUtc = QDateTime::fromSecsSinceEpoch(startSecs + i * 3, Qt::UTC);
        r.latitude = 39.26 + rng.generateDouble() * 0.05;
        r.longitude = -76.61 + rng.generateDouble() * 0.08;
        r.unitId = QStringLiteral("UNIT-%1").arg(rng.bounded(12));
        if (rng.bounded(3) == 0)
            r.alternatives = {{plate.left(6) + QLatin1Char('8'), 0.1}};
        batch.append(r);
    }
    return batch;
}

double insertRate(store::Database& db, int total, int batchSize)
{
    if (auto m = store::Migrations::apply(db); !m) {
        fprintf(stderr, "migration failed: %s\n", qPrintable(m.error().toString()));
        return 0;
    }
    QRandomGenerator rng(42);
    // Generate first so only the store is timed.
    QList<QList<PlateRead>> batches;
    for (int done = 0; done < total; done += batchSize)
        batches.append(makeBatch(rng, std::min(batchSize, total - done), 1700000000 + done * 3));
    QElapsedTimer timer;
    timer.start();
    for (QList<PlateRead>& batch : batches) {
        store::Transaction tx(db);
        ReadRepository(db).insert(tx, batch);
        tx.commit();
    }
    return total / (timer.nsecsElapsed() / 1e9);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    int reads = 500000;
    int batch = 5000;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--reads"))
            reads = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--batch"))
            batch = args[i + 1].toInt();
    }
    QTemporaryDir dir;
    printf("bench_store: %d synthetic reads in batches of %d (one transaction per batch)\n", reads, batch);

    auto plain = store::Database::openPlain(dir.filePath(QStringLiteral("plain.db")), false);
    const double plainRate = plain ? insertRate(*plain, reads, batch) : 0;
    auto keyed = store::Database::openEncrypted(dir.filePath(QStringLiteral("keyed.db")), store::KeyWrap::randomBytes(32));
    if (!keyed) {
        fprintf(stderr, "%s\n", qPrintable(keyed.error().toString()));
        return 1;
    }
    const double keyedRate = insertRate(*keyed, reads, batch);
    printf("%-34s %12.0f reads/s\n", "unkeyed (plain SQLite behaviour)", plainRate);
    printf("%-34s %12.0f reads/s\n", "keyed (SQLCipher AES-256)", keyedRate);
    printf("%-34s %12.2f   (target <= 1.5; keyed target >= 100000 reads/s)\n", "ratio unkeyed/keyed",
           plainRate / keyedRate);

    QElapsedTimer kdf;
    kdf.start();
    constexpr int kRounds = 3;
    for (int i = 0; i < kRounds; ++i)
        (void)store::KeyWrap::wrap(store::KeyWrap::randomBytes(32), QStringLiteral("benchmark password"),
                                   QStringLiteral("bench"), store::KeyWrap::kDefaultIterations);
    printf("%-34s %12.3f s per login (PBKDF2-HMAC-SHA256, %d iterations)\n", "key derivation",
           kdf.nsecsElapsed() / 1e9 / kRounds, store::KeyWrap::kDefaultIterations);
    return 0;
}
