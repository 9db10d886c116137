#pragma once

namespace alpr::cli {

class CliContext;

/// alprctl fleet status [--json] (exit 3 when any unit is over 30 days since its last good transfer)
///         | fleet set --warning-days N
int runFleetCommand(CliContext& context);

} // namespace alpr::cli
