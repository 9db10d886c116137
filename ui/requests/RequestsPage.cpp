#include "requests/RequestsPage.h"

#include "accounts/Session.h"
#include "common/BackgroundTask.h"
#include "evidence/ReadIdList.h"
#include "requests/RecordsRequestService.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace alpr::ui {

namespace {

constexpr RequestKind kKinds[] = {RequestKind::PublicRecords, RequestKind::Subpoena, RequestKind::Press,
                                  RequestKind::CivilDiscovery, RequestKind::Other};
constexpr RequestStatus kStatuses[] = {RequestStatus::Received, RequestStatus::UnderReview,
                                       RequestStatus::ReleasedInPart, RequestStatus::Denied, RequestStatus::Withdrawn};

QTableWidgetItem* cell(const QString& text, bool alert = false)
{
    auto* item = new QTableWidgetItem(text);
    if (alert)
        item->setForeground(QColor(0xb0, 0x00, 0x20));
    return item;
}

} // namespace

RequestsPage::RequestsPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_handles(session.can(Permission::HandleRecordsRequests)),
      m_requesterLineEdit(new QLineEdit(this)), m_kindComboBox(new QComboBox(this)),
      m_receivedDateEdit(new QDateEdit(this)), m_asksPlainTextEdit(new QPlainTextEdit(this)),
      m_registerPushButton(new QPushButton(tr("&Register request"), this)), m_statusLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("requestsPage"));
    m_requesterLineEdit->setObjectName(QStringLiteral("requesterLineEdit"));
    m_requesterLineEdit->setPlaceholderText(tr("person, firm, court or newspaper"));
    m_requesterLineEdit->setMaxLength(200);
    m_kindComboBox->setObjectName(QStringLiteral("requestKindComboBox"));
    for (RequestKind k : kKinds)
        m_kindComboBox->addItem(requestKindDisplayName(k), requestKindName(k));
    m_receivedDateEdit->setObjectName(QStringLiteral("receivedDateEdit"));
    m_receivedDateEdit->setCalendarPopup(true);
    m_receivedDateEdit->setDate(session.clock().nowUtc().date());
    m_receivedDateEdit->setMaximumDate(session.clock().nowUtc().date());
    m_asksPlainTextEdit->setObjectName(QStringLiteral("requestAsksPlainTextEdit"));
    m_asksPlainTextEdit->setPlaceholderText(tr("What is asked for: plates, dates, places, the request's own words"));
    m_asksPlainTextEdit->setMaximumHeight(70);
    m_registerPushButton->setObjectName(QStringLiteral("registerRequestPushButton"));
    m_statusLabel->setObjectName(QStringLiteral("requestsStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* registerBox = new QGroupBox(tr("Register an outside request (public records, subpoena, press, civil)"), this);
    auto* registerForm = new QFormLayout(registerBox);
    auto* firstLine = new QHBoxLayout;
    firstLine->addWidget(m_requesterLineEdit, 1);
    firstLine->addWidget(new QLabel(tr("Kind:"), this));
    firstLine->addWidget(m_kindComboBox);
    firstLine->addWidget(new QLabel(tr("Received:"), this));
    firstLine->addWidget(m_receivedDateEdit);
    registerForm->addRow(tr("Requester:"), firstLine);
    registerForm->addRow(tr("Asks for:"), m_asksPlainTextEdit);
    auto* registerLine = new QHBoxLayout;
    registerLine->addWidget(new QLabel(tr("The request goes to the Records Supervisor, who answers it by the legal "
                                          "due date."),
                                       this),
                            1);
    registerLine->addWidget(m_registerPushButton);
    registerForm->addRow(registerLine);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(registerBox);
    connect(m_registerPushButton, &QPushButton::clicked, this, &RequestsPage::registerRequest);

    if (m_handles) {
        m_requestsTableWidget = new QTableWidget(this);
        m_requestsTableWidget->setObjectName(QStringLiteral("requestsTableWidget"));
        m_requestsTableWidget->setColumnCount(8);
        m_requestsTableWidget->setHorizontalHeaderLabels({tr("No."), tr("Kind"), tr("Received"), tr("Due"),
                                                          tr("Status"), tr("Assigned to"), tr("Requester"),
                                                          tr("Asks for")});
        m_requestsTableWidget->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_requestsTableWidget->setSelectionMode(QAbstractItemView::SingleSelection);
        m_requestsTableWidget->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_requestsTableWidget->horizontalHeader()->setStretchLastSection(true);
        m_requestsTableWidget->verticalHeader()->hide();
        m_requestsTableWidget->setAlternatingRowColors(true);

        m_statusComboBox = new QComboBox(this);
        m_statusComboBox->setObjectName(QStringLiteral("requestStatusComboBox"));
        for (RequestStatus s : kStatuses)
            m_statusComboBox->addItem(requestStatusDisplayName(s), requestStatusName(s));
        m_denialLineEdit = new QLineEdit(this);
        m_denialLineEdit->setObjectName(QStringLiteral("denialReasonLineEdit"));
        m_denialLineEdit->setPlaceholderText(tr("the exemption or reason, required to deny"));
        m_assignLineEdit = new QLineEdit(this);
        m_assignLineEdit->setObjectName(QStringLiteral("assignLineEdit"));
        m_assignLineEdit->setPlaceholderText(tr("Records Supervisor's user name"));
        m_caseLineEdit = new QLineEdit(this);
        m_caseLineEdit->setObjectName(QStringLiteral("requestCaseLineEdit"));
        m_caseLineEdit->setPlaceholderText(tr("case the released material was exported under"));
        m_notesPlainTextEdit = new QPlainTextEdit(this);
        m_notesPlainTextEdit->setObjectName(QStringLiteral("requestNotesPlainTextEdit"));
        m_notesPlainTextEdit->setMaximumHeight(60);
        m_savePushButton = new QPushButton(tr("&Save changes"), this);
        m_savePushButton->setObjectName(QStringLiteral("saveRequestPushButton"));
        m_holdReadsLineEdit = new QLineEdit(this);
        m_holdReadsLineEdit->setObjectName(QStringLiteral("holdReadsLineEdit"));
        m_holdReadsLineEdit->setPlaceholderText(tr("read ids, e.g. 12,15,20-24"));
        m_holdPushButton = new QPushButton(tr("Place &legal hold"), this);
        m_holdPushButton->setObjectName(QStringLiteral("placeLegalHoldPushButton"));

        auto* workBox = new QGroupBox(tr("Selected request"), this);
        auto* work = new QFormLayout(workBox);
        work->addRow(tr("Status:"), m_statusComboBox);
        work->addRow(tr("Denial reason:"), m_denialLineEdit);
        work->addRow(tr("Assigned to:"), m_assignLineEdit);
        work->addRow(tr("Case:"), m_caseLineEdit);
        work->addRow(tr("Notes:"), m_notesPlainTextEdit);
        work->addRow(QString(), m_savePushButton);
        auto* holdLine = new QHBoxLayout;
        holdLine->addWidget(m_holdReadsLineEdit, 1);
        holdLine->addWidget(m_holdPushButton);
        work->addRow(tr("Preserve:"), holdLine);
        work->addRow(new QLabel(tr("Released material goes out as an evidence package (Evidence page); record the "
                                   "release in the request's notes."),
                                this));
        workBox->setEnabled(false);

        auto* split = new QSplitter(Qt::Horizontal, this);
        split->addWidget(m_requestsTableWidget);
        split->addWidget(workBox);
        split->setStretchFactor(0, 3);
        split->setStretchFactor(1, 2);
        split->setSizes({720, 480});
        layout->addWidget(split, 1);

        connect(m_requestsTableWidget, &QTableWidget::itemSelectionChanged, this, [this, workBox] {
            workBox->setEnabled(selected() != nullptr);
            showSelected();
        });
        connect(m_savePushButton, &QPushButton::clicked, this, &RequestsPage::saveSelected);
        connect(m_holdPushButton, &QPushButton::clicked, this, &RequestsPage::placeHold);
    } else {
        layout->addStretch(1);
    }
    layout->addWidget(m_statusLabel);
}

void RequestsPage::setBusy(bool busy)
{
    m_registerPushButton->setEnabled(!busy);
    if (m_savePushButton) {
        m_savePushButton->setEnabled(!busy);
        m_holdPushButton->setEnabled(!busy);
    }
}

void RequestsPage::showStatus(const QString& text, bool error)
{
    m_statusLabel->setText(text);
    m_statusLabel->setStyleSheet(error ? QStringLiteral("color: #b00020") : QString());
}

const RecordsRequest* RequestsPage::selected() const
{
    if (!m_requestsTableWidget)
        return nullptr;
    const auto rows = m_requestsTableWidget->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_requests.size())
        return nullptr;
    return &m_requests[rows.first().row()];
}

