#pragma once

namespace alpr::cli {

class CliContext;

/// alprctl transfer import DIR|ARCHIVE [--unit ID] [--json] | transfer list [--unit ID] [--json]
///         | transfer watch DIR [--once] [--interval SECONDS] [--settle SECONDS]
int runTransferCommand(CliContext& context);

} // namespace alpr::cli
