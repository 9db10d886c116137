#include "fleet/FleetPage.h"

#include "accounts/Session.h"
#include "common/BackgroundTask.h"
#include "fleet/FleetMonitor.h"
#include "fleet/TransferPanel.h"
#include "fleet/UndockRequestDialog.h"
#include "fleet/UndockService.h"
#include "fleet/UnitDialog.h"
#include "fleet/UnitService.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace alpr::ui {

namespace {

// Strong colours for the health cell, tints of them for the rest of the row: readable in print and for the
// colour-blind, since the cell also says the word.
struct HealthColours {
    QColor cell;
    QColor row;
    QString word;
};

HealthColours coloursFor(TransferHealth health)
{
    switch (health) {
    case TransferHealth::Red: return {QColor(0xc6, 0x28, 0x28), QColor(0xfd, 0xec, 0xea), QObject::tr("RED")};
    case TransferHealth::Amber: return {QColor(0xf2, 0x9d, 0x0c), QColor(0xfe, 0xf5, 0xe1), QObject::tr("AMBER")};
    case TransferHealth::Green: return {QColor(0x2e, 0x7d, 0x32), QColor(0xed, 0xf7, 0xee), QObject::tr("GREEN")};
    case TransferHealth::NotMonitored: return {QColor(0x9e, 0x9e, 0x9e), QColor(0xf5, 0xf5, 0xf5), QObject::tr("n/a")};
    }
    return {};
}

QString dateTime(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QObject::tr("never");
}

QString notesFor(const UnitHealth& h)
{
    QStringList n;
    if (h.unapprovedUndockTransfers)
        n << QObject::tr("UNDOCKED WITHOUT APPROVAL");
    if (h.undock)
        n << (h.undockOverdue ? QObject::tr("undock OVERDUE since %1").arg(dateTime(h.undock->toUtc))
                              : QObject::tr("undocked until %1").arg(dateTime(h.undock->toUtc)));
    if (h.failedTransfers)
        n << QObject::tr("%n failed transfer(s)", nullptr, h.failedTransfers);
    if (h.incompleteTransfers)
        n << QObject::tr("%n incomplete transfer(s)", nullptr, h.incompleteTransfers);
    if (!h.gapDays.isEmpty())
        n << QObject::tr("%n day(s) without reads", nullptr, int(h.gapDays.size()));
    if (h.health == TransferHealth::Red)
        n << QObject::tr("transfer overdue by %1 days").arg(int(h.ageDays) - 30);
    return n.join(QStringLiteral("; "));
}

QTableWidget* makeTable(QWidget* parent, const QString& name, const QStringList& headers)
{
    auto* table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setAlternatingRowColors(false);
    return table;
}

} // namespace

