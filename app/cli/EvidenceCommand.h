#pragma once

namespace alpr::cli {

class CliContext;

/// alprctl evidence export|verify|volumes|list (see the usage text in EvidenceCommand.cpp). `evidence verify`
/// without --check-signature needs no store and no login.
int runEvidenceCommand(CliContext& context);

} // namespace alpr::cli
