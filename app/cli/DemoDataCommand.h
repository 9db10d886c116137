#pragma once

namespace alpr::cli {

class CliContext;

/// alprctl demo-data --reads N [--seed S] [--months M] [--images N]: synthetic reads for the demo and benchmarks.
int runDemoDataCommand(CliContext& context);

} // namespace alpr::cli
