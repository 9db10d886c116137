#include "shell/WorkstationPages.h"

#include "admin/AuditPage.h"
#include "admin/UsersPage.h"
#ifdef HAVE_ALPR_UI_SEARCH
#include "search/SearchPage.h"
#endif
#ifdef HAVE_ALPR_UI_CANVASS
#include "canvass/CanvassPage.h"
#include "map/MapSourceFactory.h"
#include "map/MapSourceSettings.h"
#endif
#ifdef HAVE_ALPR_UI_EVIDENCE
#include "evidence/CasesPage.h"
#include "evidence/EvidencePage.h"
#endif

#ifdef HAVE_ALPR_UI_HOTLISTS
#include "hotlists/AlertQueuePage.h"
#include "hotlists/HotlistManagerPage.h"
#include "hotlists/HotlistMatching.h"

#include <QColor>
#include <QTabBar>
#include <QTabWidget>
#endif
#ifdef HAVE_ALPR_UI_FLEET
#include "fleet/FleetPage.h"
#endif
#ifdef HAVE_ALPR_UI_REQUESTS
#include "requests/AuditProgramPage.h"
#include "requests/ReleasesPage.h"
#include "requests/RequestsPage.h"

#include <QTabWidget>
#endif

#include <QFileInfo>

namespace alpr::ui {

QList<WorkstationPage> workstationPages(const WorkstationSettings& settings)
{
    QList<WorkstationPage> pages;
#ifdef HAVE_ALPR_UI_SEARCH
    pages.append({QObject::tr("Plate search"), Permission::SearchReads,
                  [](Session& s, QWidget* parent) -> QWidget* { return new SearchPage(s, parent); }});
#endif
#ifdef HAVE_ALPR_UI_CANVASS
    pages.append({QObject::tr("Canvass"), Permission::SearchReads, [settings](Session& s, QWidget* parent) -> QWidget* {
                      auto* page = new CanvassPage(s, parent);
                      // A map given on the command line overrides the saved map setting for this run only.
                      if (!settings.mapPath.isEmpty()) {
                          map::MapSourceSettings source;
                          source.kind = QFileInfo(settings.mapPath).isDir() ? map::MapSourceSettings::Kind::XyzFolder
                                                                            : map::MapSourceSettings::Kind::MbTiles;
                          source.path = settings.mapPath;
                          if (auto tiles = MapSourceFactory::create(source))
                              page->setTileSource(*tiles);
                      }
                      return page;
                  }});
#endif
#ifdef HAVE_ALPR_UI_EVIDENCE
    pages.append({QObject::tr("Cases"), Permission::ManageCases,
                  [](Session& s, QWidget* parent) -> QWidget* { return new CasesPage(s, parent); }});
    pages.append({QObject::tr("Evidence && retention"), Permission::ExportEvidence,
                  [](Session& s, QWidget* parent) -> QWidget* { return new EvidencePage(s, parent); }});
#endif
#ifdef HAVE_ALPR_UI_HOTLISTS
    // Wiring: reads this process indexes (footage import, demo data) are matched against the hot lists.
    HotlistMatching::install();
    pages.append({QObject::tr("Alerts"), Permission::VerifyAlerts, [](Session& s, QWidget* parent) -> QWidget* {
                      auto* page = new AlertQueuePage(s, parent);
                      // The badge: the page's tab counts the unverified alerts, in red while a high-priority one is new.
                      QObject::connect(page, &AlertQueuePage::badgeChanged, page, [page](int unverified, bool urgent) {
                          auto* tabs = qobject_cast<QTabWidget*>(page->parentWidget()
                                                                     ? page->parentWidget()->parentWidget()
                                                                     : nullptr);
                          const int index = tabs ? tabs->indexOf(page) : -1;
                          if (index < 0)
                              return;
                          tabs->setTabText(index, unverified > 0 ? QObject::tr("Alerts (%1)").arg(unverified)
                                                                 : QObject::tr("Alerts"));
                          tabs->tabBar()->setTabTextColor(index, urgent ? QColor(0xb0, 0x00, 0x20) : QColor());
                      });
                      return page;
                  }});
    pages.append({QObject::tr("Hot lists"), Permission::ManageHotlists,
                  [](Session& s, QWidget* parent) -> QWidget* { return new HotlistManagerPage(s, parent); }});
#endif
#ifdef HAVE_ALPR_UI_FLEET
    pages.append({QObject::tr("Fleet && transfers"), Permission::ManageUnits,
                  [](Session& s, QWidget* parent) -> QWidget* { return new FleetPage(s, parent); }});
#endif
#ifdef HAVE_ALPR_UI_REQUESTS
    // Anyone may register an outside request; the page shows the register only to those who work them.
    pages.append({QObject::tr("Records requests"), std::nullopt, [](Session& s, QWidget* parent) -> QWidget* {
                      auto* page = new RequestsPage(s, parent);
                      page->refresh();
                      return page;
                  }});
    pages.append({QObject::tr("Releases"), Permission::RecordRelease, [](Session& s, QWidget* parent) -> QWidget* {
                      auto* page = new ReleasesPage(s, parent);
                      page->refresh();
                      return page;
                  }});
    pages.append({QObject::tr("Audit program"), Permission::ViewAudit, [](Session& s, QWidget* parent) -> QWidget* {
                      auto* page = new AuditProgramPage(s, parent);
                      // The auditor's reminder: the tab says when a period's report is due, whatever page is open.
                      QObject::connect(page, &AuditProgramPage::dueChanged, page, [page, parent](const QString& due) {
                          if (auto* tabs = qobject_cast<QTabWidget*>(parent); tabs && tabs->indexOf(page) >= 0)
                              tabs->setTabText(tabs->indexOf(page), due.isEmpty()
                                                                        ? QObject::tr("Audit program")
                                                                        : QObject::tr("Audit program (%1 due)").arg(due));
                      });
                      page->refresh();
                      return page;
                  }});
#endif
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
