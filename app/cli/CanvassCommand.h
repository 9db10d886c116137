#pragma once

namespace alpr::cli {

class CliContext;

/// alprctl canvass --at LAT,LON --radius METRES | --polygon "LAT,LON;LAT,LON;..." [--from ISO --to ISO]
///                 --purpose TEXT --case NUMBER [--json] [--group] [--save-scene LABEL]
/// Without --from/--to the window is the 24 hours ending now; one of them alone extends 24 hours from the other.
int runCanvassCommand(CliContext& context);

} // namespace alpr::cli
