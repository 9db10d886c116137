#include "shell/WorkstationPages.h"

#include "admin/AuditPage.h"
#include "admin/UsersPage.h"

namespace alpr::ui {

QList<WorkstationPage> workstationPages(const WorkstationSettings& settings)
{
    Q_UNUSED(settings);
    QList<WorkstationPage> pages;
    pages.append({QObject::tr("Audit trail"), Permission::ViewAudit, [](Session& s, QWidget* parent) -> QWidget* {
                      auto* page = new AuditPage(s, parent);
                      page->refresh();
                      return page;
                  }});
    pages.append({QObject::tr("Users"), Permission::ManageUsers, [](Session& s, QWidget* parent) -> QWidget* {
                      auto* page = new UsersPage(s, parent);
                      page->refresh();
                      return page;
                  }});
    return pages;
}

} // namespace alpr::ui