FleetPage::FleetPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_summaryLabel(new QLabel(this)),
      m_refreshPushButton(new QPushButton(tr("&Refresh"), this)),
      m_addUnitPushButton(new QPushButton(tr("&Add unit..."), this)),
      m_editUnitPushButton(new QPushButton(tr("&Edit unit..."), this)), m_warningSpinBox(new QSpinBox(this)),
      m_unitsTableWidget(makeTable(this, QStringLiteral("unitsTableWidget"),
                                   {tr("Unit"), tr("30-day rule"), tr("Status"), tr("Assignment"), tr("Last good transfer (UTC)"),
                                    tr("Age (days)"), tr("Data covers (UTC)"), tr("Attention")})),
      m_undockTableWidget(makeTable(this, QStringLiteral("undockTableWidget"),
                                    {tr("#"), tr("Unit"), tr("State"), tr("From (UTC)"), tr("Back by (UTC)"),
                                     tr("Requested by"), tr("Decided by"), tr("Reason")})),
      m_requestPushButton(new QPushButton(tr("Request &undocking..."), this)),
      m_approvePushButton(new QPushButton(tr("A&pprove"), this)), m_denyPushButton(new QPushButton(tr("&Deny"), this)),
      m_returnPushButton(new QPushButton(tr("Record re&turn"), this)), m_transferPanel(new TransferPanel(session, this)),
      m_statusLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("fleetPage"));
    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));
    m_refreshPushButton->setObjectName(QStringLiteral("refreshPushButton"));
    m_addUnitPushButton->setObjectName(QStringLiteral("addUnitPushButton"));
    m_editUnitPushButton->setObjectName(QStringLiteral("editUnitPushButton"));
    m_warningSpinBox->setObjectName(QStringLiteral("warningSpinBox"));
    m_warningSpinBox->setRange(1, FleetMonitor::kMaxDaysBetweenTransfers - 1);
    m_warningSpinBox->setSuffix(tr(" days"));
    m_warningSpinBox->setPrefix(tr("amber after "));
    m_warningSpinBox->setKeyboardTracking(false);
    m_requestPushButton->setObjectName(QStringLiteral("requestPushButton"));
    m_approvePushButton->setObjectName(QStringLiteral("approvePushButton"));
    m_denyPushButton->setObjectName(QStringLiteral("denyPushButton"));
    m_returnPushButton->setObjectName(QStringLiteral("returnPushButton"));
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    QFont summaryFont = m_summaryLabel->font();
    summaryFont.setPointSizeF(summaryFont.pointSizeF() * 1.2);
    summaryFont.setBold(true);
    m_summaryLabel->setFont(summaryFont);

    // The Commander alone decides undockings; the buttons are not shown to others (the core refuses them anyway).
    const bool commander = session.can(Permission::ApproveUndock);
    m_approvePushButton->setVisible(commander);
    m_denyPushButton->setVisible(commander);
    const bool manages = session.can(Permission::ManageUnits);
    m_addUnitPushButton->setVisible(manages);
    m_editUnitPushButton->setVisible(manages);
    m_warningSpinBox->setEnabled(manages);

    auto* top = new QHBoxLayout;
    top->addWidget(m_summaryLabel, 1);
    top->addWidget(m_warningSpinBox);
    top->addWidget(m_addUnitPushButton);
    top->addWidget(m_editUnitPushButton);
    top->addWidget(m_refreshPushButton);

    auto* undockButtons = new QHBoxLayout;
    undockButtons->addWidget(m_requestPushButton);
    undockButtons->addStretch();
    undockButtons->addWidget(m_approvePushButton);
    undockButtons->addWidget(m_denyPushButton);
    undockButtons->addWidget(m_returnPushButton);
    auto* undockBox = new QGroupBox(tr("Undocking (only with the Support Services Division Commander's permission)"), this);
    auto* undockLayout = new QVBoxLayout(undockBox);
    undockLayout->addWidget(m_undockTableWidget, 1);
    undockLayout->addLayout(undockButtons);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_unitsTableWidget);
    splitter->addWidget(undockBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_transferPanel);
    layout->addWidget(m_statusLabel);

    connect(m_refreshPushButton, &QPushButton::clicked, this, &FleetPage::refresh);
    connect(m_addUnitPushButton, &QPushButton::clicked, this, &FleetPage::addUnit);
    connect(m_editUnitPushButton, &QPushButton::clicked, this, &FleetPage::editUnit);
    connect(m_unitsTableWidget, &QTableWidget::cellDoubleClicked, this, [this] {
        if (m_session.can(Permission::ManageUnits))
            editUnit();
    });
    connect(m_warningSpinBox, &QSpinBox::valueChanged, this, &FleetPage::setWarningDays);
    connect(m_requestPushButton, &QPushButton::clicked, this, &FleetPage::requestUndock);
    connect(m_approvePushButton, &QPushButton::clicked, this, [this] { decideUndock(true); });
    connect(m_denyPushButton, &QPushButton::clicked, this, [this] { decideUndock(false); });
    connect(m_returnPushButton, &QPushButton::clicked, this, &FleetPage::recordReturn);
    connect(m_undockTableWidget, &QTableWidget::itemSelectionChanged, this, [this] { setBusy(false); });
    connect(m_unitsTableWidget, &QTableWidget::itemSelectionChanged, this, [this] { setBusy(false); });
    connect(m_transferPanel, &TransferPanel::transferFinished, this, &FleetPage::refresh);
    setBusy(false);
}

void FleetPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_loaded)
        refresh();
}

void FleetPage::setBusy(bool busy)
{
    const qint64 undock = selectedUndockId();
    UndockRequest::Status state = UndockRequest::Status::Denied;
    for (const UndockRequest& r : m_undocks)
        if (r.id == undock)
            state = r.status;
    m_refreshPushButton->setEnabled(!busy);
    m_addUnitPushButton->setEnabled(!busy);
    m_editUnitPushButton->setEnabled(!busy && m_unitsTableWidget->currentRow() >= 0);
    m_requestPushButton->setEnabled(!busy && !m_status.units.isEmpty());
    m_approvePushButton->setEnabled(!busy && state == UndockRequest::Status::Pending);
    m_denyPushButton->setEnabled(!busy && state == UndockRequest::Status::Pending);
    m_returnPushButton->setEnabled(!busy && state == UndockRequest::Status::Approved);
}

void FleetPage::report(const QString& message)
{
    m_statusLabel->setText(message);
}

