#pragma once

#include "hotlists/HotlistMatcher.h"
#include "search/NewReadingsListener.h"

#include <QMutex>

namespace alpr {

/// Puts hot-list matching (and the partial-plate watch hits' alerts) into every read indexing pass: registers a
/// listener with ReadIndexer. Each program that can index reads calls install() once at start-up (alprctl, the
/// workstation, tests, benches); it is idempotent and thread-safe. Keeps the keys of all entries' canonical plates
/// in memory (8 bytes an entry) so that the ~99% of new plates on no list cost no database lookup; reloaded when
/// the lists' generation counter (settings, bumped by HotlistService) changes, in any process.
class HotlistMatching final : public NewReadingsListener {
public:
    static void install();

    [[nodiscard]] std::unique_ptr<Pass> begin(store::Database& db, const QDateTime& nowUtc) override;

private:
    QMutex m_mutex;
    QString m_generation;
    std::shared_ptr<const HotlistMatcher::KeyFilter> m_keys;
};

} // namespace alpr
