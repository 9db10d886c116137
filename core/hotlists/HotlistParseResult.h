#pragma once

#include "hotlists/HotlistEntry.h"

#include <QList>
#include <QString>

namespace alpr {

/// A line a parser could not take, and why; the rest of the file is still read.
struct HotlistLineError {
    int line = 0; ///< 1-based
    QString reason;
};

/// What a parser made of a whole file: the entries it accepted and the lines it did not.
struct HotlistParseResult {
    int lines = 0; ///< record lines seen (header and trailer not counted)
    QList<HotlistEntryInput> entries;
    QList<HotlistLineError> errors;
};

} // namespace alpr
