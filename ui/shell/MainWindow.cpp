#include "shell/MainWindow.h"

#include "accounts/Session.h"
#include "store/Database.h"
#ifdef HAVE_ALPR_UI_IMPORT
#include "import/ImportDialog.h"
#endif

#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QThreadPool>

namespace alpr::ui {

MainWindow::MainWindow(std::shared_ptr<Session> session, const WorkstationSettings& settings, QWidget* parent)
    : QMainWindow(parent), m_session(std::move(session)), m_pagesTabWidget(new QTabWidget(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("ALPR Investigator Workstation"));
    m_pagesTabWidget->setObjectName(QStringLiteral("pagesTabWidget"));
    m_pagesTabWidget->setDocumentMode(true);
    setCentralWidget(m_pagesTabWidget);

    for (const WorkstationPage& page : workstationPages(settings)) {
        if (page.requires_ && !m_session->can(*page.requires_))
            continue;
        m_pagesTabWidget->addTab(page.create(*m_session, m_pagesTabWidget), page.title);
    }

    auto* fileMenu = menuBar()->addMenu(tr("&Session"));
#ifdef HAVE_ALPR_UI_IMPORT
    if (m_session->can(Permission::ImportReads)) {
        auto* importAction = fileMenu->addAction(tr("&Import footage..."), this, [this] {
            auto* dialog = new ImportDialog(*m_session, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
        importAction->setObjectName(QStringLiteral("importFootageAction"));
        importAction->setShortcut(QKeySequence(tr("Ctrl+I")));
        fileMenu->addSeparator();
    }
#endif
    fileMenu->addAction(tr("&Log out"), this, &MainWindow::logout);
    fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    auto* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About"), this, [this] {
        QMessageBox::about(this, tr("About"),
                           tr("<b>ALPR Investigator Workstation</b> %1<br>Store: SQLCipher on SQLite %2, encrypted at "
                              "rest.<br>Map data © OpenStreetMap contributors (ODbL).")
                               .arg(QApplication::applicationVersion(), store::Database::libraryVersion()));
    });

    const Account& a = m_session->account();
    auto* who = new QLabel(tr("Signed in as <b>%1</b> (%2) · training valid until %3 · CLETS: %4 · %5")
                               .arg(a.name.toHtmlEscaped(), roleDisplayName(a.role),
                                    a.trainingUntil.toString(Qt::ISODate), a.cletsAuthorized ? tr("authorized") : tr("no"),
                                    m_session->workstation().toHtmlEscaped()),
                           this);
    who->setObjectName(QStringLiteral("sessionLabel"));
    statusBar()->addPermanentWidget(who);
    resize(1280, 820);
}

MainWindow::~MainWindow()
{
    // Pages may have work in flight that holds the session by reference.
    QThreadPool::globalInstance()->waitForDone();
}

void MainWindow::logout()
{
    m_loggedOut = true;
    emit logoutRequested();
    close();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QThreadPool::globalInstance()->waitForDone();
    if (m_session) {
        if (auto r = m_session->logout(); !r)
            QMessageBox::warning(this, tr("Log out"), r.error().message);
    }
    event->accept();
}

} // namespace alpr::ui
