#include "fleet/UnitDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace alpr::ui {

UnitDialog::UnitDialog(QWidget* parent)
    : QDialog(parent), m_idLineEdit(new QLineEdit(this)), m_nameLineEdit(new QLineEdit(this)),
      m_kindComboBox(new QComboBox(this)), m_assignmentLineEdit(new QLineEdit(this)),
      m_camerasLineEdit(new QLineEdit(this)), m_statusComboBox(new QComboBox(this)), m_undockedLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("unitDialog"));
    setWindowTitle(tr("Unit"));
    m_idLineEdit->setObjectName(QStringLiteral("idLineEdit"));
    m_idLineEdit->setPlaceholderText(tr("e.g. CAR-12 or CAM-MAIN-ST"));
    m_nameLineEdit->setObjectName(QStringLiteral("nameLineEdit"));
    m_kindComboBox->setObjectName(QStringLiteral("kindComboBox"));
    m_kindComboBox->addItem(tr("Vehicle"), int(UnitKind::Vehicle));
    m_kindComboBox->addItem(tr("Fixed camera"), int(UnitKind::Fixed));
    m_assignmentLineEdit->setObjectName(QStringLiteral("assignmentLineEdit"));
    m_assignmentLineEdit->setPlaceholderText(tr("car number, officer or location"));
    m_camerasLineEdit->setObjectName(QStringLiteral("camerasLineEdit"));
    m_camerasLineEdit->setPlaceholderText(tr("camera serials, comma-separated"));
    m_statusComboBox->setObjectName(QStringLiteral("statusComboBox"));
    for (UnitStatus s : {UnitStatus::InService, UnitStatus::OutOfService, UnitStatus::Retired})
        m_statusComboBox->addItem(unitStatusDisplayName(s), int(s));
    m_undockedLabel->setText(tr("Undocked with the Commander's approval: record its return to change the status."));
    m_undockedLabel->setWordWrap(true);
    m_undockedLabel->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Unit id:"), m_idLineEdit);
    form->addRow(tr("Name:"), m_nameLineEdit);
    form->addRow(tr("Kind:"), m_kindComboBox);
    form->addRow(tr("Assignment:"), m_assignmentLineEdit);
    form->addRow(tr("Cameras:"), m_camerasLineEdit);
    form->addRow(tr("Status:"), m_statusComboBox);
    form->addRow(m_undockedLabel);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(460, sizeHint().height());
}

void UnitDialog::setUnit(const Unit& unit)
{
    setWindowTitle(tr("Unit %1").arg(unit.id));
    m_idLineEdit->setText(unit.id);
    m_idLineEdit->setReadOnly(true);
    m_nameLineEdit->setText(unit.name);
    m_kindComboBox->setCurrentIndex(m_kindComboBox->findData(int(unit.kind)));
    m_assignmentLineEdit->setText(unit.assignment);
    m_camerasLineEdit->setText(unit.cameraSerials.join(QStringLiteral(", ")));
    if (unit.status == UnitStatus::Undocked) {
        m_statusComboBox->addItem(unitStatusDisplayName(UnitStatus::Undocked), int(UnitStatus::Undocked));
        m_statusComboBox->setEnabled(false);
        m_undockedLabel->show();
    }
    m_statusComboBox->setCurrentIndex(m_statusComboBox->findData(int(unit.status)));
}

Unit UnitDialog::unit() const
{
    Unit u;
    u.id = m_idLineEdit->text().trimmed();
    u.name = m_nameLineEdit->text().trimmed();
    u.kind = UnitKind(m_kindComboBox->currentData().toInt());
    u.assignment = m_assignmentLineEdit->text().trimmed();
    for (const QString& serial : m_camerasLineEdit->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!serial.trimmed().isEmpty())
            u.cameraSerials.append(serial.trimmed());
    u.status = UnitStatus(m_statusComboBox->currentData().toInt());
    return u;
}

} // namespace alpr::ui
