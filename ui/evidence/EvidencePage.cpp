#include "evidence/EvidencePage.h"

#include "accounts/Session.h"
#include "common/BackgroundTask.h"
#include "evidence/EvidenceExportLog.h"
#include "evidence/EvidenceTable.h"
#include "evidence/EvidenceVerifier.h"
#include "evidence/HoldService.h"
#include "evidence/PurgeJob.h"
#include "evidence/ReadIdList.h"
#include "evidence/RetentionPolicy.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace alpr::ui {

namespace {

constexpr int kMaxRetentionDays = 36500;

QSpinBox* daysSpinBox(QWidget* parent, const QString& name)
{
    auto* box = new QSpinBox(parent);
    box->setObjectName(name);
    // The policy's one-year minimum, also enforced by the core and the schema.
    box->setRange(RetentionPolicy::kMinimumDays, kMaxRetentionDays);
    box->setSuffix(QObject::tr(" days"));
    return box;
}

QString when(const QDateTime& utc)
{
    return utc.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

EvidencePage::EvidencePage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_statusLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("evidencePage"));
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("evidenceTabWidget"));
    tabs->addTab(createExportsTab(), tr("Exported packages"));
    tabs->addTab(createHoldsTab(), tr("Holds"));
    tabs->addTab(createRetentionTab(), tr("Retention"));
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    layout->addWidget(m_statusLabel);
    connect(&m_purgeWatcher, &QFutureWatcher<Result<PurgeSummary>>::finished, this,
            [this] { finishPurge(m_purgeWatcher.result()); });
}

EvidencePage::~EvidencePage()
{
    // The purge reports into this page; stop it after its batch (resumable) before the page goes.
    if (m_purgeJob)
        m_purgeJob->cancel();
    m_purgeWatcher.waitForFinished();
}

QWidget* EvidencePage::createExportsTab()
{
    auto* tab = new QWidget(this);
    m_exportsTableWidget = EvidenceTable::create(
        tab, QStringLiteral("exportsTableWidget"),
        {tr("Exported"), tr("Case"), tr("Package"), tr("Reads"), tr("By"), tr("Target"), tr("Manifest SHA-256")});
    m_verifyPushButton = new QPushButton(tr("&Verify a package..."), tab);
    m_verifyPushButton->setObjectName(QStringLiteral("verifyPushButton"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_verifyPushButton);
    auto* layout = new QVBoxLayout(tab);
    layout->addWidget(m_exportsTableWidget, 1);
    layout->addLayout(buttons);
    connect(m_verifyPushButton, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Evidence package folder"));
        if (!folder.isEmpty())
            verifyPackage(folder);
    });
    return tab;
}

