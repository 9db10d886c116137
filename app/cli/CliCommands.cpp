#include "cli/CliCommands.h"

#include "cli/CliContext.h"
#ifdef ALPR_HAVE_ENGINE
#include "cli/RecognizeCommand.h"
#endif
#ifdef ALPR_HAVE_IMPORT
#include "cli/ImportCommand.h"
#endif
#ifdef ALPR_HAVE_SEARCH
#include "cli/DemoDataCommand.h"
#include "cli/SearchCommand.h"
#include "cli/WatchCommand.h"
#endif
#ifdef ALPR_HAVE_CANVASS
#include "cli/CanvassCommand.h"
#endif
#ifdef ALPR_HAVE_EVIDENCE
#include "cli/CaseCommand.h"
#include "cli/EvidenceCommand.h"
#include "cli/HoldCommand.h"
#include "cli/RetentionCommand.h"
#endif

namespace alpr::cli {

QList<CommandEntry> capabilityCommands()
{
    QList<CommandEntry> commands;
#ifdef ALPR_HAVE_ENGINE
    commands.append({QStringLiteral("recognize"),
                     [](CliContext& c) { return runRecognizeCommand(c.arguments()); },
                     QStringLiteral("recognize [--json] FILE...   read plates in images and footage (no store needed)")});
#endif
#ifdef ALPR_HAVE_IMPORT
    commands.append({QStringLiteral("import"), runImportCommand,
                     QStringLiteral("import FILE... --unit ID [--start ISO8601] [--gps FILE | --location LAT,LON]")});
#endif
    return commands;
}

} // namespace alpr::cli
