#pragma once

namespace alpr::cli {

class CliContext;

/// alprctl alerts list [--state S] [--open] [--json] | show ID | dispatch ID | verify ID --step visual|clets ...
///         | reject ID --reason TEXT | close ID | reasons | export --to FILE.csv   (alprctl alerts --help)
int runAlertsCommand(CliContext& context);

} // namespace alpr::cli