QWidget* EvidencePage::createHoldsTab()
{
    auto* tab = new QWidget(this);
    m_holdsTableWidget =
        EvidenceTable::create(tab, QStringLiteral("holdsTableWidget"),
                              {tr("Id"), tr("Kind"), tr("Case"), tr("Reads"), tr("Until"), tr("Placed by"),
                               tr("Placed"), tr("Released"), tr("Requester"), tr("Reference")});
    m_inactiveHoldsCheckBox = new QCheckBox(tr("Show released and expired holds"), tab);
    m_inactiveHoldsCheckBox->setObjectName(QStringLiteral("inactiveHoldsCheckBox"));
    m_releaseReasonLineEdit = new QLineEdit(tab);
    m_releaseReasonLineEdit->setObjectName(QStringLiteral("releaseReasonLineEdit"));
    m_releaseReasonLineEdit->setPlaceholderText(tr("why the hold ends (required)"));
    m_releasePushButton = new QPushButton(tr("&Release selected hold"), tab);
    m_releasePushButton->setObjectName(QStringLiteral("releasePushButton"));
    m_releasePushButton->setVisible(m_session.can(Permission::ReleaseHold));
    m_releaseReasonLineEdit->setVisible(m_session.can(Permission::ReleaseHold));

    m_requesterLineEdit = new QLineEdit(tab);
    m_requesterLineEdit->setObjectName(QStringLiteral("requesterLineEdit"));
    m_referenceLineEdit = new QLineEdit(tab);
    m_referenceLineEdit->setObjectName(QStringLiteral("referenceLineEdit"));
    m_legalCaseLineEdit = new QLineEdit(tab);
    m_legalCaseLineEdit->setObjectName(QStringLiteral("legalCaseLineEdit"));
    m_legalReadsLineEdit = new QLineEdit(tab);
    m_legalReadsLineEdit->setObjectName(QStringLiteral("legalReadsLineEdit"));
    m_legalReadsLineEdit->setPlaceholderText(tr("read ids, e.g. 12,15,20-24"));
    m_untilDateEdit = new QDateEdit(m_session.clock().nowUtc().date().addYears(1), tab);
    m_untilDateEdit->setObjectName(QStringLiteral("untilDateEdit"));
    m_untilDateEdit->setCalendarPopup(true);
    m_indefiniteCheckBox = new QCheckBox(tr("Indefinite"), tab);
    m_indefiniteCheckBox->setObjectName(QStringLiteral("indefiniteCheckBox"));
    m_legalHoldPushButton = new QPushButton(tr("Place &legal hold"), tab);
    m_legalHoldPushButton->setObjectName(QStringLiteral("legalHoldPushButton"));

    auto* release = new QHBoxLayout;
    release->addWidget(m_inactiveHoldsCheckBox);
    release->addStretch();
    release->addWidget(m_releaseReasonLineEdit, 1);
    release->addWidget(m_releasePushButton);
    auto* until = new QHBoxLayout;
    until->addWidget(m_untilDateEdit);
    until->addWidget(m_indefiniteCheckBox);
    until->addStretch();
    until->addWidget(m_legalHoldPushButton);
    auto* legal = new QFormLayout;
    legal->addRow(tr("Requester:"), m_requesterLineEdit);
    legal->addRow(tr("Reference:"), m_referenceLineEdit);
    legal->addRow(tr("Case (optional):"), m_legalCaseLineEdit);
    legal->addRow(tr("Reads (optional):"), m_legalReadsLineEdit);
    legal->addRow(tr("Held until:"), until);
    auto* legalBox = new QWidget(tab);
    legalBox->setLayout(legal);
    legalBox->setVisible(m_session.can(Permission::PlaceLegalHold));
    auto* layout = new QVBoxLayout(tab);
    layout->addWidget(m_holdsTableWidget, 1);
    layout->addLayout(release);
    layout->addWidget(legalBox);
    connect(m_inactiveHoldsCheckBox, &QCheckBox::toggled, this, &EvidencePage::refreshHolds);
    connect(m_releasePushButton, &QPushButton::clicked, this, &EvidencePage::releaseHold);
    connect(m_legalHoldPushButton, &QPushButton::clicked, this, &EvidencePage::placeLegalHold);
    connect(m_indefiniteCheckBox, &QCheckBox::toggled, m_untilDateEdit, &QWidget::setDisabled);
    return tab;
}