void RequestsPage::refresh()
{
    if (!m_handles)
        return;
    setBusy(true);
    Session& session = m_session;
    runInBackground<QList<RecordsRequest>>(
        m_session, this, [&session](store::Database& db) { return RecordsRequestService(session, db).list(); },
        [this](const Result<QList<RecordsRequest>>& result) {
            setBusy(false);
            if (!result)
                return showStatus(result.error().message, true);
            const qint64 keep = selected() ? selected()->id : 0;
            m_requests = *result;
            const QDate today = m_session.clock().nowUtc().date();
            m_requestsTableWidget->setRowCount(int(m_requests.size()));
            int open = 0, overdue = 0;
            for (int row = 0; row < m_requests.size(); ++row) {
                const RecordsRequest& r = m_requests[row];
                const bool late = r.isOverdueOn(today);
                open += requestIsOpen(r.status) ? 1 : 0;
                overdue += late ? 1 : 0;
                m_requestsTableWidget->setItem(row, 0, cell(QString::number(r.id)));
                m_requestsTableWidget->setItem(row, 1, cell(requestKindDisplayName(r.kind)));
                m_requestsTableWidget->setItem(row, 2, cell(r.received.toString(Qt::ISODate)));
                m_requestsTableWidget->setItem(
                    row, 3,
                    cell(late ? tr("%1 (overdue)").arg(r.due.toString(Qt::ISODate)) : r.due.toString(Qt::ISODate),
                         late));
                m_requestsTableWidget->setItem(row, 4, cell(requestStatusDisplayName(r.status)));
                m_requestsTableWidget->setItem(row, 5,
                                               cell(r.assignedTo.isEmpty() ? tr("(unassigned)") : r.assignedTo));
                m_requestsTableWidget->setItem(row, 6, cell(r.requester));
                m_requestsTableWidget->setItem(row, 7, cell(r.description.simplified()));
                if (r.id == keep)
                    m_requestsTableWidget->selectRow(row);
            }
            // With nothing selected, the first request (the register is sorted by due date) is open for work.
            if (!keep && !m_requests.isEmpty())
                m_requestsTableWidget->selectRow(0);
            m_requestsTableWidget->resizeColumnsToContents();
            showStatus(tr("%n request(s), %1 open, %2 overdue", nullptr, int(m_requests.size())).arg(open).arg(overdue),
                       overdue > 0);
        });
}

