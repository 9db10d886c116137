#pragma once

namespace alpr::cli {

class CliContext;

/// alprctl hold add|release|list (see the usage text in HoldCommand.cpp).
int runHoldCommand(CliContext& context);

} // namespace alpr::cli
