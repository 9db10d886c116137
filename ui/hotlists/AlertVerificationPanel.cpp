#include "hotlists/AlertVerificationPanel.h"

#include "search/ReadDetailPanel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace alpr::ui {

namespace {
QString row(const QString& name, const QString& value)
{
    return QStringLiteral("<tr><td><b>%1</b>&nbsp;</td><td>%2</td></tr>")
        .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
}
} // namespace

AlertVerificationPanel::AlertVerificationPanel(QWidget* parent)
    : QWidget(parent), m_verificationLabel(new QLabel(this)), m_entryLabel(new QLabel(this)),
      m_cletsLabel(new QLabel(this)), m_readPanel(new ReadDetailPanel(this)),
      m_visualPushButton(new QPushButton(tr("Plate and state match the image"), this)),
      m_outcomeComboBox(new QComboBox(this)), m_referenceLineEdit(new QLineEdit(this)),
      m_confirmPushButton(new QPushButton(tr("Record CLETS/dispatch answer"), this)),
      m_rejectReasonComboBox(new QComboBox(this)), m_rejectPushButton(new QPushButton(tr("Reject"), this)),
      m_closePushButton(new QPushButton(tr("Close alert"), this)),
      m_copyPushButton(new QPushButton(tr("Copy for dispatch"), this))
{
    setObjectName(QStringLiteral("alertVerificationPanel"));
    m_verificationLabel->setObjectName(QStringLiteral("verificationLabel"));
    m_entryLabel->setObjectName(QStringLiteral("entryLabel"));
    m_cletsLabel->setObjectName(QStringLiteral("cletsLabel"));
    m_visualPushButton->setObjectName(QStringLiteral("visualPushButton"));
    m_outcomeComboBox->setObjectName(QStringLiteral("outcomeComboBox"));
    m_referenceLineEdit->setObjectName(QStringLiteral("referenceLineEdit"));
    m_confirmPushButton->setObjectName(QStringLiteral("confirmPushButton"));
    m_rejectReasonComboBox->setObjectName(QStringLiteral("rejectReasonComboBox"));
    m_rejectPushButton->setObjectName(QStringLiteral("rejectPushButton"));
    m_closePushButton->setObjectName(QStringLiteral("closePushButton"));
    m_copyPushButton->setObjectName(QStringLiteral("copyPushButton"));

    m_verificationLabel->setWordWrap(true);
    m_verificationLabel->setAlignment(Qt::AlignCenter);
    m_entryLabel->setWordWrap(true);
    m_entryLabel->setTextFormat(Qt::RichText);
    m_cletsLabel->setWordWrap(true);
    m_cletsLabel->setTextFormat(Qt::RichText);
    m_cletsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_outcomeComboBox->addItem(tr("Confirmed active"), int(CletsOutcome::Active));
    m_outcomeComboBox->addItem(tr("No longer active"), int(CletsOutcome::NotActive));
    m_outcomeComboBox->addItem(tr("Misread"), int(CletsOutcome::Misread));
    m_referenceLineEdit->setPlaceholderText(tr("Dispatcher or CLETS message reference"));
    m_referenceLineEdit->setMaxLength(80);

    auto* entryBox = new QGroupBox(tr("Hot-list entry"), this);
    auto* entryLayout = new QVBoxLayout(entryBox);
    entryLayout->addWidget(m_entryLabel);
    entryLayout->addWidget(m_cletsLabel);

    auto* verifyBox = new QGroupBox(tr("Verification before enforcement"), this);
    auto* form = new QFormLayout(verifyBox);
    form->addRow(tr("1. Visual check"), m_visualPushButton);
    auto* clets = new QHBoxLayout;
    clets->addWidget(m_outcomeComboBox);
    clets->addWidget(m_referenceLineEdit, 1);
    clets->addWidget(m_confirmPushButton);
    form->addRow(tr("2. CLETS/dispatch"), clets);
    auto* reject = new QHBoxLayout;
    reject->addWidget(m_rejectReasonComboBox, 1);
    reject->addWidget(m_rejectPushButton);
    form->addRow(tr("Reject"), reject);
    auto* finish = new QHBoxLayout;
    finish->addWidget(m_closePushButton);
    finish->addStretch();
    finish->addWidget(m_copyPushButton);
    form->addRow(tr("3. Close"), finish);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_verificationLabel);
    layout->addWidget(entryBox);
    layout->addWidget(verifyBox);
    layout->addWidget(m_readPanel, 1);

    connect(m_visualPushButton, &QPushButton::clicked, this, [this] { emit visualCheckRequested(m_alert.id); });
    connect(m_confirmPushButton, &QPushButton::clicked, this, [this] {
        emit confirmRequested(m_alert.id, CletsOutcome(m_outcomeComboBox->currentData().toInt()),
                              m_referenceLineEdit->text());
    });
    connect(m_referenceLineEdit, &QLineEdit::textChanged, this, &AlertVerificationPanel::updateButtons);
    connect(m_rejectPushButton, &QPushButton::clicked, this,
            [this] { emit rejectRequested(m_alert.id, m_rejectReasonComboBox->currentText()); });
    connect(m_closePushButton, &QPushButton::clicked, this, [this] { emit closeRequested(m_alert.id); });
    connect(m_copyPushButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_alert.dispatchLine()); });
    clear();
}

