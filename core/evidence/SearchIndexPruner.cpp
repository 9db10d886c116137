#include "evidence/SearchIndexPruner.h"

#include "store/Database.h"

namespace alpr {

SearchIndexPruner::SearchIndexPruner(store::Database& db) : m_db(db)
{
    m_present = db.queryInt64(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                                             "name IN ('search_plates', 'search_canon', 'search_grams')")) == 3;
    if (m_present)
        db.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS purge_plates(plate TEXT PRIMARY KEY) WITHOUT ROWID;"
                               "CREATE TEMP TABLE IF NOT EXISTS purge_canon(id INTEGER PRIMARY KEY)"));
}

void SearchIndexPruner::rememberBatchPlates()
{
    if (!m_present)
        return;
    m_db.exec(QStringLiteral(
        "DELETE FROM temp.purge_plates; DELETE FROM temp.purge_canon;"
        "INSERT OR IGNORE INTO temp.purge_plates(plate) SELECT plate FROM reads WHERE id IN (SELECT id FROM "
        "temp.purge_batch) "
        "UNION SELECT plate FROM read_alternatives WHERE read_id IN (SELECT id FROM temp.purge_batch);"));
}

void SearchIndexPruner::pruneBatch()
{
    if (!m_present)
        return;
    m_db.exec(QStringLiteral(
        "DELETE FROM temp.purge_plates WHERE EXISTS (SELECT 1 FROM reads WHERE reads.plate = purge_plates.plate) "
        "OR EXISTS (SELECT 1 FROM read_alternatives a WHERE a.plate = purge_plates.plate);"
        "INSERT OR IGNORE INTO temp.purge_canon(id) SELECT canon_id FROM search_plates "
        "WHERE plate IN (SELECT plate FROM temp.purge_plates);"
        "DELETE FROM search_plates WHERE plate IN (SELECT plate FROM temp.purge_plates);"
        "DELETE FROM search_canon WHERE id IN (SELECT id FROM temp.purge_canon) "
        "AND NOT EXISTS (SELECT 1 FROM search_plates p WHERE p.canon_id = search_canon.id);"));
}

void SearchIndexPruner::pruneGrams()
{
    if (!m_present)
        return;
    m_db.exec(QStringLiteral("DELETE FROM search_grams WHERE canon_id NOT IN (SELECT id FROM search_canon)"));
}

} // namespace alpr
