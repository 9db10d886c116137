#pragma once

#include "search/NewReadingsListener.h"

namespace alpr {

/// Puts hot-list matching (and the partial-plate watch hits' alerts) into every read indexing pass: registers a
/// listener with ReadIndexer. Each program that can index reads calls install() once at start-up (alprctl, the
/// workstation, tests, benches); it is idempotent and thread-safe.
class HotlistMatching final : public NewReadingsListener {
public:
    static void install();

    [[nodiscard]] std::unique_ptr<Pass> begin(store::Database& db, const QDateTime& nowUtc) override;
};

} // namespace alpr
