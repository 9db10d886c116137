#pragma once

namespace alpr::cli {

class CliContext;

/// alprctl request add|list|show|update|hold (see the usage text in RequestCommand.cpp).
int runRequestCommand(CliContext& context);

} // namespace alpr::cli
