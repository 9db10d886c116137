#include "evidence/CasesPage.h"

#include "accounts/Session.h"
#include "common/BackgroundTask.h"
#include "evidence/CaseService.h"
#include "evidence/EvidenceTable.h"
#include "evidence/ExportDialog.h"
#include "evidence/HoldService.h"
#include "evidence/ReadIdList.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace alpr::ui {

CasesPage::CasesPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session),
      m_casesTableWidget(
          EvidenceTable::create(this, QStringLiteral("casesTableWidget"),
                                {tr("Number"), tr("Title"), tr("Lead detective"), tr("Status"), tr("Opened")})),
      m_closedCheckBox(new QCheckBox(tr("Show &closed cases"), this)), m_numberLineEdit(new QLineEdit(this)),
      m_titleLineEdit(new QLineEdit(this)), m_leadLineEdit(new QLineEdit(this)),
      m_openPushButton(new QPushButton(tr("&Open case"), this)),
      m_itemsTableWidget(EvidenceTable::create(this, QStringLiteral("itemsTableWidget"),
                                               {tr("Kind"), tr("Item"), tr("Attached by"), tr("Attached")})),
      m_readsLineEdit(new QLineEdit(this)), m_attachPushButton(new QPushButton(tr("&Attach reads"), this)),
      m_holdPushButton(new QPushButton(tr("Place evidence &hold"), this)),
      m_statusPushButton(new QPushButton(tr("C&lose case"), this)),
      m_exportPushButton(new QPushButton(tr("&Export evidence..."), this)), m_statusLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("casesPage"));
    m_closedCheckBox->setObjectName(QStringLiteral("closedCheckBox"));
    m_numberLineEdit->setObjectName(QStringLiteral("numberLineEdit"));
    m_numberLineEdit->setPlaceholderText(tr("case number"));
    m_titleLineEdit->setObjectName(QStringLiteral("titleLineEdit"));
    m_titleLineEdit->setPlaceholderText(tr("title"));
    m_leadLineEdit->setObjectName(QStringLiteral("leadLineEdit"));
    m_leadLineEdit->setPlaceholderText(tr("lead detective"));
    m_openPushButton->setObjectName(QStringLiteral("openPushButton"));
    m_readsLineEdit->setObjectName(QStringLiteral("readsLineEdit"));
    m_readsLineEdit->setPlaceholderText(tr("read ids, e.g. 12,15,20-24"));
    m_attachPushButton->setObjectName(QStringLiteral("attachPushButton"));
    m_holdPushButton->setObjectName(QStringLiteral("holdPushButton"));
    m_statusPushButton->setObjectName(QStringLiteral("statusPushButton"));
    m_exportPushButton->setObjectName(QStringLiteral("exportPushButton"));
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_holdPushButton->setVisible(session.can(Permission::PlaceEvidenceHold));
    m_exportPushButton->setVisible(session.can(Permission::ExportEvidence));

    auto* newCase = new QHBoxLayout;
    newCase->addWidget(m_numberLineEdit);
    newCase->addWidget(m_titleLineEdit, 2);
    newCase->addWidget(m_leadLineEdit);
    newCase->addWidget(m_openPushButton);
    auto* casesBox = new QWidget(this);
    auto* casesLayout = new QVBoxLayout(casesBox);
    casesLayout->setContentsMargins(0, 0, 0, 0);
    casesLayout->addWidget(m_casesTableWidget, 1);
    casesLayout->addWidget(m_closedCheckBox);
    casesLayout->addLayout(newCase);

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_readsLineEdit, 1);
    actions->addWidget(m_attachPushButton);
    actions->addWidget(m_holdPushButton);
    actions->addWidget(m_statusPushButton);
    actions->addWidget(m_exportPushButton);
    auto* itemsBox = new QGroupBox(tr("Attached to the selected case"), this);
    auto* itemsLayout = new QVBoxLayout(itemsBox);
    itemsLayout->addWidget(m_itemsTableWidget, 1);
    itemsLayout->addLayout(actions);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(casesBox);
    splitter->addWidget(itemsBox);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_statusLabel);

    connect(m_closedCheckBox, &QCheckBox::toggled, this, &CasesPage::refresh);
    connect(m_openPushButton, &QPushButton::clicked, this, &CasesPage::openCase);
    connect(m_attachPushButton, &QPushButton::clicked, this, &CasesPage::attachReads);
    connect(m_readsLineEdit, &QLineEdit::returnPressed, this, &CasesPage::attachReads);
    connect(m_holdPushButton, &QPushButton::clicked, this, &CasesPage::placeHold);
    connect(m_statusPushButton, &QPushButton::clicked, this, &CasesPage::toggleStatus);
    connect(m_exportPushButton, &QPushButton::clicked, this, &CasesPage::exportEvidence);
    connect(m_casesTableWidget, &QTableWidget::itemSelectionChanged, this, &CasesPage::showItems);
    setBusy(false);
}

QString CasesPage::currentCaseNumber() const
{
    const int row = m_casesTableWidget->currentRow();
    return row >= 0 && row < m_cases.size() ? m_cases[row].number : QString();
}

void CasesPage::setBusy(bool busy)
{
    const bool selected = !currentCaseNumber().isEmpty();
    m_openPushButton->setEnabled(!busy);
    for (QPushButton* b : {m_attachPushButton, m_holdPushButton, m_statusPushButton, m_exportPushButton})
        b->setEnabled(!busy && selected);
}

void CasesPage::report(const QString& message)
{
    m_statusLabel->setText(message);
}

void CasesPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_loaded)
        refresh();
}