void RequestsPage::showSelected()
{
    const RecordsRequest* r = selected();
    if (!r)
        return;
    m_statusComboBox->setCurrentIndex(m_statusComboBox->findData(requestStatusName(r->status)));
    m_denialLineEdit->setText(r->denialReason);
    m_assignLineEdit->setText(r->assignedTo);
    m_caseLineEdit->setText(r->caseNumber);
    m_notesPlainTextEdit->setPlainText(r->notes);
    m_holdPushButton->setEnabled(r->holdId == 0);
    m_holdReadsLineEdit->setPlaceholderText(r->holdId ? tr("legal hold %1 placed").arg(r->holdId)
                                                      : tr("read ids, e.g. 12,15,20-24"));
}

void RequestsPage::registerRequest()
{
    NewRecordsRequest request{
        m_requesterLineEdit->text(),
        requestKindFromName(m_kindComboBox->currentData().toString()).value_or(RequestKind::Other),
        m_receivedDateEdit->date(), m_asksPlainTextEdit->toPlainText()};
    setBusy(true);
    Session& session = m_session;
    runInBackground<RecordsRequest>(
        m_session, this,
        [&session, request](store::Database& db) { return RecordsRequestService(session, db).add(request); },
        [this](const Result<RecordsRequest>& result) {
            setBusy(false);
            if (!result)
                return showStatus(result.error().message, true);
            m_requesterLineEdit->clear();
            m_asksPlainTextEdit->clear();
            showStatus(tr("Registered request %1, due %2").arg(result->id).arg(result->due.toString(Qt::ISODate)));
            refresh();
        });
}

void RequestsPage::saveSelected()
{
    const RecordsRequest* r = selected();
    if (!r)
        return;
    RecordsRequestUpdate change;
    change.status = requestStatusFromName(m_statusComboBox->currentData().toString());
    change.denialReason = m_denialLineEdit->text();
    change.assignedTo = m_assignLineEdit->text();
    change.caseNumber = m_caseLineEdit->text();
    change.notes = m_notesPlainTextEdit->toPlainText();
    const qint64 id = r->id;
    setBusy(true);
    Session& session = m_session;
    runInBackground<RecordsRequest>(
        m_session, this,
        [&session, id, change](store::Database& db) { return RecordsRequestService(session, db).update(id, change); },
        [this](const Result<RecordsRequest>& result) {
            setBusy(false);
            if (!result)
                return showStatus(result.error().message, true);
            showStatus(tr("Saved request %1").arg(result->id));
            refresh();
        });
}

void RequestsPage::placeHold()
{
    const RecordsRequest* r = selected();
    if (!r)
        return;
    auto reads = ReadIdList::parse(m_holdReadsLineEdit->text());
    const QString caseNumber = m_caseLineEdit->text().trimmed();
    if (!reads && caseNumber.isEmpty())
        return showStatus(reads.error().message, true);
    const QList<qint64> ids = reads ? *reads : QList<qint64>{};
    const qint64 id = r->id;
    setBusy(true);
    Session& session = m_session;
    runInBackground<Hold>(
        m_session, this,
        [&session, id, caseNumber, ids](store::Database& db) {
            return RecordsRequestService(session, db).placeLegalHold(id, caseNumber, ids, {});
        },
        [this](const Result<Hold>& result) {
            setBusy(false);
            if (!result)
                return showStatus(result.error().message, true);
            m_holdReadsLineEdit->clear();
            showStatus(tr("Placed legal hold %1 covering %n read(s)", nullptr, int(result->heldReads)).arg(result->id));
            refresh();
        });
}

} // namespace alpr::ui
