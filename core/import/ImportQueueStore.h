#pragma once

#include "import/ImportQueueState.h"

#include <optional>

namespace alpr {

namespace store {
class Database;
}

/// The import_queues and import_queue_items tables. Throws the store's exceptions; ImportQueue calls it inside
/// guarded(). Each change is one statement, so a crash leaves every row either before or after it.
class ImportQueueStore {
public:
    explicit ImportQueueStore(store::Database& db) : m_db(db) {}

    [[nodiscard]] qint64 create(const ImportQueueOptions& options, const QList<ImportQueueItem>& items,
                                const QString& createdBy, const QDateTime& nowUtc);
    [[nodiscard]] std::optional<ImportQueueState> load(qint64 id);
    /// Ids of the queues of this account still open, newest first.
    [[nodiscard]] QList<qint64> openQueues(const QString& createdBy);

    void markRunning(qint64 queueId, const ImportQueueItem& item, const QDateTime& nowUtc);
    void markFinished(qint64 queueId, const ImportQueueItem& item, const QDateTime& nowUtc);
    /// Files left running by a crash or quit go back to pending: their import was never committed.
    void requeueInterrupted(qint64 queueId);
    /// finished: every file was tried; discarded: the user gave up the rest.
    void close(qint64 queueId, bool discarded, const QDateTime& nowUtc);

private:
    store::Database& m_db;
};

} // namespace alpr
