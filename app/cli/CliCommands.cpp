#include "cli/CliCommands.h"

#include "cli/CliContext.h"

namespace alpr::cli {

QList<CommandEntry> capabilityCommands()
{
    return {};
}

} // namespace alpr::cli
