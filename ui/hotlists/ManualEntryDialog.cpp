#include "hotlists/ManualEntryDialog.h"

#include "hotlists/HotlistEntry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace alpr::ui {

namespace {
constexpr int kDefaultDays = 7;
}

ManualEntryDialog::ManualEntryDialog(const QDateTime& nowUtc, QWidget* parent)
    : QDialog(parent), m_plateLineEdit(new QLineEdit(this)), m_stateLineEdit(new QLineEdit(this)),
      m_categoryComboBox(new QComboBox(this)), m_priorityComboBox(new QComboBox(this)),
      m_reasonLineEdit(new QLineEdit(this)), m_notesPlainTextEdit(new QPlainTextEdit(this)),
      m_expiryDateTimeEdit(new QDateTimeEdit(nowUtc.addDays(kDefaultDays), this)),
      m_lookAlikeCheckBox(new QCheckBox(tr("Also match OCR look-alikes (8/B, 0/O ...)"), this)),
      m_retroLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("manualEntryDialog"));
    setWindowTitle(tr("Manual hot-list entry"));
    m_plateLineEdit->setObjectName(QStringLiteral("plateLineEdit"));
    m_stateLineEdit->setObjectName(QStringLiteral("stateLineEdit"));
    m_categoryComboBox->setObjectName(QStringLiteral("categoryComboBox"));
    m_priorityComboBox->setObjectName(QStringLiteral("priorityComboBox"));
    m_reasonLineEdit->setObjectName(QStringLiteral("reasonLineEdit"));
    m_notesPlainTextEdit->setObjectName(QStringLiteral("notesPlainTextEdit"));
    m_expiryDateTimeEdit->setObjectName(QStringLiteral("expiryDateTimeEdit"));
    m_lookAlikeCheckBox->setObjectName(QStringLiteral("lookAlikeCheckBox"));
    m_retroLabel->setObjectName(QStringLiteral("retroLabel"));

    m_plateLineEdit->setMaxLength(14);
    m_stateLineEdit->setMaxLength(2);
    m_stateLineEdit->setPlaceholderText(tr("e.g. CA"));
    m_categoryComboBox->addItems({HotlistCategory::AmberAlert, HotlistCategory::MissingPerson, HotlistCategory::Bolo,
                                  HotlistCategory::WantedPerson, HotlistCategory::FelonyVehicle,
                                  HotlistCategory::StolenVehicle, HotlistCategory::StolenPlate,
                                  HotlistCategory::Other});
    m_priorityComboBox->addItem(tr("From the category"), 0);
    m_priorityComboBox->addItem(tr("High"), 1);
    m_priorityComboBox->addItem(tr("Medium"), 2);
    m_priorityComboBox->addItem(tr("Low"), 3);
    m_reasonLineEdit->setMaxLength(200);
    m_notesPlainTextEdit->setMaximumHeight(80);
    m_expiryDateTimeEdit->setTimeSpec(Qt::UTC);
    m_expiryDateTimeEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    m_expiryDateTimeEdit->setCalendarPopup(true);
    m_lookAlikeCheckBox->setChecked(true);
    m_retroLabel->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Plate"), m_plateLineEdit);
    form->addRow(tr("State"), m_stateLineEdit);
    form->addRow(tr("Category"), m_categoryComboBox);
    form->addRow(tr("Priority"), m_priorityComboBox);
    form->addRow(tr("Reason"), m_reasonLineEdit);
    form->addRow(tr("Notes"), m_notesPlainTextEdit);
    form->addRow(tr("Expires"), m_expiryDateTimeEdit);
    form->addRow(QString(), m_lookAlikeCheckBox);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add entry"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_retroLabel);
    layout->addWidget(buttons);

    const auto update = [this, buttons] {
        const QString c = m_categoryComboBox->currentText();
        m_retroLabel->setText(c == HotlistCategory::AmberAlert || c == HotlistCategory::MissingPerson
                                  ? tr("An Amber alert or missing person is also searched in past reads at once.")
                                  : tr("Matched against reads from now on."));
        buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(!m_plateLineEdit->text().trimmed().isEmpty() && !m_reasonLineEdit->text().trimmed().isEmpty());
    };
    connect(m_categoryComboBox, &QComboBox::currentIndexChanged, this, update);
    connect(m_plateLineEdit, &QLineEdit::textChanged, this, update);
    connect(m_reasonLineEdit, &QLineEdit::textChanged, this, update);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
}

ManualEntry ManualEntryDialog::entry() const
{
    ManualEntry e;
    e.plate = m_plateLineEdit->text();
    e.state = m_stateLineEdit->text();
    e.category = m_categoryComboBox->currentText();
    e.priority = m_priorityComboBox->currentData().toInt();
    e.reason = m_reasonLineEdit->text();
    e.notes = m_notesPlainTextEdit->toPlainText();
    e.expiresUtc = m_expiryDateTimeEdit->dateTime().toUTC();
    e.lookAlike = m_lookAlikeCheckBox->isChecked();
    return e;
}

} // namespace alpr::ui
