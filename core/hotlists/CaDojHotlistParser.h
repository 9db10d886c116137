#pragma once

#include "common/Result.h"
#include "hotlists/HotlistParseResult.h"

#include <QByteArray>

namespace alpr {

/// California DOJ CLEW `.tbl` extract (stolen vehicles, felony vehicles, stolen plates): a `DATE yyyymmdd` header
/// line, fixed-width records (plate 1-8, state 9-10, county 11-12, date of loss 13-20 as YYYYMMDD), and a
/// `TOTAL RECORD nnnnnnn` trailer. The file names no category; the caller gives the list's. A missing header or
/// trailer, or a trailer count that differs from the records in the file, rejects the whole file (InvalidInput):
/// such a file was cut short or altered and must not half-replace a list.
class CaDojHotlistParser {
public:
    [[nodiscard]] static Result<HotlistParseResult> parse(const QByteArray& data, const QString& category);
};

} // namespace alpr