void AlertVerificationPanel::setRejectReasons(const QStringList& reasons)
{
    m_rejectReasonComboBox->clear();
    m_rejectReasonComboBox->addItems(reasons);
}

void AlertVerificationPanel::setCanVerify(bool canVerify)
{
    m_canVerify = canVerify;
    updateButtons();
}

void AlertVerificationPanel::showAlert(const Alert& alert, const QImage& context, const QImage& crop)
{
    m_alert = alert;
    const bool warn = !alert.isVerified() && alert.state != AlertState::Rejected;
    m_verificationLabel->setText(alert.state == AlertState::Rejected ? tr("REJECTED: %1").arg(alert.rejectReason)
                                                                     : alert.verificationText());
    m_verificationLabel->setStyleSheet(
        warn ? QStringLiteral("QLabel { background: #b00020; color: white; font-weight: bold; padding: 8px; }")
             : QStringLiteral("QLabel { background: #e0e0e0; color: black; font-weight: bold; padding: 8px; }"));
    QString html = QStringLiteral("<table>");
    html += row(tr("Alert"), QStringLiteral("#%1 · %2 priority · %3")
                                 .arg(alert.id)
                                 .arg(HotlistPriority::name(alert.priority), alertStateName(alert.state)));
    html += row(tr("List"), QStringLiteral("%1 (%2)").arg(alert.listName, alert.category));
    html += row(tr("Entry"), QStringLiteral("%1 %2").arg(alert.entryPlate, alert.entryState));
    html += row(tr("Read as"), alert.matchedPlate + (alert.alternativeRank > 0
                                                         ? tr(" (alternative reading %1)").arg(alert.alternativeRank)
                                                         : QString()));
    html += row(tr("Match"), QStringLiteral("%1: %2%3")
                                 .arg(alert.matchKind, alert.explanation,
                                      alert.retro ? tr(" (found among past reads)") : QString()));
    if (!alert.reason.isEmpty())
        html += row(tr("Reason"), alert.reason);
    if (alert.visualUtc.isValid())
        html += row(tr("Visual check"), tr("%1 at %2 UTC").arg(alert.visualBy, alert.visualUtc.toString(Qt::ISODate)));
    if (alert.cletsUtc.isValid())
        html += row(tr("CLETS/dispatch"), tr("%1 at %2 UTC, ref %3: %4")
                                              .arg(alert.cletsBy, alert.cletsUtc.toString(Qt::ISODate),
                                                   alert.cletsReference, alert.cletsOutcome));
    m_entryLabel->setText(html + QStringLiteral("</table>"));
    if (alert.clets.redacted) {
        m_cletsLabel->setText(tr("<i>CLETS record redacted: your account is not CLETS-authorized.</i>"));
    } else if (alert.clets.isEmpty()) {
        m_cletsLabel->setText(tr("<i>No CLETS record with this entry.</i>"));
    } else {
        m_cletsLabel->setText(QStringLiteral("<table>") + row(tr("NIC"), alert.clets.nic) +
                              row(tr("ORI"), alert.clets.ori) + row(tr("Incident date"), alert.clets.incidentDate) +
                              row(tr("Record vehicle"), alert.clets.vehicle) +
                              row(tr("Record"), alert.clets.recordText) + QStringLiteral("</table>"));
    }
    m_readPanel->showRead(alert.read, alert.explanation, context, crop);
    m_referenceLineEdit->clear();
    updateButtons();
}

void AlertVerificationPanel::clear(const QString& message)
{
    m_alert = {};
    m_verificationLabel->setText(message.isEmpty() ? tr("Select an alert") : message);
    m_verificationLabel->setStyleSheet({});
    m_entryLabel->clear();
    m_cletsLabel->clear();
    m_readPanel->clear();
    updateButtons();
}

void AlertVerificationPanel::updateButtons()
{
    const bool any = m_alert.id > 0 && m_canVerify;
    m_visualPushButton->setEnabled(any && m_alert.state == AlertState::New);
    const bool clets = any && m_alert.state == AlertState::Visual;
    m_outcomeComboBox->setEnabled(clets);
    m_referenceLineEdit->setEnabled(clets);
    m_confirmPushButton->setEnabled(clets && !m_referenceLineEdit->text().trimmed().isEmpty());
    const bool rejectable = any && m_alert.state != AlertState::Closed && m_alert.state != AlertState::Rejected;
    m_rejectReasonComboBox->setEnabled(rejectable);
    m_rejectPushButton->setEnabled(rejectable && m_rejectReasonComboBox->count() > 0);
    m_closePushButton->setEnabled(any && m_alert.state == AlertState::Confirmed);
    m_copyPushButton->setEnabled(m_alert.id > 0);
}

} // namespace alpr::ui
