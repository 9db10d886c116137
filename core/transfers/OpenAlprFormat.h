#pragma once

#include "common/Result.h"
#include "transfers/TransferRead.h"

#include <QList>

namespace alpr {

/// OpenALPR's JSON results, one object a line, as its command-line tool (`alpr -j`) and its daemon (alprd) write
/// them: epoch_time (milliseconds; seconds in old versions), results[] with plate, confidence (percent),
/// coordinates (four corners), candidates[]; the daemon adds uuid, camera_id, site_id, and agents that know their
/// position gps_latitude / gps_longitude. A line whose data_type is not alpr_results (heartbeats, groups) carries no
/// reads and yields none. The daemon saves the frame as <uuid>.jpg; the import attaches it when the offload has it.
class OpenAlprFormat {
public:
    [[nodiscard]] static Result<QList<TransferRead>> parseLine(const QByteArray& line);
};

} // namespace alpr
