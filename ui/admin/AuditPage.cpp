#include "admin/AuditPage.h"

#include "accounts/Session.h"
#include "admin/AuditTableModel.h"
#include "audit/AuditLog.h"
#include "common/BackgroundTask.h"
#include "store/Transaction.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace alpr::ui {

AuditPage::AuditPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_model(new AuditTableModel(this)), m_userLineEdit(new QLineEdit(this)),
      m_actionLineEdit(new QLineEdit(this)), m_fromDateEdit(new QDateEdit(this)), m_toDateEdit(new QDateEdit(this)),
      m_refreshPushButton(new QPushButton(tr("&Apply filters"), this)),
      m_verifyPushButton(new QPushButton(tr("&Verify chain"), this)), m_auditTableView(new QTableView(this)),
      m_statusLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("auditPage"));
    m_userLineEdit->setObjectName(QStringLiteral("auditUserLineEdit"));
    m_userLineEdit->setPlaceholderText(tr("any user"));
    m_actionLineEdit->setObjectName(QStringLiteral("auditActionLineEdit"));
    m_actionLineEdit->setPlaceholderText(tr("any action (prefix*)"));
    const QDate today = session.clock().nowUtc().date();
    m_fromDateEdit->setObjectName(QStringLiteral("auditFromDateEdit"));
    m_fromDateEdit->setCalendarPopup(true);
    m_fromDateEdit->setDate(today.addMonths(-1));
    m_toDateEdit->setObjectName(QStringLiteral("auditToDateEdit"));
    m_toDateEdit->setCalendarPopup(true);
    m_toDateEdit->setDate(today);
    m_refreshPushButton->setObjectName(QStringLiteral("auditRefreshPushButton"));
    m_verifyPushButton->setObjectName(QStringLiteral("auditVerifyPushButton"));
    m_verifyPushButton->setVisible(session.can(Permission::VerifyAudit));
    m_auditTableView->setObjectName(QStringLiteral("auditTableView"));
    m_auditTableView->setModel(m_model);
    m_auditTableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_auditTableView->setAlternatingRowColors(true);
    m_auditTableView->horizontalHeader()->setStretchLastSection(true);
    m_auditTableView->verticalHeader()->hide();
    m_statusLabel->setObjectName(QStringLiteral("auditStatusLabel"));
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("User:"), this));
    filters->addWidget(m_userLineEdit);
    filters->addWidget(new QLabel(tr("Action:"), this));
    filters->addWidget(m_actionLineEdit);
    filters->addWidget(new QLabel(tr("From:"), this));
    filters->addWidget(m_fromDateEdit);
    filters->addWidget(new QLabel(tr("To:"), this));
    filters->addWidget(m_toDateEdit);
    filters->addWidget(m_refreshPushButton);
    filters->addStretch();
    filters->addWidget(m_verifyPushButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_auditTableView, 1);
    layout->addWidget(m_statusLabel);

    connect(m_refreshPushButton, &QPushButton::clicked, this, &AuditPage::refresh);
    connect(m_userLineEdit, &QLineEdit::returnPressed, this, &AuditPage::refresh);
    connect(m_actionLineEdit, &QLineEdit::returnPressed, this, &AuditPage::refresh);
    connect(m_verifyPushButton, &QPushButton::clicked, this, &AuditPage::verify);
}

void AuditPage::setBusy(bool busy)
{
    m_refreshPushButton->setEnabled(!busy);
    m_verifyPushButton->setEnabled(!busy);
}

void AuditPage::refresh()
{
    AuditFilter filter{m_userLineEdit->text().trimmed(), m_actionLineEdit->text().trimmed(),
                       QDateTime(m_fromDateEdit->date(), QTime(0, 0), Qt::UTC),
                       QDateTime(m_toDateEdit->date(), QTime(23, 59, 59, 999), Qt::UTC), 0};
    const AuditRecord access = m_session.auditRecord(
        QStringLiteral("audit.list"), QStringLiteral("audit"),
        QStringLiteral("{\"user\":\"%1\",\"action\":\"%2\",\"from\":\"%3\",\"to\":\"%4\"}")
            .arg(filter.user, filter.action, m_fromDateEdit->date().toString(Qt::ISODate),
                 m_toDateEdit->date().toString(Qt::ISODate)));
    setBusy(true);
    m_statusLabel->setText(tr("Loading..."));
    runInBackground<QList<AuditRecord>>(
        m_session, this,
        [filter, access](store::Database& db) -> Result<QList<AuditRecord>> {
            auto records = AuditLog::list(db, filter);
            if (!records)
                return records;
            AuditRecord r = access;
            r.outcome = QStringLiteral("results: %1").arg(records->size());
            store::Transaction tx(db);
            AuditLog::append(tx, r);
            tx.commit();
            return records;
        },
        [this](const Result<QList<AuditRecord>>& result) {
            setBusy(false);
            if (!result) {
                m_statusLabel->setText(result.error().message);
                return;
            }
            m_model->setRecords(*result);
            m_auditTableView->resizeColumnsToContents();
            m_auditTableView->scrollToBottom();
            m_statusLabel->setText(tr("%n record(s)", nullptr, int(result->size())));
        });
}

void AuditPage::verify()
{
    const AuditRecord access = m_session.auditRecord(QStringLiteral("audit.verify"), QStringLiteral("audit"));
    setBusy(true);
    m_statusLabel->setText(tr("Verifying the hash chain..."));
    runInBackground<AuditVerification>(
        m_session, this,
        [access](store::Database& db) -> Result<AuditVerification> {
            auto v = AuditLog::verify(db);
            if (!v)
                return v;
            AuditRecord r = access;
            r.outcome = v->intact ? QStringLiteral("intact: %1 records").arg(v->recordsChecked)
                                  : QStringLiteral("BROKEN at record %1").arg(v->firstBadSeq);
            store::Transaction tx(db);
            AuditLog::append(tx, r);
            tx.commit();
            return v;
        },
        [this](const Result<AuditVerification>& result) {
            setBusy(false);
            if (!result) {
                m_statusLabel->setText(result.error().message);
                return;
            }
            m_model->setBrokenSeq(result->firstBadSeq);
            m_statusLabel->setText(result->intact
                                       ? tr("Audit trail intact: %1 records verified").arg(result->recordsChecked)
                                       : tr("VERIFICATION FAILED: %1").arg(result->reason));
            m_statusLabel->setStyleSheet(result->intact ? QString() : QStringLiteral("color: #b00020; font-weight: bold"));
        });
}

} // namespace alpr::ui
