#pragma once

namespace alpr::cli {

class CliContext;

/// alprctl import FILE|FOLDER... --unit ID [--start ISO8601] [--gps FILE | --location LAT,LON]
/// alprctl import --resume [QUEUE] | alprctl import queue [--discard QUEUE]
/// Every import runs as a persisted queue (core/import/ImportQueue), so an interrupted one can be resumed.
int runImportCommand(CliContext& context);

} // namespace alpr::cli
