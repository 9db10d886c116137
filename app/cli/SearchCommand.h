#pragma once

namespace alpr::cli {

class CliContext;

/// alprctl search PATTERN [--tolerance N] [--from ISO] [--to ISO] [--unit ID]... [--min-confidence X]
///                [--area S,W,N,E] [--limit N] --purpose TEXT --case NUMBER [--json]
int runSearchCommand(CliContext& context);

} // namespace alpr::cli
