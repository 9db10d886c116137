#pragma once

namespace alpr::cli {

class CliContext;

/// alprctl audit report|sample|review|signoff|program: the audit program (see the usage text in
/// AuditProgramCommand.cpp). Reached through `alprctl audit` when the requests capability is built.
int runAuditProgramCommand(CliContext& context);

} // namespace alpr::cli
