#include "search/ReaderConnections.h"

#include "common/Log.h"

#include <algorithm>
#include <thread>

namespace alpr {

ReaderConnections::ReaderConnections(Opener opener, int maxConnections)
    : m_opener(std::move(opener)),
      m_maxConnections(maxConnections > 0 ? maxConnections
                                           : std::clamp(int(std::thread::hardware_concurrency()) - 1, 0, 3))
{
}

std::vector<store::Database*> ReaderConnections::connections()
{
    if (!m_opened) {
        m_opened = true;
        for (int i = 0; i < m_maxConnections; ++i) {
            Result<store::Database> db = m_opener();
            if (!db) {
                diag::warning(QStringLiteral("Search reads on fewer threads: %1").arg(db.error().toString()));
                break;
            }
            m_connections.push_back(std::move(*db));
        }
    }
    std::vector<store::Database*> out;
    for (store::Database& db : m_connections)
        out.push_back(&db);
    return out;
}

} // namespace alpr
