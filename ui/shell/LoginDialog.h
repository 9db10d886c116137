#pragma once

#include "accounts/Session.h"

#include <QDialog>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;

namespace alpr::ui {

/// Asks for user name and password and opens the store off the GUI thread (the key derivation takes ~0.4 s).
/// Refusals (wrong password, lockout, training, disabled) are shown as the core words them.
class LoginDialog : public QDialog {
    Q_OBJECT
public:
    LoginDialog(QString storeDirectory, SessionOptions options, QWidget* parent = nullptr);
    /// The session after accept(); null otherwise.
    [[nodiscard]] std::shared_ptr<Session> session() const { return m_session; }

private:
    void attemptLogin();

    QString m_storeDirectory;
    SessionOptions m_options;
    std::shared_ptr<Session> m_session;
    QLineEdit* m_userLineEdit;
    QLineEdit* m_passwordLineEdit;
    QPushButton* m_loginPushButton;
    QLabel* m_errorLabel;
};

} // namespace alpr::ui
