#include "fleet/TransferPanel.h"

#include "accounts/Session.h"
#include "transfers/TransferFolderWatcher.h"
#include "transfers/TransferService.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QtConcurrent>

namespace alpr::ui {

namespace {

const QString kFolderKey = QStringLiteral("fleet/watchedFolder");
const QString kEnabledKey = QStringLiteral("fleet/watchEnabled");

QString outcomeLine(const TransferOutcome& o)
{
    const QString name = QFileInfo(o.source).fileName();
    switch (o.status) {
    case TransferOutcome::Status::Imported:
        return QObject::tr("%1 (unit %2)%3: %4 new reads, %5 already stored%6")
            .arg(name, o.unitId, o.resumed ? QObject::tr(", resumed") : QString())
            .arg(o.storedReads)
            .arg(o.duplicateReads)
            .arg(o.undockedWithoutApproval ? QObject::tr(" — FLAGGED: undocked without approval") : QString());
    case TransferOutcome::Status::AlreadyImported: return QObject::tr("%1: imported before, skipped").arg(name);
    case TransferOutcome::Status::Failed:
    case TransferOutcome::Status::Cancelled: return QObject::tr("%1: FAILED — %2").arg(name, o.reason);
    }
    return {};
}

} // namespace

TransferPanel::TransferPanel(Session& session, QWidget* parent)
    : QGroupBox(tr("Transfers from the units"), parent), m_session(session),
      m_importPushButton(new QPushButton(tr("&Import offload..."), this)),
      m_archivePushButton(new QPushButton(tr("Import ar&chive..."), this)), m_transferProgressBar(new QProgressBar(this)),
      m_cancelPushButton(new QPushButton(tr("Cancel"), this)), m_watchedFolderLineEdit(new QLineEdit(this)),
      m_browsePushButton(new QPushButton(tr("Browse..."), this)),
      m_watchCheckBox(new QCheckBox(tr("Import new offloads automatically"), this)),
      m_transferStatusLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("transferPanel"));
    m_importPushButton->setObjectName(QStringLiteral("importPushButton"));
    m_archivePushButton->setObjectName(QStringLiteral("archivePushButton"));
    m_transferProgressBar->setObjectName(QStringLiteral("transferProgressBar"));
    m_transferProgressBar->setRange(0, 1000);
    m_transferProgressBar->setValue(0);
    m_cancelPushButton->setObjectName(QStringLiteral("cancelPushButton"));
    m_watchedFolderLineEdit->setObjectName(QStringLiteral("watchedFolderLineEdit"));
    m_watchedFolderLineEdit->setPlaceholderText(tr("folder the units' offloads are copied to (USB dock, share)"));
    m_browsePushButton->setObjectName(QStringLiteral("browsePushButton"));
    m_watchCheckBox->setObjectName(QStringLiteral("watchCheckBox"));
    m_transferStatusLabel->setObjectName(QStringLiteral("transferStatusLabel"));
    m_transferStatusLabel->setWordWrap(true);
    m_transferStatusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* grid = new QGridLayout(this);
    auto* importButtons = new QHBoxLayout;
    importButtons->addWidget(m_importPushButton);
    importButtons->addWidget(m_archivePushButton);
    grid->addLayout(importButtons, 0, 0);
    grid->addWidget(m_transferProgressBar, 0, 1, 1, 2);
    grid->addWidget(m_cancelPushButton, 0, 3);
    grid->addWidget(new QLabel(tr("Watched folder:"), this), 1, 0);
    grid->addWidget(m_watchedFolderLineEdit, 1, 1);
    grid->addWidget(m_browsePushButton, 1, 2);
    grid->addWidget(m_watchCheckBox, 1, 3);
    grid->addWidget(m_transferStatusLabel, 2, 0, 1, 4);
    grid->setColumnStretch(1, 1);

    // The watched folder is this workstation's setting: the dock or share is mounted here.
    const QSettings settings;
    m_watchedFolderLineEdit->setText(settings.value(kFolderKey).toString());
    m_watchCheckBox->setChecked(settings.value(kEnabledKey, false).toBool() && !m_watchedFolderLineEdit->text().isEmpty());
    m_scanTimer.setInterval(kScanIntervalMs);

    connect(m_importPushButton, &QPushButton::clicked, this, &TransferPanel::chooseOffload);
    connect(m_archivePushButton, &QPushButton::clicked, this, &TransferPanel::chooseArchive);
    connect(m_cancelPushButton, &QPushButton::clicked, this, &TransferPanel::cancel);
    connect(m_browsePushButton, &QPushButton::clicked, this, &TransferPanel::chooseWatchedFolder);
    connect(m_watchCheckBox, &QCheckBox::toggled, this, &TransferPanel::watchSettingChanged);
    connect(m_watchedFolderLineEdit, &QLineEdit::editingFinished, this, &TransferPanel::watchSettingChanged);
    connect(&m_scanTimer, &QTimer::timeout, this, [this] { scanWatchedFolder(); });
    connect(&m_watcher, &QFutureWatcher<Result<QList<TransferOutcome>>>::finished, this, [this] {
        const auto result = m_watcher.result();
        showResult(result);
        emit transferFinished(result.has_value());
    });
    setRunning(false);
    watchSettingChanged();
}

TransferPanel::~TransferPanel()
{
    m_scanTimer.stop();
    if (m_job)
        m_job->cancel();
    m_watcher.waitForFinished();
}

bool TransferPanel::isRunning() const
{
    return m_watcher.isRunning();
}

