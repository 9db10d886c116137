#pragma once

namespace alpr::cli {

class CliContext;

/// alprctl undock request UNIT --reason TEXT --from ISO --to ISO | undock approve|deny ID [--note TEXT]
///         | undock return ID | undock list [--all] [--json]
int runUndockCommand(CliContext& context);

} // namespace alpr::cli
