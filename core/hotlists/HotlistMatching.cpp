#include "hotlists/HotlistMatching.h"

#include "hotlists/HotlistMatcher.h"
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
    return std::make_unique<HotlistMatcher>(db, nowUtc, HotlistMatcher::Scope{});
}

} // namespace alpr
