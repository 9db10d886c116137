#include "fleet/UndockRequestDialog.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPlainTextEdit>
#include <QPushButton>

namespace alpr::ui {

UndockRequestDialog::UndockRequestDialog(const QStringList& unitIds, const QDateTime& nowUtc, QWidget* parent)
    : QDialog(parent), m_unitComboBox(new QComboBox(this)), m_reasonPlainTextEdit(new QPlainTextEdit(this)),
      m_fromDateTimeEdit(new QDateTimeEdit(this)), m_toDateTimeEdit(new QDateTimeEdit(this))
{
    setObjectName(QStringLiteral("undockRequestDialog"));
    setWindowTitle(tr("Request undocking"));
    m_unitComboBox->setObjectName(QStringLiteral("unitComboBox"));
    m_unitComboBox->addItems(unitIds);
    m_reasonPlainTextEdit->setObjectName(QStringLiteral("reasonPlainTextEdit"));
    m_reasonPlainTextEdit->setPlaceholderText(tr("Why the ALPR must come off (repair, court, loan ...)"));
    for (QDateTimeEdit* edit : {m_fromDateTimeEdit, m_toDateTimeEdit}) {
        edit->setTimeSpec(Qt::UTC);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
        edit->setCalendarPopup(true);
    }
    m_fromDateTimeEdit->setObjectName(QStringLiteral("fromDateTimeEdit"));
    m_toDateTimeEdit->setObjectName(QStringLiteral("toDateTimeEdit"));
    m_fromDateTimeEdit->setDateTime(nowUtc);
    m_toDateTimeEdit->setDateTime(nowUtc.addDays(1));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Request"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("Unit:"), m_unitComboBox);
    form->addRow(tr("Reason:"), m_reasonPlainTextEdit);
    form->addRow(tr("From:"), m_fromDateTimeEdit);
    form->addRow(tr("Back by:"), m_toDateTimeEdit);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(460, 300);
}

QString UndockRequestDialog::unitId() const
{
    return m_unitComboBox->currentText();
}

QString UndockRequestDialog::reason() const
{
    return m_reasonPlainTextEdit->toPlainText().trimmed();
}

QDateTime UndockRequestDialog::fromUtc() const
{
    return m_fromDateTimeEdit->dateTime().toUTC();
}

QDateTime UndockRequestDialog::toUtc() const
{
    return m_toDateTimeEdit->dateTime().toUTC();
}

} // namespace alpr::ui
