#pragma once

#include "common/Result.h"
#include "transfers/TransferRead.h"

namespace alpr {

/// Our open reads format (alpr-reads/1, docs/transfers.md): one JSON object a line with time, plate, confidence,
/// candidates, lat/lon, camera, box and image file names.
class TransferReadsFormat {
public:
    /// Parses one line (without its newline). InvalidInput naming the field for anything malformed.
    [[nodiscard]] static Result<TransferRead> parseLine(const QByteArray& line);
    /// The line for a read (what a unit's software writes; the tests and the benchmark write offloads with it).
    [[nodiscard]] static QByteArray formatLine(const TransferRead& read);
};

} // namespace alpr
