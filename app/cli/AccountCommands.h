#pragma once

namespace alpr::cli {

class CliContext;

/// alprctl init --admin NAME [--training-until DATE]
int runInitCommand(CliContext& context);
/// Brings a server store's schema up to this version, as its owner (embedded stores upgrade at login).
int runUpgradeCommand(CliContext& context);
/// alprctl store copy --to CONNECTION --into NEWDIR: an embedded store to a PostgreSQL server (StoreCopier).
int runStoreCommand(CliContext& context);
/// alprctl user add|list|disable|passwd|training|clets ...
int runUserCommand(CliContext& context);

} // namespace alpr::cli
