#include "evidence/SearchIndexPruner.h"

#include "store/Database.h"

namespace alpr {

SearchIndexPruner::SearchIndexPruner(store::Database& db) : m_db(db)
{
    m_present = db.queryInt64(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                                             "name IN ('search_reads', 'search_canon', 'search_grams')")) == 3;
}

void SearchIndexPruner::prune()
{
    if (!m_present)
        return;
    m_db.exec(QStringLiteral(
        "DELETE FROM search_reads WHERE read_id NOT IN (SELECT id FROM reads);"
        "DELETE FROM search_canon WHERE NOT EXISTS (SELECT 1 FROM search_reads r WHERE r.canon_id = search_canon.id);"
        "DELETE FROM search_grams WHERE canon_id NOT IN (SELECT id FROM search_canon);"));
}

} // namespace alpr