QWidget* EvidencePage::createRetentionTab()
{
    auto* tab = new QWidget(this);
    m_readsDaysSpinBox = daysSpinBox(tab, QStringLiteral("readsDaysSpinBox"));
    m_caseReadsDaysSpinBox = daysSpinBox(tab, QStringLiteral("caseReadsDaysSpinBox"));
    m_imagesDaysSpinBox = daysSpinBox(tab, QStringLiteral("imagesDaysSpinBox"));
    m_saveRetentionPushButton = new QPushButton(tr("&Save retention"), tab);
    m_saveRetentionPushButton->setObjectName(QStringLiteral("saveRetentionPushButton"));
    m_saveRetentionPushButton->setVisible(m_session.can(Permission::ConfigureRetention));
    m_dryRunPushButton = new QPushButton(tr("&Dry run"), tab);
    m_dryRunPushButton->setObjectName(QStringLiteral("dryRunPushButton"));
    m_purgePushButton = new QPushButton(tr("&Purge..."), tab);
    m_purgePushButton->setObjectName(QStringLiteral("purgePushButton"));
    m_cancelPurgePushButton = new QPushButton(tr("&Cancel purge"), tab);
    m_cancelPurgePushButton->setObjectName(QStringLiteral("cancelPurgePushButton"));
    m_cancelPurgePushButton->setEnabled(false);
    for (QPushButton* b : {m_dryRunPushButton, m_purgePushButton, m_cancelPurgePushButton})
        b->setVisible(m_session.can(Permission::PurgeData));
    m_purgeProgressBar = new QProgressBar(tab);
    m_purgeProgressBar->setObjectName(QStringLiteral("purgeProgressBar"));
    m_purgeProgressBar->setRange(0, 1);
    m_purgeProgressBar->setValue(0);
    m_dryRunTableWidget = EvidenceTable::create(tab, QStringLiteral("dryRunTableWidget"),
                                                {tr("Month"), tr("Class"), tr("Reads removed"), tr("Images removed")});
    auto* settings = new QFormLayout;
    settings->addRow(tr("Reads not linked to a case or hit:"), m_readsDaysSpinBox);
    settings->addRow(tr("Reads linked to a case or hit:"), m_caseReadsDaysSpinBox);
    settings->addRow(tr("Plate crops and context images:"), m_imagesDaysSpinBox);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_saveRetentionPushButton);
    buttons->addStretch();
    buttons->addWidget(m_dryRunPushButton);
    buttons->addWidget(m_purgePushButton);
    buttons->addWidget(m_cancelPurgePushButton);
    auto* layout = new QVBoxLayout(tab);
    layout->addLayout(settings);
    layout->addLayout(buttons);
    layout->addWidget(m_dryRunTableWidget, 1);
    layout->addWidget(m_purgeProgressBar);
    connect(m_saveRetentionPushButton, &QPushButton::clicked, this, &EvidencePage::saveRetention);
    connect(m_dryRunPushButton, &QPushButton::clicked, this, &EvidencePage::dryRun);
    connect(m_purgePushButton, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Purge"),
                                  tr("Remove every unheld read and image older than its retention? Held reads stay. "
                                     "This cannot be undone.")) == QMessageBox::Yes)
            startPurge();
    });
    connect(m_cancelPurgePushButton, &QPushButton::clicked, this, [this] {
        if (m_purgeJob)
            m_purgeJob->cancel();
    });
    return tab;
}

void EvidencePage::report(const QString& message)
{
    m_statusLabel->setText(message);
}

void EvidencePage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_loaded)
        refresh();
}

void EvidencePage::refresh()
{
    m_loaded = true;
    runInBackground<QList<EvidenceExportRecord>>(
        m_session, this, [](store::Database& db) { return EvidenceExportLog::list(db); },
        [this](const Result<QList<EvidenceExportRecord>>& exports) {
            if (!exports) {
                report(exports.error().message);
                return;
            }
            m_exportsTableWidget->setRowCount(int(exports->size()));
            for (int row = 0; row < exports->size(); ++row) {
                const EvidenceExportRecord& e = exports->at(row);
                EvidenceTable::setRow(m_exportsTableWidget, row,
                                      {when(e.exportedUtc), e.caseNumber, e.packageName, QString::number(e.readCount),
                                       e.exportedBy, e.target, e.manifestSha256});
            }
            m_exportsTableWidget->resizeColumnsToContents();
        });
    refreshHolds();
    runInBackground<QList<RetentionSetting>>(
        m_session, this,
        [&session = m_session](store::Database& db) { return RetentionPolicy(session, db).settings(); },
        [this](const Result<QList<RetentionSetting>>& settings) {
            if (!settings)
                return report(settings.error().message);
            for (const RetentionSetting& s : *settings) {
                QSpinBox* box = s.dataClass == RetentionClass::Reads       ? m_readsDaysSpinBox
                                : s.dataClass == RetentionClass::CaseReads ? m_caseReadsDaysSpinBox
                                                                           : m_imagesDaysSpinBox;
                box->setValue(s.days);
                box->setMaximum(s.maxDays.value_or(kMaxRetentionDays));
            }
        });
}

