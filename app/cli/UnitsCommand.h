#pragma once

namespace alpr::cli {

class CliContext;

/// alprctl units list [--json] | units add ID [--name T] [--kind vehicle|fixed] [--assignment T] [--cameras S,S]
///         | units set ID [--name T] [--kind K] [--assignment T] [--cameras S,S] [--status S]
int runUnitsCommand(CliContext& context);

} // namespace alpr::cli
