#pragma once

namespace alpr::cli {

class CliContext;

/// alprctl release add|list|report (see the usage text in ReleaseCommand.cpp).
int runReleaseCommand(CliContext& context);

} // namespace alpr::cli
