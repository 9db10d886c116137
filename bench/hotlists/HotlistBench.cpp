// bench_hotlists [--entries N] [--reads N] [--batch N] [--dir DIR]
//
// Hot-list matching cost on the import path: N reads (default 100 000, each with one alternative reading) inserted
// and indexed in batches, alternately with and without the hot-list listener registered, against a list of
// --entries entries (default 1 000 000, look-alike matching on). Prints the insert rate of both halves and the share
// of insert time matching costs (target < 10%), plus parse and load rates of the list. About 1% of reads hit.
#include "accounts/Session.h"
#include "hotlists/AlertService.h"
#include "hotlists/HotlistMatching.h"
#include "hotlists/HotlistService.h"
#include "hotlists/NcicHotlistParser.h"
#include "reads/ReadRepository.h"
#include "search/ReadIndexer.h"
#include "store/Transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>

#include <cstdio>
#include <random>

using namespace alpr;

namespace {

struct Options {
    int entries = 1'000'000;
    int reads = 100'000;
    int batch = 5'000;
    QString dir = QDir::tempPath() + QStringLiteral("/alpr-bench-hotlists");
};

QString randomPlate(std::mt19937_64& rng)
{
    static const char kChars[] = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    std::uniform_int_distribution<int> pick(0, int(sizeof(kChars)) - 2);
    QString p;
    for (int i = 0; i < 7; ++i)
        p += QLatin1Char(kChars[pick(rng)]);
    return p;
}

Options parse(const QStringList& args)
{
    Options o;
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--entries"))
            o.entries = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--reads"))
            o.reads = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--batch"))
            o.batch = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--dir"))
            o.dir = args[i + 1];
    }
    return o;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const Options o = parse(app.arguments());
    QDir(o.dir).removeRecursively();
    SessionOptions sessionOptions;
    sessionOptions.kdfIterations = 2000;
    auto session = Session::initializeStore(o.dir, QStringLiteral("bench"), QStringLiteral("bench password 1234"),
                                            QDate::currentDate().addYears(1), sessionOptions);
    if (!session) {
        std::fprintf(stderr, "%s\n", qPrintable(session.error().toString()));
        return 1;
    }
    store::Database& db = (*session)->database();
    std::mt19937_64 rng(2026);

    // The list, as an NCIC extract in memory.
    QList<QString> listed;
    QByteArray extract;
    extract.reserve(qsizetype(o.entries) * 62);
    for (int i = 0; i < o.entries; ++i) {
        const QString plate = randomPlate(rng);
        listed.append(plate);
        extract += "V" + QByteArray::number(100000000 + i) + "CA0570200" + "20260101" +
                   plate.leftJustified(10, u' ').toLatin1() + "CA2009PC2009TOYTCAM4DBLK\n";
    }
    QElapsedTimer timer;
    timer.start();
    HotlistParseResult parsed = NcicHotlistParser::parse(extract);
    const double parseSecs = timer.nsecsElapsed() / 1e9;
    HotlistFileContents contents{QStringLiteral("bench.ncic"), QStringLiteral("bench"), std::move(parsed)};
    HotlistImportOptions options;
    options.name = QStringLiteral("Bench list");
    options.format = HotlistFormat::Ncic;
    options.lookAlike = true;
    timer.restart();
    auto loaded = HotlistService(**session).import(contents, options);
    const double loadSecs = timer.nsecsElapsed() / 1e9;
    if (!loaded) {
        std::fprintf(stderr, "%s\n", qPrintable(loaded.error().toString()));
        return 1;
    }

    // Reads: 1% listed plates (a third of those as an 8/B look-alike), the rest random; one alternative each.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::uniform_int_distribution<int> percent(0, 99);
    std::uniform_int_distribution<int> anyListed(0, int(listed.size()) - 1);
    QList<PlateRead> reads;
    for (int i = 0; i < o.reads; ++i) {
        PlateRead r;
        r.plate = percent(rng) == 0 ? listed[anyListed(rng)] : randomPlate(rng);
        if (i % 300 == 0)
            r.plate.replace(u'B', u'8');
        r.confidence = 0.9;
        r.timeUtc = now.addSecs(-i);
        r.unitId = QStringLiteral("UNIT-%1").arg(i % 20);
        r.latitude = 39.28;
        r.longitude = -76.6;
        r.alternatives = {{randomPlate(rng), 0.05}};
        reads.append(r);
    }

    // Alternate batches with and without matching, so both halves see the same table sizes and cache state.
    auto matching = std::make_shared<HotlistMatching>();
    double withSecs = 0;
    double withoutSecs = 0;
    int withReads = 0;
    int withoutReads = 0;
    int alerts = 0;
    for (int from = 0, batch = 0; from < reads.size(); from += o.batch, ++batch) {
        QList<PlateRead> part = reads.mid(from, o.batch);
        const bool on = batch % 2 == 0;
        if (on)
            ReadIndexer::addListener(matching);
        else
            ReadIndexer::removeListener(matching);
        timer.restart();
        store::Transaction tx(db);
        ReadRepository(db).insert(tx, part);
        const auto report = ReadIndexer::indexPending(tx, now);
        tx.commit();
        const double secs = timer.nsecsElapsed() / 1e9;
        (on ? withSecs : withoutSecs) += secs;
        (on ? withReads : withoutReads) += int(part.size());
        alerts += report.newListenerRecords;
    }
    ReadIndexer::removeListener(matching);

    const double withRate = withReads / withSecs;
    const double withoutRate = withoutReads / withoutSecs;
    const double share = (withSecs / withReads - withoutSecs / withoutReads) / (withoutSecs / withoutReads);
    std::printf("hot-list bench: %d entries, %d reads (+1 alternative each), batches of %d\n", o.entries, o.reads,
                o.batch);
    std::printf("  parse NCIC          %8.0f lines/s  (%.2f s)\n", o.entries / parseSecs, parseSecs);
    std::printf("  load list           %8.0f entries/s (%.2f s, one transaction)\n", o.entries / loadSecs, loadSecs);
    std::printf("  insert+index        %8.0f reads/s without matching (%d reads, %.2f s)\n", withoutRate, withoutReads,
                withoutSecs);
    std::printf("  insert+index+match  %8.0f reads/s with matching    (%d reads, %.2f s, %d alerts)\n", withRate,
                withReads, withSecs, alerts);
    std::printf("  matching costs      %8.1f %% of insert time per read (target < 10 %%)\n", share * 100);
    (void)(*session)->logout();
    QDir(o.dir).removeRecursively();
    return 0;
}
