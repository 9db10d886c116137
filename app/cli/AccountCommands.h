#pragma once

namespace alpr::cli {

class CliContext;

/// alprctl init --admin NAME [--training-until DATE]
int runInitCommand(CliContext& context);
/// alprctl user add|list|disable|passwd|training|clets ...
int runUserCommand(CliContext& context);

} // namespace alpr::cli
