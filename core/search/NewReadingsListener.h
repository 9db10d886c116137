#pragma once

#include "search/WatchMatcher.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>

namespace alpr {

namespace store {
class Database;
}

/// The readings of one round of newly indexed reads, by distinct plate text (best and alternative readings).
using NewReadingsByPlate = QHash<QString, QList<WatchMatcher::Reading>>;

/// A capability that wants to see every newly indexed read (hot lists). Search must not depend on the modules that
/// build on it, so instead of ReadIndexer calling them by name they register a listener here once at start-up
/// (ReadIndexer::addListener). ReadIndexer is the one place every import path already goes through, inside the
/// importer's transaction, so a listener sees each read exactly once and its writes commit or roll back with the
/// reads. Listeners are internal to core: they throw ErrorException.
class NewReadingsListener {
public:
    /// One indexing pass: created at its start, fed each round of readings, dropped at its end.
    class Pass {
    public:
        virtual ~Pass() = default;
        /// Returns how many records (alerts) the readings produced.
        virtual int match(const NewReadingsByPlate& readingsByPlate) = 0;
    };

    virtual ~NewReadingsListener() = default;
    /// Nothing when there is nothing to match against (so a bulk load keeps its fast path).
    [[nodiscard]] virtual std::unique_ptr<Pass> begin(store::Database& db, const QDateTime& nowUtc) = 0;
};

} // namespace alpr
