#pragma once

#include "common/Result.h"
#include "hotlists/HotlistParseResult.h"

#include <QByteArray>

namespace alpr {

/// CSV with a header line naming its columns: plate (required), state, category, reason, priority (1-3 or
/// high/medium/low), expiry (ISO 8601 date or time, UTC when no offset), notes; a few common aliases are accepted
/// (HotlistCsvColumns in the .cpp) and other columns are ignored. Comma separated, fields may be quoted with "" for
/// a quote inside; UTF-8 with or without a byte-order mark; LF or CRLF. A field may not span lines. A file
/// without a header naming a plate column is rejected whole (InvalidInput); a bad line is reported and skipped.
class CsvHotlistParser {
public:
    [[nodiscard]] static Result<HotlistParseResult> parse(const QByteArray& data, const QString& defaultCategory);
    /// Splits one CSV line; nothing when a quote is not closed.
    [[nodiscard]] static std::optional<QStringList> splitFields(const QString& line);
};

} // namespace alpr
