#pragma once

#include "canvass/CanvassResult.h"
#include "canvass/CanvassScene.h"
#include "common/JobContext.h"
#include "common/Result.h"

namespace alpr {

namespace store {
class Database;
class Transaction;
} // namespace store

/// The canvass queries against the store. Not a service: no permission check, no audit (CanvassService does both);
/// the benchmark uses it directly to compare the spatial index with scans.
class CanvassRepository {
public:
    /// How candidate reads are found. GridIndex is the product path (reads_cell_time: one seek per grid cell over
    /// the window, see CanvassGrid); the others are baselines for bench/canvass and the tests.
    enum class Strategy { GridIndex, TimeIndex, FullScan };

    /// A canvass that matches more reads than this is refused: narrow the area or window.
    static constexpr qsizetype kMaximumReads = 250000;

    explicit CanvassRepository(store::Database& db) : m_db(db) {}

    /// Reads inside query.area and the window (both ends inclusive), in time order. Cancelled when job is cancelled.
    [[nodiscard]] Result<QList<CanvassRead>> findReads(const CanvassQuery& query, JobContext* job = nullptr,
                                                       Strategy strategy = Strategy::GridIndex);
    /// The scenes saved under a case number (normalized upper case), oldest first.
    [[nodiscard]] Result<QList<CanvassScene>> scenes(const QString& caseNumber);
    /// Inside the caller's write transaction; returns the new id. Throws ErrorException (e.g. a duplicate label).
    static qint64 insertScene(store::Transaction& transaction, const CanvassScene& scene);

private:
    store::Database& m_db;
};

} // namespace alpr
