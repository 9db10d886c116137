#include "shell/MainWindow.h"

#include "accounts/Session.h"
#include "store/Database.h"
#ifdef HAVE_ALPR_UI_IMPORT
#include "common/BackgroundTask.h"
#include "import/ImportDialog.h"
#include "import/ImportQueue.h"
#endif

#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
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
        auto* importAction = fileMenu->addAction(tr("&Import footage..."), this, [this] { importDialog(); });
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
#ifdef HAVE_ALPR_UI_IMPORT
    if (m_session->can(Permission::ImportReads)) {
        setAcceptDrops(true);
        offerToResumeImport();
    }
#endif
}

QDialog* MainWindow::importDialog()
{
#ifdef HAVE_ALPR_UI_IMPORT
    if (!m_importDialog) {
        auto* dialog = new ImportDialog(*m_session, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        m_importDialog = dialog;
    }
    m_importDialog->show();
    m_importDialog->raise();
    m_importDialog->activateWindow();
#endif
    return m_importDialog;
}

void MainWindow::offerToResumeImport()
{
#ifdef HAVE_ALPR_UI_IMPORT
    runInBackground<QList<ImportQueueState>>(
        *m_session, this,
        [&session = *m_session](store::Database& db) { return ImportQueue(session, db).unfinished(); },
        [this](const Result<QList<ImportQueueState>>& queues) {
            if (!queues || queues->isEmpty())
                return;
            const ImportQueueState& q = queues->first();
            auto* box = new QMessageBox(QMessageBox::Question, tr("Unfinished import"),
                                        tr("An import of %n file(s) for unit %1, started %2, was not finished: "
                                           "%3 file(s) are left. Resume it now?",
                                           nullptr, int(q.items.size()))
                                            .arg(q.options.unitId.toHtmlEscaped(),
                                                 q.createdUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")))
                                            .arg(q.unfinished()),
                                        QMessageBox::NoButton, this);
            box->setObjectName(QStringLiteral("resumeImportMessageBox"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            auto* resume = box->addButton(tr("&Resume"), QMessageBox::AcceptRole);
            resume->setObjectName(QStringLiteral("resumeImportPushButton"));
            auto* discard = box->addButton(tr("&Discard the rest"), QMessageBox::DestructiveRole);
            discard->setObjectName(QStringLiteral("discardImportPushButton"));
            box->addButton(tr("&Later"), QMessageBox::RejectRole)->setObjectName(QStringLiteral("laterPushButton"));
            const qint64 id = q.id;
            connect(box, &QMessageBox::buttonClicked, this, [this, id, resume, discard](QAbstractButton* button) {
                if (button == resume) {
                    if (auto* dialog = qobject_cast<ImportDialog*>(importDialog()))
                        dialog->resumeQueue(id);
                } else if (button == discard) {
                    runInBackground<bool>(
                        *m_session, this,
                        [&session = *m_session, id](store::Database& db) -> Result<bool> {
                            if (auto done = ImportQueue(session, db).discard(id); !done)
                                return std::unexpected(done.error());
                            return true;
                        },
                        [this](const Result<bool>& done) {
                            if (!done)
                                QMessageBox::warning(this, tr("Unfinished import"), done.error().message);
                        });
                }
            });
            box->open();
        });
#endif
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QMimeData* mime = event->mimeData();
    if (mime && mime->hasUrls() && !mime->urls().isEmpty() && mime->urls().first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
#ifdef HAVE_ALPR_UI_IMPORT
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    auto* dialog = qobject_cast<ImportDialog*>(importDialog());
    if (paths.isEmpty() || !dialog)
        return;
    if (dialog->isRunning()) {
        statusBar()->showMessage(tr("An import is running; drop these again when it has finished."), 10000);
        return;
    }
    dialog->addPaths(paths);
    event->acceptProposedAction();
#else
    Q_UNUSED(event)
#endif
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
#ifdef HAVE_ALPR_UI_IMPORT
    // A running import stops after its current frame (the rest stays queued and is offered at the next login)
    // rather than keeping the window open until hours of footage are read.
    if (auto* import = qobject_cast<ImportDialog*>(m_importDialog.data()); import && import->isRunning())
        import->cancel();
#endif
    QThreadPool::globalInstance()->waitForDone();
    if (m_session) {
        if (auto r = m_session->logout(); !r)
            QMessageBox::warning(this, tr("Log out"), r.error().message);
    }
    event->accept();
}

} // namespace alpr::ui
