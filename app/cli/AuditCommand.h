#pragma once

namespace alpr::cli {

class CliContext;

/// alprctl audit verify | list [filters] [--json|--csv] | report [--from --to]
int runAuditCommand(CliContext& context);

} // namespace alpr::cli
