#pragma once

#include "shell/WorkstationPages.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QTabWidget;

namespace alpr {
class Session;
}

namespace alpr::ui {

/// The workstation after login: the pages the user's role may use, and who is signed in. Closing the window or
/// choosing Log out records the logout. Files and folders dropped on the window go to the import queue (for roles
/// that import), and an import left unfinished by the last session is offered for resuming.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(std::shared_ptr<Session> session, const WorkstationSettings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] QTabWidget* pages() const { return m_pagesTabWidget; }
    [[nodiscard]] bool loggedOut() const { return m_loggedOut; }

signals:
    void logoutRequested();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void logout();
    /// The import dialog, opened on first use and raised after that.
    QDialog* importDialog();
    void offerToResumeImport();

    std::shared_ptr<Session> m_session;
    QTabWidget* m_pagesTabWidget;
    QPointer<QDialog> m_importDialog;
    bool m_loggedOut = false;
};

} // namespace alpr::ui
