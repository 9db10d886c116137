#include "search/ReadIndexer.h"

#include "search/NewReadingsListener.h"
#include "search/PlateIndex.h"
#include "search/WatchMatcher.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QMutex>

#include <algorithm>
#include <tuple>
#include <vector>

namespace alpr {

namespace {
// Reads per round: bounds memory when a bulk import (or the first search after one) indexes millions.
constexpr qint64 kChunkReads = 250000;
constexpr qint64 kBulkReads = 500000;

QMutex& listenersMutex()
{
    static QMutex mutex;
    return mutex;
}

std::vector<std::shared_ptr<NewReadingsListener>>& listeners()
{
    static std::vector<std::shared_ptr<NewReadingsListener>> all;
    return all;
}

std::vector<std::shared_ptr<NewReadingsListener>> listenersNow()
{
    const QMutexLocker lock(&listenersMutex());
    return listeners();
}
} // namespace

void ReadIndexer::addListener(std::shared_ptr<NewReadingsListener> listener)
{
    const QMutexLocker lock(&listenersMutex());
    if (std::find(listeners().begin(), listeners().end(), listener) == listeners().end())
        listeners().push_back(std::move(listener));
}

void ReadIndexer::removeListener(const std::shared_ptr<NewReadingsListener>& listener)
{
    const QMutexLocker lock(&listenersMutex());
    std::erase(listeners(), listener);
}

ReadIndexer::Report ReadIndexer::indexPending(store::Transaction& transaction, const QDateTime& nowUtc)
{
    store::Database& db = transaction.database();
    Report report;
    const auto progress = [&db] {
        return std::pair(db.queryInt64(QStringLiteral("SELECT value FROM search_state WHERE key = 'indexed_read_id'")),
                         db.queryInt64(QStringLiteral("SELECT coalesce(max(id), 0) FROM reads")));
    };
    auto [indexed, newest] = progress();
    if (newest <= indexed)
        return report;
    // Nothing to do is the common case and needs no lock (a search's Access transaction on the server); work
    // does, and what another workstation indexed while this one waited for it is not done twice.
    transaction.takeWriterLock();
    std::tie(indexed, newest) = progress();
    if (newest <= indexed)
        return report;

    WatchMatcher watches(db, nowUtc);
    std::vector<std::unique_ptr<NewReadingsListener::Pass>> passes;
    for (const auto& listener : listenersNow())
        if (auto pass = listener->begin(db, nowUtc))
            passes.push_back(std::move(pass));
    const bool matching = !watches.isEmpty() || !passes.empty();
    PlateIndex index(db);
    // A bulk load (demo data, a first import of months of reads) would more than double the index: rebuilding it
    // in key order then beats adding millions of plates at random places.
    const bool rebuild = newest - indexed > std::max(kBulkReads, indexed);
    if (rebuild)
        index.rebuild();
    report.readsIndexed = newest - indexed; // ids, so an upper bound once retention has deleted reads
    if (rebuild && !matching) {
        auto state = db.prepare(QStringLiteral("UPDATE search_state SET value = ?1 WHERE key = 'indexed_read_id'"));
        state.bind(1, newest).run();
        return report;
    }
    auto reads = db.prepare(QStringLiteral("SELECT reads.plate, reads.id, 0, %1 FROM reads WHERE reads.id > ?1 AND "
                                           "reads.id <= ?2")
                                .arg(QLatin1String(PlateIndex::kSummaryColumns)));
    auto alternatives = db.prepare(QStringLiteral("SELECT a.plate, a.read_id, a.rank, %1 FROM read_alternatives a "
                                                  "JOIN reads ON reads.id = a.read_id WHERE a.read_id > ?1 AND "
                                                  "a.read_id <= ?2")
                                       .arg(QLatin1String(PlateIndex::kSummaryColumns)));
    for (qint64 from = indexed; from < newest; from += kChunkReads) {
        const qint64 to = std::min(newest, from + kChunkReads);
        QList<PlateIndex::Reading> plates;
        QHash<QString, QList<WatchMatcher::Reading>> readings;
        for (store::Statement* s : {&reads, &alternatives}) {
            s->bind(1, from).bind(2, to);
            while (s->step()) {
                plates.append(PlateIndex::readingFromRow(*s));
                if (matching)
                    readings[plates.last().plate].append({plates.last().readId, plates.last().rank});
            }
            s->reset();
        }
        if (!rebuild)
            index.add(plates);
        if (!watches.isEmpty())
            report.newWatchHits += watches.matchNewReadings(readings);
        // After the watch entries, so a listener sees this round's watch hits (the alert queue includes them).
        for (const auto& pass : passes)
            report.newListenerRecords += pass->match(readings);
    }
    auto state = db.prepare(QStringLiteral("UPDATE search_state SET value = ?1 WHERE key = 'indexed_read_id'"));
    state.bind(1, newest).run();
    return report;
}

Result<ReadIndexer::Report> ReadIndexer::tryIndexPending(store::Transaction& transaction, const QDateTime& nowUtc)
{
    return guarded([&] { return indexPending(transaction, nowUtc); });
}

} // namespace alpr
