#pragma once

#include "common/Result.h"

#include <QDateTime>

namespace alpr::cli {

/// A --from/--to value: an ISO 8601 time, or a date meaning its first (or, with endOfDay, last) millisecond, UTC.
/// Empty text gives an invalid QDateTime (no bound).
[[nodiscard]] Result<QDateTime> parseCliTime(const QString& text, bool endOfDay);
/// How commands print a time: ISO 8601 in UTC; empty for an invalid (absent) time.
[[nodiscard]] QString formatCliTime(const QDateTime& time);

} // namespace alpr::cli
