#pragma once

#include "common/Result.h"

#include <QDateTime>

#include <memory>

namespace alpr {

class NewReadingsListener;

namespace store {
class Transaction;
}

/// Brings the search index and the watch entries up to date with the reads table: every read (and alternative
/// reading) newer than the last one indexed is added to the plate dictionary and matched against the active watch
/// entries. The import path calls it inside its transaction right after ReadRepository::insert, so watch hits
/// appear with the reads; searches call it too, so the index is never behind whoever inserted reads. Cost is per
/// new distinct plate, not per read.
class ReadIndexer {
public:
    struct Report {
        qint64 readsIndexed = 0;
        int newWatchHits = 0;
        int newListenerRecords = 0; ///< what registered listeners produced (hot-list alerts)
    };

    /// Registers a listener for every later indexing pass, in every thread (see NewReadingsListener). Call once
    /// at start-up; registering the same listener twice is ignored.
    static void addListener(std::shared_ptr<NewReadingsListener> listener);
    static void removeListener(const std::shared_ptr<NewReadingsListener>& listener);

    /// Throws ErrorException (call inside a guarded() body, like ReadRepository::insert).
    static Report indexPending(store::Transaction& transaction, const QDateTime& nowUtc);
    /// The same at a module edge.
    [[nodiscard]] static Result<Report> tryIndexPending(store::Transaction& transaction, const QDateTime& nowUtc);
};

} // namespace alpr
