#include "import/ImportQueueStore.h"

#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

namespace alpr {

namespace {

const QList<std::pair<ImportQueueItem::Status, QString>> kStatusNames{
    {ImportQueueItem::Status::Pending, QStringLiteral("pending")},
    {ImportQueueItem::Status::Running, QStringLiteral("running")},
    {ImportQueueItem::Status::Done, QStringLiteral("done")},
    {ImportQueueItem::Status::Failed, QStringLiteral("failed")},
    {ImportQueueItem::Status::Skipped, QStringLiteral("skipped")}};

ImportQueueItem::Status statusFromName(const QString& name)
{
    for (const auto& [status, text] : kStatusNames)
        if (text == name)
            return status;
    return ImportQueueItem::Status::Pending;
}

std::optional<qint64> epochOf(const QDateTime& time)
{
    return time.isValid() ? std::optional<qint64>(time.toSecsSinceEpoch()) : std::nullopt;
}

QDateTime timeOf(const store::Statement& s, int column)
{
    return s.isNull(column) ? QDateTime() : QDateTime::fromSecsSinceEpoch(s.int64(column), Qt::UTC);
}

} // namespace

QString importQueueStatusName(ImportQueueItem::Status status)
{
    for (const auto& [value, text] : kStatusNames)
        if (value == status)
            return text;
    return {};
}

qint64 ImportQueueStore::create(const ImportQueueOptions& options, const QList<ImportQueueItem>& items,
                                const QString& createdBy, const QDateTime& nowUtc)
{
    store::Transaction tx(m_db);
    m_db.prepare(
            QStringLiteral("INSERT INTO import_queues(unit_id, start_utc, gps_track_file, latitude, longitude, "
                           "min_still_confidence, created_by, created_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"))
        .bind(1, options.unitId)
        .bind(2, epochOf(options.startUtc))
        .bind(3, options.gpsTrackFile)
        .bind(4, options.latitude)
        .bind(5, options.longitude)
        .bind(6, options.minStillConfidence)
        .bind(7, createdBy)
        .bind(8, nowUtc.toSecsSinceEpoch())
        .run();
    const qint64 id = m_db.lastInsertRowId();
    auto insert = m_db.prepare(
        QStringLiteral("INSERT INTO import_queue_items(queue_id, position, path, size_bytes) VALUES (?1, ?2, ?3, ?4)"));
    for (const ImportQueueItem& item : items)
        insert.bind(1, id).bind(2, item.position).bind(3, item.path).bind(4, item.sizeBytes).run();
    tx.commit();
    return id;
}

std::optional<ImportQueueState> ImportQueueStore::load(qint64 id)
{
    auto q = m_db.prepare(QStringLiteral("SELECT unit_id, start_utc, gps_track_file, latitude, longitude, "
                                         "min_still_confidence, status, created_by, created_utc FROM import_queues "
                                         "WHERE id = ?1"));
    q.bind(1, id);
    if (!q.step())
        return std::nullopt;
    ImportQueueState state;
    state.id = id;
    state.options.unitId = q.text(0);
    state.options.startUtc = timeOf(q, 1);
    state.options.gpsTrackFile = q.text(2);
    state.options.latitude = q.optionalReal(3);
    state.options.longitude = q.optionalReal(4);
    state.options.minStillConfidence = q.real(5);
    state.open = q.text(6) == QLatin1String("open");
    state.createdBy = q.text(7);
    state.createdUtc = timeOf(q, 8);
    auto items = m_db.prepare(QStringLiteral("SELECT position, path, size_bytes, status, reason, reads, gps_source, "
                                             "time_source, started_utc, finished_utc FROM import_queue_items "
                                             "WHERE queue_id = ?1 ORDER BY position"));
    items.bind(1, id);
    while (items.step()) {
        ImportQueueItem item;
        item.position = int(items.int64(0));
        item.path = items.text(1);
        item.sizeBytes = items.int64(2);
        item.status = statusFromName(items.text(3));
        item.reason = items.text(4);
        item.reads = int(items.int64(5));
        item.gpsSource = items.text(6);
        item.timeSource = items.text(7);
        item.startedUtc = timeOf(items, 8);
        item.finishedUtc = timeOf(items, 9);
        state.items.append(item);
    }
    return state;
}

QList<qint64> ImportQueueStore::openQueues(const QString& createdBy)
{
    auto q = m_db.prepare(
        QStringLiteral("SELECT id FROM import_queues WHERE status = 'open' AND created_by = ?1 ORDER BY id DESC"));
    q.bind(1, createdBy);
    QList<qint64> ids;
    while (q.step())
        ids.append(q.int64(0));
    return ids;
}

void ImportQueueStore::markRunning(qint64 queueId, const ImportQueueItem& item, const QDateTime& nowUtc)
{
    m_db.prepare(QStringLiteral("UPDATE import_queue_items SET status = 'running', gps_source = ?3, time_source = ?4, "
                                "started_utc = ?5 WHERE queue_id = ?1 AND position = ?2"))
        .bind(1, queueId)
        .bind(2, item.position)
        .bind(3, item.gpsSource)
        .bind(4, item.timeSource)
        .bind(5, nowUtc.toSecsSinceEpoch())
        .run();
}

void ImportQueueStore::markFinished(qint64 queueId, const ImportQueueItem& item, const QDateTime& nowUtc)
{
    m_db.prepare(QStringLiteral("UPDATE import_queue_items SET status = ?3, reason = ?4, reads = ?5, finished_utc = ?6 "
                                "WHERE queue_id = ?1 AND position = ?2"))
        .bind(1, queueId)
        .bind(2, item.position)
        .bind(3, importQueueStatusName(item.status))
        .bind(4, item.reason)
        .bind(5, item.reads)
        .bind(6, nowUtc.toSecsSinceEpoch())
        .run();
}

void ImportQueueStore::requeueInterrupted(qint64 queueId)
{
    m_db.prepare(QStringLiteral("UPDATE import_queue_items SET status = 'pending', started_utc = NULL "
                                "WHERE queue_id = ?1 AND status = 'running'"))
        .bind(1, queueId)
        .run();
}

void ImportQueueStore::close(qint64 queueId, bool discarded, const QDateTime& nowUtc)
{
    m_db.prepare(QStringLiteral("UPDATE import_queues SET status = ?2, finished_utc = ?3 WHERE id = ?1"))
        .bind(1, queueId)
        .bind(2, discarded ? QStringLiteral("discarded") : QStringLiteral("finished"))
        .bind(3, nowUtc.toSecsSinceEpoch())
        .run();
}

} // namespace alpr
