#pragma once

namespace alpr::cli {

class CliContext;

/// alprctl case add|list|show|attach|close|reopen (see the usage text in CaseCommand.cpp).
int runCaseCommand(CliContext& context);

} // namespace alpr::cli
