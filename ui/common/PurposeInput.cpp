#include "common/PurposeInput.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

namespace alpr::ui {

PurposeInput::PurposeInput(const AccessPurposePolicy& policy, QWidget* parent)
    : QWidget(parent), m_purposeComboBox(new QComboBox(this)), m_caseLineEdit(new QLineEdit(this))
{
    m_purposeComboBox->setObjectName(QStringLiteral("purposeComboBox"));
    m_purposeComboBox->setEditable(true);
    m_purposeComboBox->addItems(policy.purposes());
    m_purposeComboBox->setCurrentIndex(-1);
    m_purposeComboBox->lineEdit()->setPlaceholderText(tr("Purpose (required)"));
    m_caseLineEdit->setObjectName(QStringLiteral("caseLineEdit"));
    m_caseLineEdit->setPlaceholderText(tr("Case / incident number (required)"));
    m_caseLineEdit->setMaxLength(64);
    auto* layout = new QFormLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addRow(tr("Purpose:"), m_purposeComboBox);
    layout->addRow(tr("Case no.:"), m_caseLineEdit);
}

AccessPurpose PurposeInput::accessPurpose() const
{
    return {m_purposeComboBox->currentText().trimmed(), m_caseLineEdit->text().trimmed()};
}

void PurposeInput::setAccessPurpose(const AccessPurpose& purpose)
{
    m_purposeComboBox->setCurrentText(purpose.purpose);
    m_caseLineEdit->setText(purpose.caseNumber);
}

} // namespace alpr::ui