qint64 FleetPage::selectedUndockId() const
{
    const int row = m_undockTableWidget->currentRow();
    return row >= 0 && row < m_undocks.size() ? m_undocks[row].id : 0;
}

void FleetPage::refresh()
{
    m_loaded = true;
    setBusy(true);
    struct Snapshot {
        FleetStatus status;
        QList<UndockRequest> undocks;
    };
    runInBackground<Snapshot>(
        m_session, this,
        [&session = m_session](store::Database& db) -> Result<Snapshot> {
            auto status = FleetMonitor(session, db).status();
            if (!status)
                return std::unexpected(status.error());
            auto undocks = UndockService(session, db).list(false);
            if (!undocks)
                return std::unexpected(undocks.error());
            return Snapshot{*status, *undocks};
        },
        [this](const Result<Snapshot>& snapshot) {
            if (snapshot) {
                showStatus(snapshot->status);
                showUndocks(snapshot->undocks);
            } else {
                report(snapshot.error().message);
            }
            setBusy(false);
            emit refreshed();
        });
}

void FleetPage::showStatus(const FleetStatus& status)
{
    const QString selected = m_unitsTableWidget->currentRow() >= 0 && m_unitsTableWidget->currentRow() < m_status.units.size()
                                 ? m_status.units[m_unitsTableWidget->currentRow()].unit.id
                                 : QString();
    m_status = status;
    // The units that need the manager first: red, amber, green, then those not monitored.
    std::stable_sort(m_status.units.begin(), m_status.units.end(), [](const UnitHealth& a, const UnitHealth& b) {
        auto rank = [](TransferHealth h) {
            return h == TransferHealth::Red ? 0 : h == TransferHealth::Amber ? 1 : h == TransferHealth::Green ? 2 : 3;
        };
        return rank(a.health) < rank(b.health);
    });
    const QSignalBlocker blocker(m_warningSpinBox);
    m_warningSpinBox->setValue(status.warningDays);
    m_unitsTableWidget->setRowCount(int(m_status.units.size()));
    for (int row = 0; row < m_status.units.size(); ++row) {
        const UnitHealth& h = m_status.units[row];
        const HealthColours colours = coloursFor(h.health);
        const QString covers = h.dataFromUtc.isValid()
                                   ? tr("%1 – %2").arg(h.dataFromUtc.toString(QStringLiteral("yyyy-MM-dd")),
                                                       h.dataToUtc.toString(QStringLiteral("yyyy-MM-dd")))
                                   : tr("no reads");
        const QStringList cells{h.unit.name.isEmpty() ? h.unit.id : tr("%1  (%2)").arg(h.unit.id, h.unit.name),
                                colours.word,
                                unitStatusDisplayName(h.unit.status),
                                h.unit.assignment,
                                dateTime(h.lastGoodTransferUtc),
                                h.health == TransferHealth::NotMonitored ? QStringLiteral("–")
                                                                         : QString::number(h.ageDays, 'f', 1),
                                covers,
                                notesFor(h)};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            item->setBackground(colours.row);
            item->setForeground(QColor(0x20, 0x20, 0x20));
            if (column == 1) {
                item->setBackground(colours.cell);
                item->setForeground(Qt::white);
                item->setTextAlignment(Qt::AlignCenter);
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
                item->setToolTip(h.health == TransferHealth::NotMonitored
                                     ? tr("Out of service or retired: not monitored")
                                     : tr("Red over %1 days since the last good transfer, amber over %2")
                                           .arg(status.maxDays)
                                           .arg(status.warningDays));
            }
            if (column == 5)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (column == 7 && (h.unapprovedUndockTransfers || h.undockOverdue)) {
                item->setForeground(QColor(0xb7, 0x1c, 0x1c));
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            m_unitsTableWidget->setItem(row, column, item);
        }
        if (h.unit.id == selected)
            m_unitsTableWidget->selectRow(row);
    }
    m_unitsTableWidget->resizeColumnsToContents();
    const int red = status.count(TransferHealth::Red);
    const int amber = status.count(TransferHealth::Amber);
    m_summaryLabel->setText(tr("%n unit(s): ", nullptr, int(status.units.size())) +
                            tr("%1 red (over %2 days), %3 amber (over %4 days), %5 green")
                                .arg(red)
                                .arg(status.maxDays)
                                .arg(amber)
                                .arg(status.warningDays)
                                .arg(status.count(TransferHealth::Green)));
    m_summaryLabel->setStyleSheet(red ? QStringLiteral("color: #b71c1c;") : QString());
}

