#pragma once

#include "common/Result.h"
#include "reads/PlateRead.h"

#include <QList>

namespace alpr {

namespace store {
class Database;
class Statement;
class Transaction;
} // namespace store

/// Storage of reads, their alternative readings and images. Not a service: it neither checks permissions nor
/// audits; the import, search, canvass and evidence services do both around it.
class ReadRepository {
public:
    explicit ReadRepository(store::Database& db) : m_db(db) {}

    /// Inserts reads (and their images and units, created when unknown) inside the caller's write transaction;
    /// sets id and image ids. Throws ErrorException: call inside a guarded() body. Batch many reads per transaction.
    void insert(store::Transaction& transaction, QList<PlateRead>& reads);

    /// A server store keeps reads a month a partition (016_read_months.sql): makes the partitions that reads of
    /// these times (seconds since the epoch) need and that do not exist yet. insert() calls it; a writer that puts
    /// reads on a server another way (a store copy) calls it first. Throws ErrorException.
    static void addServerMonths(store::Database& db, const QList<qint64>& times);

    [[nodiscard]] Result<std::optional<PlateRead>> find(qint64 id);
    [[nodiscard]] Result<QList<PlateRead>> findMany(const QList<qint64>& ids);
    [[nodiscard]] Result<QByteArray> image(qint64 imageId);
    [[nodiscard]] Result<qint64> count();

    /// Loads the read columns of the current row of a statement that selected kReadColumns (for other modules'
    /// queries); alternatives are not loaded. Throws ErrorException.
    static constexpr auto kReadColumns =
        "reads.id, reads.plate, reads.confidence, reads.time_utc, reads.lat, reads.lon, reads.unit_id, "
        "reads.source_file, reads.source_offset_ms, reads.frame, reads.crop_image_id, reads.context_image_id";
    static PlateRead readFromRow(const store::Statement& statement);
    /// Fills alternatives for the given reads (one query).
    void loadAlternatives(QList<PlateRead>& reads);

private:
    store::Database& m_db;
};

} // namespace alpr
