#pragma once

namespace alpr::cli {

class CliContext;

/// alprctl retention show|set|dry-run|purge (see the usage text in RetentionCommand.cpp).
int runRetentionCommand(CliContext& context);

} // namespace alpr::cli