void EvidencePage::refreshHolds()
{
    const bool inactive = m_inactiveHoldsCheckBox->isChecked();
    runInBackground<QList<Hold>>(
        m_session, this,
        [&session = m_session, inactive](store::Database& db) { return HoldService(session, db).list(inactive); },
        [this](const Result<QList<Hold>>& holds) {
            if (!holds)
                return report(holds.error().message);
            m_holdsTableWidget->setRowCount(int(holds->size()));
            for (int row = 0; row < holds->size(); ++row) {
                const Hold& h = holds->at(row);
                EvidenceTable::setRow(m_holdsTableWidget, row,
                                      {QString::number(h.id), holdKindName(h.kind), h.caseNumber,
                                       QString::number(h.heldReads),
                                       h.until.isValid() ? h.until.toString(Qt::ISODate) : tr("indefinite"), h.placedBy,
                                       when(h.placedUtc), h.releasedUtc.isValid() ? when(h.releasedUtc) : QString(),
                                       h.requester, h.reference});
            }
            m_holdsTableWidget->resizeColumnsToContents();
        });
}

void EvidencePage::releaseHold()
{
    const int row = m_holdsTableWidget->currentRow();
    if (row < 0)
        return report(tr("Select the hold to release."));
    const qint64 id = m_holdsTableWidget->item(row, 0)->text().toLongLong();
    const QString reason = m_releaseReasonLineEdit->text();
    runInBackground<bool>(
        m_session, this,
        [&session = m_session, id, reason](store::Database& db) -> Result<bool> {
            auto released = HoldService(session, db).release(id, reason);
            if (!released)
                return std::unexpected(released.error());
            return true;
        },
        [this, id](const Result<bool>& released) {
            report(released ? tr("Hold %1 released.").arg(id) : released.error().message);
            if (released)
                m_releaseReasonLineEdit->clear();
            refreshHolds();
        });
}

void EvidencePage::placeLegalHold()
{
    HoldRequest request{
        HoldKind::Legal, m_legalCaseLineEdit->text(), {}, m_requesterLineEdit->text(), m_referenceLineEdit->text()};
    if (!m_indefiniteCheckBox->isChecked())
        request.until = m_untilDateEdit->date();
    if (!m_legalReadsLineEdit->text().trimmed().isEmpty()) {
        auto ids = ReadIdList::parse(m_legalReadsLineEdit->text());
        if (!ids)
            return report(ids.error().message);
        request.readIds = *ids;
    }
    runInBackground<Hold>(
        m_session, this,
        [&session = m_session, request](store::Database& db) { return HoldService(session, db).place(request); },
        [this](const Result<Hold>& hold) {
            report(hold ? tr("Legal hold %1 placed: %n read(s) held.", nullptr, int(hold->heldReads)).arg(hold->id)
                        : hold.error().message);
            refreshHolds();
        });
}

void EvidencePage::saveRetention()
{
    const QList<std::pair<RetentionClass, int>> values{{RetentionClass::Reads, m_readsDaysSpinBox->value()},
                                                       {RetentionClass::CaseReads, m_caseReadsDaysSpinBox->value()},
                                                       {RetentionClass::Images, m_imagesDaysSpinBox->value()}};
    runInBackground<bool>(
        m_session, this,
        [&session = m_session, values](store::Database& db) -> Result<bool> {
            RetentionPolicy policy(session, db);
            for (const auto& [dataClass, days] : values)
                if (auto set = policy.setDays(dataClass, days); !set)
                    return std::unexpected(set.error());
            return true;
        },
        [this](const Result<bool>& saved) {
            report(saved ? tr("Retention saved.") : saved.error().message);
            refresh();
        });
}

