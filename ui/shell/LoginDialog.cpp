#include "shell/LoginDialog.h"

#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtConcurrent>

namespace alpr::ui {

LoginDialog::LoginDialog(QString storeDirectory, SessionOptions options, QWidget* parent)
    : QDialog(parent), m_storeDirectory(std::move(storeDirectory)), m_options(std::move(options)),
      m_userLineEdit(new QLineEdit(this)), m_passwordLineEdit(new QLineEdit(this)),
      m_loginPushButton(new QPushButton(tr("&Log in"), this)), m_errorLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("ALPR Workstation — Log in"));
    auto* notice = new QLabel(tr("<b>For official law-enforcement use only.</b><br>Every access is recorded with "
                                 "your name, the time, what you looked at and why."),
                              this);
    notice->setWordWrap(true);
    m_userLineEdit->setObjectName(QStringLiteral("userLineEdit"));
    m_passwordLineEdit->setObjectName(QStringLiteral("passwordLineEdit"));
    m_passwordLineEdit->setEchoMode(QLineEdit::Password);
    m_loginPushButton->setObjectName(QStringLiteral("loginPushButton"));
    m_loginPushButton->setDefault(true);
    m_errorLabel->setObjectName(QStringLiteral("loginErrorLabel"));
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020"));
    m_errorLabel->setWordWrap(true);
    auto* layout = new QFormLayout(this);
    layout->addRow(notice);
    layout->addRow(tr("User name:"), m_userLineEdit);
    layout->addRow(tr("Password:"), m_passwordLineEdit);
    layout->addRow(m_errorLabel);
    layout->addRow(m_loginPushButton);
    setMinimumWidth(420);
    connect(m_loginPushButton, &QPushButton::clicked, this, &LoginDialog::attemptLogin);
}

void LoginDialog::attemptLogin()
{
    using LoginResult = Result<std::shared_ptr<Session>>;
    m_loginPushButton->setEnabled(false);
    m_errorLabel->setText(tr("Opening the encrypted store..."));
    auto* watcher = new QFutureWatcher<LoginResult>(this);
    connect(watcher, &QFutureWatcher<LoginResult>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_loginPushButton->setEnabled(true);
        LoginResult result = watcher->result();
        if (!result) {
            m_errorLabel->setText(result.error().message);
            m_passwordLineEdit->clear();
            m_passwordLineEdit->setFocus();
            return;
        }
        m_session = *result;
        accept();
    });
    watcher->setFuture(QtConcurrent::run(
        [dir = m_storeDirectory, user = m_userLineEdit->text().trimmed(), password = m_passwordLineEdit->text(),
         options = m_options]() -> LoginResult {
            auto session = Session::login(dir, user, password, options);
            if (!session)
                return std::unexpected(session.error());
            return std::shared_ptr<Session>(std::move(*session));
        }));
}

} // namespace alpr::ui