void FleetPage::showUndocks(const QList<UndockRequest>& requests)
{
    m_undocks = requests;
    m_undockTableWidget->setRowCount(int(requests.size()));
    for (int row = 0; row < requests.size(); ++row) {
        const UndockRequest& r = requests[row];
        const bool overdue = r.isOverdue(m_status.atUtc);
        const QStringList cells{QString::number(r.id),
                                r.unitId,
                                overdue ? tr("OVERDUE") : undockStatusName(r.status),
                                dateTime(r.fromUtc),
                                dateTime(r.toUtc),
                                r.requestedBy,
                                r.decidedBy,
                                r.reason};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if (overdue)
                item->setBackground(coloursFor(TransferHealth::Red).row);
            m_undockTableWidget->setItem(row, column, item);
        }
    }
    m_undockTableWidget->resizeColumnsToContents();
}

void FleetPage::addUnit()
{
    UnitDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Unit unit = dialog.unit();
    setBusy(true);
    runInBackground<Unit>(
        m_session, this,
        [&session = m_session, unit](store::Database& db) { return UnitService(session, db).add(unit); },
        [this](const Result<Unit>& added) {
            report(added ? tr("Unit %1 added.").arg(added->id) : added.error().message);
            refresh();
        });
}

void FleetPage::editUnit()
{
    const int row = m_unitsTableWidget->currentRow();
    if (row < 0 || row >= m_status.units.size())
        return;
    const Unit current = m_status.units[row].unit;
    UnitDialog dialog(this);
    dialog.setUnit(current);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Unit edited = dialog.unit();
    UnitUpdate change;
    change.name = edited.name;
    change.kind = edited.kind;
    change.assignment = edited.assignment;
    change.cameraSerials = edited.cameraSerials;
    change.status = edited.status;
    setBusy(true);
    runInBackground<Unit>(
        m_session, this,
        [&session = m_session, id = current.id, change](store::Database& db) {
            return UnitService(session, db).update(id, change);
        },
        [this](const Result<Unit>& updated) {
            report(updated ? tr("Unit %1 updated.").arg(updated->id) : updated.error().message);
            refresh();
        });
}

void FleetPage::setWarningDays()
{
    const int days = m_warningSpinBox->value();
    runInBackground<bool>(
        m_session, this,
        [&session = m_session, days](store::Database& db) -> Result<bool> {
            if (auto set = FleetMonitor(session, db).setWarningDays(days); !set)
                return std::unexpected(set.error());
            return true;
        },
        [this](const Result<bool>& set) {
            if (!set)
                report(set.error().message);
            refresh();
        });
}

void FleetPage::requestUndock()
{
    QStringList units;
    for (const UnitHealth& h : m_status.units)
        if (h.unit.status == UnitStatus::InService || h.unit.status == UnitStatus::OutOfService)
            units.append(h.unit.id);
    UndockRequestDialog dialog(units, m_session.clock().nowUtc(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString unit = dialog.unitId();
    const QString reason = dialog.reason();
    const QDateTime from = dialog.fromUtc();
    const QDateTime to = dialog.toUtc();
    setBusy(true);
    runInBackground<UndockRequest>(
        m_session, this,
        [&session = m_session, unit, reason, from, to](store::Database& db) {
            return UndockService(session, db).request(unit, reason, from, to);
        },
        [this](const Result<UndockRequest>& request) {
            report(request ? tr("Undocking of %1 requested (#%2); the Commander decides.").arg(request->unitId).arg(request->id)
                           : request.error().message);
            refresh();
        });
}

void FleetPage::decideUndock(bool approve)
{
    const qint64 id = selectedUndockId();
    if (!id)
        return;
    bool ok = false;
    const QString note = QInputDialog::getText(this, approve ? tr("Approve undocking") : tr("Deny undocking"),
                                               tr("Note (optional):"), QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    setBusy(true);
    runInBackground<UndockRequest>(
        m_session, this,
        [&session = m_session, id, approve, note](store::Database& db) {
            UndockService service(session, db);
            return approve ? service.approve(id, note) : service.deny(id, note);
        },
        [this](const Result<UndockRequest>& decided) {
            report(decided ? tr("Undock request #%1 %2.").arg(decided->id).arg(undockStatusName(decided->status))
                           : decided.error().message);
            refresh();
        });
}

void FleetPage::recordReturn()
{
    const qint64 id = selectedUndockId();
    if (!id)
        return;
    setBusy(true);
    runInBackground<UndockRequest>(
        m_session, this,
        [&session = m_session, id](store::Database& db) { return UndockService(session, db).recordReturn(id); },
        [this](const Result<UndockRequest>& returned) {
            report(returned ? tr("Unit %1 is docked again.").arg(returned->unitId) : returned.error().message);
            refresh();
        });
}

} // namespace alpr::ui