void EvidencePage::verifyPackage(const QString& directory)
{
    const QByteArray key = EvidenceManifest::signingKey(m_session.databaseKey());
    m_verifyPushButton->setEnabled(false);
    auto* watcher = new QFutureWatcher<Result<EvidenceVerification>>(this);
    connect(watcher, &QFutureWatcher<Result<EvidenceVerification>>::finished, this, [this, watcher] {
        const Result<EvidenceVerification> v = watcher->result();
        watcher->deleteLater();
        m_verifyPushButton->setEnabled(true);
        if (!v) {
            report(v.error().message);
            emit verified(false);
            return;
        }
        QStringList lines{v->ok() ? tr("Package intact: %n file(s) match the manifest.", nullptr, int(v->filesChecked))
                                  : tr("Package NOT intact:"),
                          EvidenceManifest::signatureStatusText(v->signature)};
        for (const EvidenceProblem& p : v->problems)
            lines.append(QStringLiteral("%1  %2").arg(p.kindName(), p.path));
        report(lines.join(QLatin1Char('\n')));
        emit verified(v->ok());
    });
    watcher->setFuture(QtConcurrent::run([directory, key] { return EvidenceVerifier::verify(directory, key); }));
}

void EvidencePage::dryRun()
{
    runInBackground<PurgeDryRun>(
        m_session, this, [&session = m_session](store::Database& db) { return PurgeJob(session, db).dryRun(); },
        [this](const Result<PurgeDryRun>& plan) {
            if (!plan)
                return report(plan.error().message);
            m_dryRunTableWidget->setRowCount(int(plan->rows.size()));
            for (int row = 0; row < plan->rows.size(); ++row) {
                const PurgeMonthCount& r = plan->rows[row];
                EvidenceTable::setRow(
                    m_dryRunTableWidget, row,
                    {r.month, retentionClassName(r.dataClass), QString::number(r.reads), QString::number(r.images)});
            }
            report(tr("A purge now would remove %1 read(s) and %2 image(s); %3 read(s) past retention are held.")
                       .arg(plan->totalReads())
                       .arg(plan->totalImages())
                       .arg(plan->heldReadsKept));
        });
}

void EvidencePage::startPurge()
{
    if (m_purgeWatcher.isRunning())
        return;
    m_purgeJob = std::make_shared<JobContext>([this](qint64 done, qint64 total, const QString& stage) {
        QMetaObject::invokeMethod(
            this,
            [this, done, total, stage] {
                m_purgeProgressBar->setRange(0, int(std::max<qint64>(total, 1)));
                m_purgeProgressBar->setValue(int(std::min(done, total)));
                report(stage);
            },
            Qt::QueuedConnection);
    });
    m_purgePushButton->setEnabled(false);
    m_dryRunPushButton->setEnabled(false);
    m_cancelPurgePushButton->setEnabled(true);
    Session& session = m_session;
    std::shared_ptr<JobContext> job = m_purgeJob;
    m_purgeWatcher.setFuture(QtConcurrent::run([&session, job]() -> Result<PurgeSummary> {
        return guardedResult([&]() -> Result<PurgeSummary> {
            auto db = session.openConnection();
            if (!db)
                return std::unexpected(db.error());
            return PurgeJob(session, *db).run(*job);
        });
    }));
}

void EvidencePage::finishPurge(const Result<PurgeSummary>& result)
{
    m_purgeJob.reset();
    m_purgePushButton->setEnabled(true);
    m_dryRunPushButton->setEnabled(true);
    m_cancelPurgePushButton->setEnabled(false);
    const QString message = result ? tr("Purge %1 done: %2 read(s) and %3 image(s) removed.")
                                         .arg(result->run.id)
                                         .arg(result->run.readsDeleted)
                                         .arg(result->run.imagesDeleted)
                                   : result.error().message;
    report(message);
    emit purgeFinished(result.has_value(), message);
}

} // namespace alpr::ui