void TransferPanel::setRunning(bool running)
{
    m_importPushButton->setEnabled(!running && m_session.can(Permission::ImportReads));
    m_archivePushButton->setEnabled(!running && m_session.can(Permission::ImportReads));
    m_cancelPushButton->setEnabled(running);
}

void TransferPanel::cancel()
{
    if (!isRunning() || !m_job)
        return;
    m_job->cancel();
    m_cancelPushButton->setEnabled(false);
    m_transferStatusLabel->setText(tr("Cancelling after the current batch... (stored batches are kept; importing the "
                                      "offload again resumes there)"));
}

void TransferPanel::chooseOffload()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Unit offload (the folder with manifest.json)"));
    if (!dir.isEmpty())
        importFolder(dir);
}

void TransferPanel::chooseArchive()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Unit offload archive"), QString(),
                                                      tr("Offload archives (*.zip *.tar *.tar.gz *.tgz)"));
    if (!file.isEmpty())
        importFolder(file);
}

void TransferPanel::chooseWatchedFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Watched folder"), m_watchedFolderLineEdit->text());
    if (!dir.isEmpty()) {
        m_watchedFolderLineEdit->setText(dir);
        watchSettingChanged();
    }
}

void TransferPanel::setWatchedFolder(const QString& folder, bool enabled)
{
    m_watchedFolderLineEdit->setText(folder);
    m_watchCheckBox->setChecked(enabled);
    watchSettingChanged();
}

void TransferPanel::watchSettingChanged()
{
    const QString folder = m_watchedFolderLineEdit->text().trimmed();
    const bool enabled = m_watchCheckBox->isChecked() && !folder.isEmpty() && m_session.can(Permission::ImportReads);
    QSettings settings;
    settings.setValue(kFolderKey, folder);
    settings.setValue(kEnabledKey, m_watchCheckBox->isChecked());
    if (enabled && !m_scanTimer.isActive()) {
        m_scanTimer.start();
        m_transferStatusLabel->setText(tr("Watching %1: new offloads are imported within a minute or two.").arg(folder));
    } else if (!enabled && m_scanTimer.isActive()) {
        m_scanTimer.stop();
        m_transferStatusLabel->setText(tr("Automatic import is off."));
    }
}

void TransferPanel::importFolder(const QString& path)
{
    start([&session = m_session, path](JobContext& job) -> Result<QList<TransferOutcome>> {
        auto db = session.openConnection();
        if (!db)
            return std::unexpected(db.error());
        auto outcome = TransferService(session, *db).importOffload(path, job);
        if (!outcome)
            return std::unexpected(outcome.error());
        return QList<TransferOutcome>{*outcome};
    }, tr("Importing %1...").arg(QFileInfo(path).fileName()));
}

void TransferPanel::scanWatchedFolder(int settleSeconds)
{
    const QString folder = m_watchedFolderLineEdit->text().trimmed();
    if (folder.isEmpty() || isRunning())
        return;
    // One connection and one watcher for the panel's life: the watcher remembers failures it need not retry.
    if (!m_scanConnection) {
        auto db = m_session.openConnection();
        if (!db) {
            m_transferStatusLabel->setText(db.error().message);
            return;
        }
        m_scanConnection = std::make_shared<store::Database>(std::move(*db));
    }
    if (!m_folderWatcher || m_folderWatcherPath != folder) {
        m_folderWatcher = std::make_shared<TransferFolderWatcher>(m_session, *m_scanConnection, settleSeconds);
        m_folderWatcherPath = folder;
    }
    start([watcher = m_folderWatcher, connection = m_scanConnection, folder](JobContext& job) {
        return watcher->scanOnce(folder, job);
    }, tr("Looking for new offloads in %1...").arg(folder));
}

void TransferPanel::start(std::function<Result<QList<TransferOutcome>>(JobContext&)> work, const QString& what)
{
    if (isRunning())
        return;
    setRunning(true);
    m_transferProgressBar->setValue(0);
    m_transferStatusLabel->setText(what);
    // Progress is posted to the panel's thread; Cancel flips the job's flag, checked between batches.
    m_job = std::make_shared<JobContext>([this](qint64 done, qint64 total, const QString& stage) {
        QMetaObject::invokeMethod(
            this,
            [this, done, total, stage] {
                m_transferProgressBar->setValue(total > 0 ? int(done * 1000 / total) : 0);
                if (!stage.isEmpty())
                    m_transferProgressBar->setFormat(stage + QStringLiteral(" %p%"));
            },
            Qt::QueuedConnection);
    });
    m_watcher.setFuture(QtConcurrent::run([work = std::move(work), job = m_job] { return work(*job); }));
}

void TransferPanel::showResult(const Result<QList<TransferOutcome>>& result)
{
    setRunning(false);
    m_transferProgressBar->setFormat(QStringLiteral("%p%"));
    if (!result) {
        m_transferProgressBar->setValue(0);
        m_transferStatusLabel->setText(result.error().isCancellation()
                                           ? tr("Transfer cancelled; importing the offload again resumes it.")
                                           : tr("Transfer refused, nothing stored: %1").arg(result.error().message));
        return;
    }
    m_transferProgressBar->setValue(1000);
    QStringList lines;
    for (const TransferOutcome& o : *result)
        lines << outcomeLine(o);
    if (lines.isEmpty())
        lines << tr("No new offloads.");
    m_transferStatusLabel->setText(lines.join(QLatin1Char('\n')));
}

} // namespace alpr::ui
