#pragma once

namespace alpr::cli {

class CliContext;

/// alprctl watch add PATTERN --case NUMBER --crime TEXT [--tolerance N] [--notes TEXT] [--expires ISO | --days N]
///         | watch list [--all] [--json] | watch hits ID [--json]
int runWatchCommand(CliContext& context);

} // namespace alpr::cli
