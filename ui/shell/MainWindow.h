#pragma once

#include "shell/WorkstationPages.h"

#include <QMainWindow>

#include <memory>

class QTabWidget;

namespace alpr {
class Session;
}

namespace alpr::ui {

/// The workstation after login: the pages the user's role may use, and who is signed in. Closing the window or
/// choosing Log out records the logout.
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

private:
    void logout();

    std::shared_ptr<Session> m_session;
    QTabWidget* m_pagesTabWidget;
    bool m_loggedOut = false;
};

} // namespace alpr::ui
