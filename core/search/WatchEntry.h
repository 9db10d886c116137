#pragma once

#include "search/SearchResult.h"

#include <QDateTime>
#include <QString>

namespace alpr {

/// What a detective enters for a major crime: the partial plate a witness gave, how forgiving to be, the case.
struct NewWatchEntry {
    QString pattern;
    int tolerance = 1;
    QString caseNumber;
    QString crimeType; ///< e.g. "Armed robbery"
    QString notes;
    QDateTime expiresUtc;
};

/// A stored watch entry. It is matched against all past reads when entered and against every read imported
/// afterwards, until it expires.
struct WatchEntry {
    qint64 id = 0;
    QString pattern; ///< normalized (PlatePattern::text)
    int tolerance = 0;
    QString caseNumber;
    QString crimeType;
    QString notes;
    QDateTime createdUtc;
    QString createdBy;
    QDateTime expiresUtc;
    int hitCount = 0;

    [[nodiscard]] bool isExpired(const QDateTime& nowUtc) const { return expiresUtc <= nowUtc; }
};

/// A read a watch entry matched: found among past reads when the entry was made (retro) or on import (new).
struct WatchHit {
    qint64 watchId = 0;
    bool retro = false;
    QDateTime foundUtc;
    SearchHit hit;
};

} // namespace alpr
