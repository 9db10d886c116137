#include "hotlists/HotlistMatching.h"

#include "search/ReadIndexer.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <mutex>

namespace alpr {

void HotlistMatching::install()
{
    static std::once_flag once;
    std::call_once(once, [] { ReadIndexer::addListener(std::make_shared<HotlistMatching>()); });
}

std::unique_ptr<NewReadingsListener::Pass> HotlistMatching::begin(store::Database& db, const QDateTime& nowUtc)
{
    // Two cheap probes keep a bulk load without any lists or watch entries on its fast path.
    auto s = db.prepare(QStringLiteral("SELECT EXISTS(SELECT 1 FROM hotlist_entries) OR "
                                       "EXISTS(SELECT 1 FROM watch_entries WHERE expires_utc > ?1)"));
    s.bind(1, nowUtc.toSecsSinceEpoch());
    if (!s.step() || s.int64(0) == 0)
        return nullptr;
    auto generation = db.prepare(QStringLiteral("SELECT value FROM settings WHERE key = 'hotlist.generation'"));
    const QString current = generation.step() ? generation.text(0) : QString();
    std::shared_ptr<const HotlistMatcher::KeyFilter> keys;
    {
        const QMutexLocker lock(&m_mutex);
        if (!m_keys || current != m_generation) {
            m_keys = std::make_shared<const HotlistMatcher::KeyFilter>(HotlistMatcher::loadKeys(db));
            m_generation = current;
        }
        keys = m_keys;
    }
    return std::make_unique<HotlistMatcher>(db, nowUtc, HotlistMatcher::Scope{}, std::move(keys));
}

} // namespace alpr