void CasesPage::refresh()
{
    m_loaded = true;
    setBusy(true);
    const bool closed = m_closedCheckBox->isChecked();
    runInBackground<QList<Case>>(
        m_session, this,
        [&session = m_session, closed](store::Database& db) { return CaseService(session, db).list(closed); },
        [this](const Result<QList<Case>>& cases) {
            if (cases)
                showCases(*cases);
            else
                report(cases.error().message);
            setBusy(false);
            emit refreshed();
        });
}

void CasesPage::selectCase(const QString& number)
{
    for (int row = 0; row < m_cases.size(); ++row)
        if (m_cases[row].number == number.trimmed().toUpper())
            m_casesTableWidget->selectRow(row);
}

void CasesPage::showCases(const QList<Case>& cases)
{
    const QString previous = currentCaseNumber();
    m_cases = cases;
    m_casesTableWidget->setRowCount(int(cases.size()));
    for (int row = 0; row < cases.size(); ++row) {
        const Case& c = cases[row];
        EvidenceTable::setRow(m_casesTableWidget, row,
                              {c.number, c.title, c.leadDetective, caseStatusName(c.status),
                               c.createdUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm"))});
        if (c.number == previous)
            m_casesTableWidget->selectRow(row);
    }
    m_casesTableWidget->resizeColumnsToContents();
    if (m_casesTableWidget->currentRow() < 0 && !cases.isEmpty())
        m_casesTableWidget->selectRow(0);
    showItems();
}

void CasesPage::showItems()
{
    const QString number = currentCaseNumber();
    const int row = m_casesTableWidget->currentRow();
    m_statusPushButton->setText(row >= 0 && row < m_cases.size() && m_cases[row].status == CaseStatus::Closed
                                    ? tr("Re&open case")
                                    : tr("C&lose case"));
    setBusy(false);
    if (number.isEmpty()) {
        m_itemsTableWidget->setRowCount(0);
        return;
    }
    runInBackground<QList<CaseItem>>(
        m_session, this,
        [&session = m_session, number](store::Database& db) { return CaseService(session, db).items(number); },
        [this, number](const Result<QList<CaseItem>>& items) {
            if (number != currentCaseNumber())
                return; // the selection moved on meanwhile
            if (!items) {
                report(items.error().message);
                return;
            }
            m_itemsTableWidget->setRowCount(int(items->size()));
            for (int row = 0; row < items->size(); ++row) {
                const CaseItem& item = items->at(row);
                EvidenceTable::setRow(m_itemsTableWidget, row,
                                      {item.kind, QString::number(item.itemId), item.addedBy,
                                       item.addedUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm"))});
            }
            m_itemsTableWidget->resizeColumnsToContents();
        });
}

void CasesPage::openCase()
{
    const NewCase newCase{m_numberLineEdit->text(), m_titleLineEdit->text(), m_leadLineEdit->text()};
    setBusy(true);
    runInBackground<Case>(
        m_session, this,
        [&session = m_session, newCase](store::Database& db) { return CaseService(session, db).add(newCase); },
        [this](const Result<Case>& added) {
            setBusy(false);
            if (!added) {
                report(added.error().message);
                return;
            }
            m_numberLineEdit->clear();
            m_titleLineEdit->clear();
            m_leadLineEdit->clear();
            report(tr("Opened case %1.").arg(added->number));
            refresh();
        });
}

void CasesPage::attachReads()
{
    const QString number = currentCaseNumber();
    const auto ids = ReadIdList::parse(m_readsLineEdit->text());
    if (number.isEmpty() || !ids) {
        report(ids ? tr("Select a case first.") : ids.error().message);
        return;
    }
    setBusy(true);
    runInBackground<int>(
        m_session, this,
        [&session = m_session, number, ids = *ids](store::Database& db) {
            return CaseService(session, db).attach(number, QLatin1String(CaseService::kReadKind), ids);
        },
        [this, number](const Result<int>& attached) {
            setBusy(false);
            if (!attached) {
                report(attached.error().message);
                return;
            }
            m_readsLineEdit->clear();
            report(tr("Attached %n new read(s) to case %1.", nullptr, *attached).arg(number));
            showItems();
        });
}

void CasesPage::placeHold()
{
    const QString number = currentCaseNumber();
    setBusy(true);
    runInBackground<Hold>(
        m_session, this,
        [&session = m_session, number](store::Database& db) {
            return HoldService(session, db).place({HoldKind::Evidence, number});
        },
        [this](const Result<Hold>& hold) {
            setBusy(false);
            report(hold ? tr("Evidence hold %1 placed on case %2: %n read(s) are kept out of retention purges.",
                             nullptr, int(hold->heldReads))
                              .arg(hold->id)
                              .arg(hold->caseNumber)
                        : hold.error().message);
        });
}

void CasesPage::toggleStatus()
{
    const int row = m_casesTableWidget->currentRow();
    if (row < 0 || row >= m_cases.size())
        return;
    const QString number = m_cases[row].number;
    const CaseStatus next = m_cases[row].status == CaseStatus::Closed ? CaseStatus::Open : CaseStatus::Closed;
    setBusy(true);
    runInBackground<bool>(
        m_session, this,
        [&session = m_session, number, next](store::Database& db) -> Result<bool> {
            auto changed = CaseService(session, db).setStatus(number, next);
            if (!changed)
                return std::unexpected(changed.error());
            return true;
        },
        [this](const Result<bool>& changed) {
            setBusy(false);
            if (!changed)
                report(changed.error().message);
            refresh();
        });
}

void CasesPage::exportEvidence()
{
    const QString number = currentCaseNumber();
    if (number.isEmpty())
        return;
    auto* dialog = new ExportDialog(m_session, number, {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace alpr::ui
