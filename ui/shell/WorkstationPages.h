#pragma once

#include "accounts/Role.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace alpr {
class Session;
}

namespace alpr::ui {

/// One page of the main window and who may see it. Keeping the list here means adding a capability's page touches
/// one file, and MainWindow stays ignorant of them all.
struct WorkstationPage {
    QString title;
    std::optional<Permission> requires_; ///< none = everybody
    std::function<QWidget*(Session&, QWidget* parent)> create;
};

struct WorkstationSettings {
    QString mapPath; ///< MBTiles file or XYZ folder for map views
};

QList<WorkstationPage> workstationPages(const WorkstationSettings& settings);

} // namespace alpr::ui
