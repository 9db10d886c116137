#pragma once

namespace alpr::cli {

class CliContext;

/// alprctl import FILE... --unit ID [--start ISO8601] [--gps FILE | --location LAT,LON]
int runImportCommand(CliContext& context);

} // namespace alpr::cli
