#include "admin/AddUserDialog.h"

#include "accounts/AccountService.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace alpr::ui {

AddUserDialog::AddUserDialog(const QDate& today, QWidget* parent)
    : QDialog(parent), m_nameLineEdit(new QLineEdit(this)), m_fullNameLineEdit(new QLineEdit(this)),
      m_roleComboBox(new QComboBox(this)), m_trainingDateEdit(new QDateEdit(today.addYears(1), this)),
      m_cletsCheckBox(new QCheckBox(tr("Authorized for CLETS data"), this)), m_passwordLineEdit(new QLineEdit(this)),
      m_confirmLineEdit(new QLineEdit(this)), m_errorLabel(new QLabel(this))
{
    setWindowTitle(tr("Add user"));
    m_nameLineEdit->setObjectName(QStringLiteral("newUserNameLineEdit"));
    m_fullNameLineEdit->setObjectName(QStringLiteral("newUserFullNameLineEdit"));
    m_roleComboBox->setObjectName(QStringLiteral("newUserRoleComboBox"));
    for (Role r : {Role::Investigator, Role::AgencyManager, Role::RecordsSupervisor, Role::Auditor, Role::Commander})
        m_roleComboBox->addItem(roleDisplayName(r), roleName(r));
    m_trainingDateEdit->setObjectName(QStringLiteral("newUserTrainingDateEdit"));
    m_trainingDateEdit->setCalendarPopup(true);
    m_cletsCheckBox->setObjectName(QStringLiteral("newUserCletsCheckBox"));
    m_passwordLineEdit->setObjectName(QStringLiteral("newUserPasswordLineEdit"));
    m_passwordLineEdit->setEchoMode(QLineEdit::Password);
    m_confirmLineEdit->setObjectName(QStringLiteral("newUserConfirmLineEdit"));
    m_confirmLineEdit->setEchoMode(QLineEdit::Password);
    m_errorLabel->setObjectName(QStringLiteral("newUserErrorLabel"));
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020"));
    m_errorLabel->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QFormLayout(this);
    layout->addRow(tr("User name:"), m_nameLineEdit);
    layout->addRow(tr("Full name:"), m_fullNameLineEdit);
    layout->addRow(tr("Role:"), m_roleComboBox);
    layout->addRow(tr("ALPR training valid until:"), m_trainingDateEdit);
    layout->addRow(QString(), m_cletsCheckBox);
    layout->addRow(tr("Initial password:"), m_passwordLineEdit);
    layout->addRow(tr("Repeat password:"), m_confirmLineEdit);
    layout->addRow(m_errorLabel);
    layout->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &AddUserDialog::tryAccept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

NewAccount AddUserDialog::account() const
{
    return NewAccount{m_nameLineEdit->text().trimmed(), m_fullNameLineEdit->text().trimmed(),
                      roleFromName(m_roleComboBox->currentData().toString()).value_or(Role::Investigator),
                      m_trainingDateEdit->date(), m_cletsCheckBox->isChecked(), m_passwordLineEdit->text()};
}

void AddUserDialog::tryAccept()
{
    if (m_passwordLineEdit->text() != m_confirmLineEdit->text()) {
        m_errorLabel->setText(tr("The two passwords differ."));
        return;
    }
    if (auto ok = AccountService::validate(account()); !ok) {
        m_errorLabel->setText(ok.error().message);
        return;
    }
    accept();
}

} // namespace alpr::ui
