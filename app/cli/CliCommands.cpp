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
#ifdef ALPR_HAVE_HOTLISTS
#include "cli/AlertsCommand.h"
#include "cli/HotlistCommand.h"
#include "hotlists/HotlistMatching.h"
#endif
#ifdef ALPR_HAVE_FLEET
#include "cli/FleetCommand.h"
#include "cli/TransferCommand.h"
#include "cli/UndockCommand.h"
#include "cli/UnitsCommand.h"
#endif
#ifdef ALPR_HAVE_REQUESTS
#include "cli/ReleaseCommand.h"
#include "cli/RequestCommand.h"
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
    commands.append(
        {QStringLiteral("import"), runImportCommand,
         QStringLiteral("import FILE|FOLDER... --unit ID [--start ISO8601] [--gps FILE | --location LAT,LON] | "
                        "import --resume [QUEUE] | import queue [--discard QUEUE]")});
#endif
#ifdef ALPR_HAVE_SEARCH
    commands.append({QStringLiteral("search"), runSearchCommand,
                     QStringLiteral("search PATTERN [--tolerance 0|1|2] [--from ISO] [--to ISO] [--unit ID] --purpose TEXT "
                                    "--case NUMBER [--json]")});
    commands.append({QStringLiteral("watch"), runWatchCommand,
                     QStringLiteral("watch add|list|hits ...   partial plates of major crimes (alprctl watch --help)")});
    commands.append({QStringLiteral("demo-data"), runDemoDataCommand,
                     QStringLiteral("demo-data --reads N [--seed S]   synthetic reads for demos and benchmarks")});
#endif
#ifdef ALPR_HAVE_CANVASS
    commands.append({QStringLiteral("canvass"), runCanvassCommand,
                     QStringLiteral("canvass (--at LAT,LON --radius METRES | --polygon \"LAT,LON;...\") [--from ISO --to ISO] "
                                    "--purpose TEXT --case NUMBER [--json] [--group] [--save-scene LABEL]")});
#endif
#ifdef ALPR_HAVE_EVIDENCE
    commands.append(
        {QStringLiteral("case"), runCaseCommand,
         QStringLiteral("case add|list|attach|cache|return ...   cases, offline case caches (alprctl case --help)")});
    commands.append({QStringLiteral("hold"), runHoldCommand, QStringLiteral("hold add|release|list ...   evidence and legal holds")});
    commands.append({QStringLiteral("retention"), runRetentionCommand,
                     QStringLiteral("retention show|set --reads-days N|dry-run|purge")});
    commands.append({QStringLiteral("evidence"), runEvidenceCommand,
                     QStringLiteral("evidence export --case NUMBER --to DIR [--reads IDS | --all-case-items] --purpose TEXT | "
                                    "evidence verify DIR")});
#endif
#ifdef ALPR_HAVE_HOTLISTS
    // Wiring: every read this process indexes (import, demo data, unit transfers) is matched against hot lists.
    HotlistMatching::install();
    commands.append({QStringLiteral("hotlist"), runHotlistCommand,
                     QStringLiteral("hotlist import|list|versions|entries|entry|settings ...   hot lists (alprctl hotlist --help)")});
    commands.append({QStringLiteral("alerts"), runAlertsCommand,
                     QStringLiteral("alerts list|show|dispatch|verify|reject|close|export ...   hot-list alerts")});
#endif
#ifdef ALPR_HAVE_FLEET
    commands.append({QStringLiteral("units"), runUnitsCommand,
                     QStringLiteral("units list|add|set ...   vehicle units and fixed cameras (alprctl units --help)")});
    commands.append({QStringLiteral("transfer"), runTransferCommand,
                     QStringLiteral("transfer import DIR [--unit ID] | list | watch DIR [--once]   unit offloads")});
    commands.append({QStringLiteral("undock"), runUndockCommand,
                     QStringLiteral("undock request|approve|deny|return|list ...   undocking with the Commander's permission")});
    commands.append({QStringLiteral("fleet"), runFleetCommand,
                     QStringLiteral("fleet status [--json] | set --warning-days N   30-day transfer monitor (exit 3 when red)")});
#endif
#ifdef ALPR_HAVE_REQUESTS
    commands.append({QStringLiteral("request"), runRequestCommand,
                     QStringLiteral("request add|list|show|update|hold ...   outside records requests (alprctl request --help)")});
    commands.append({QStringLiteral("release"), runReleaseCommand,
                     QStringLiteral("release add|list|report ...   releases to other agencies (alprctl release --help)")});
#endif
    return commands;
}

} // namespace alpr::cli
