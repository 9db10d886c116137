#pragma once

#include <QList>
#include <QString>

#include <functional>

namespace alpr::cli {

class CliContext;

struct CommandEntry {
    QString name;
    std::function<int(CliContext&)> run;
    QString help; ///< one line for alprctl --help
};

/// The capability commands (recognize, import, search, canvass, evidence ...), kept apart from main() so that
/// adding a capability touches one list.
QList<CommandEntry> capabilityCommands();

} // namespace alpr::cli
