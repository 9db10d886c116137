#include "evidence/ExportDialog.h"

#include "accounts/Session.h"
#include "audit/AccessPurpose.h"
#include "common/BackgroundTask.h"
#include "evidence/LocalEvidenceFileWriter.h"
#include "evidence/PdfEvidenceRenderer.h"
#include "evidence/RemovableVolumes.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace alpr::ui {

namespace {

QString volumeText(const EvidenceVolume& v)
{
    const QLocale locale;
    return QObject::tr("%1 %2 (%3, %4) — %5 free of %6")
        .arg(v.removable ? QObject::tr("Removable:") : QObject::tr("Fixed:"), v.displayName,
             QDir::toNativeSeparators(v.rootPath), v.fileSystemType, locale.formattedDataSize(v.bytesAvailable),
             locale.formattedDataSize(v.bytesTotal));
}

} // namespace

ExportDialog::ExportDialog(Session& session, QString caseNumber, QList<qint64> readIds, QWidget* parent)
    : QDialog(parent), m_session(session), m_caseNumber(std::move(caseNumber)), m_readIds(std::move(readIds)),
      m_volumeListWidget(new QListWidget(this)), m_fixedDrivesCheckBox(new QCheckBox(tr("Show &fixed drives"), this)),
      m_folderPushButton(new QPushButton(tr("Other &folder..."), this)),
      m_refreshPushButton(new QPushButton(tr("&Refresh"), this)), m_purposeComboBox(new QComboBox(this)),
      m_summaryLabel(new QLabel(this)), m_progressBar(new QProgressBar(this)), m_statusLabel(new QLabel(this)),
      m_exportPushButton(new QPushButton(tr("&Export"), this)),
      m_cancelPushButton(new QPushButton(tr("&Cancel export"), this)),
      m_closePushButton(new QPushButton(tr("Close"), this))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export evidence — case %1").arg(m_caseNumber));
    m_volumeListWidget->setObjectName(QStringLiteral("volumeListWidget"));
    m_volumeListWidget->setMinimumHeight(110);
    m_fixedDrivesCheckBox->setObjectName(QStringLiteral("fixedDrivesCheckBox"));
    m_folderPushButton->setObjectName(QStringLiteral("folderPushButton"));
    m_refreshPushButton->setObjectName(QStringLiteral("refreshPushButton"));
    m_purposeComboBox->setObjectName(QStringLiteral("purposeComboBox"));
    m_purposeComboBox->setEditable(true);
    m_purposeComboBox->setMinimumWidth(380);
    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setText(m_readIds.isEmpty() ? tr("Every read attached to case %1, with its plate crop and context "
                                                     "image, the PDF report and the chain-of-custody sheet.")
                                                      .arg(m_caseNumber)
                                                : tr("%n selected read(s) of case %1, with images, the PDF report and "
                                                     "the chain-of-custody sheet.",
                                                     nullptr, int(m_readIds.size()))
                                                      .arg(m_caseNumber));
    m_progressBar->setObjectName(QStringLiteral("progressBar"));
    m_progressBar->setRange(0, 1);
    m_progressBar->setValue(0);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exportPushButton->setObjectName(QStringLiteral("exportPushButton"));
    m_exportPushButton->setDefault(true);
    m_cancelPushButton->setObjectName(QStringLiteral("cancelPushButton"));
    m_closePushButton->setObjectName(QStringLiteral("closePushButton"));

    auto* targetButtons = new QHBoxLayout;
    targetButtons->addWidget(m_fixedDrivesCheckBox);
    targetButtons->addStretch();
    targetButtons->addWidget(m_refreshPushButton);
    targetButtons->addWidget(m_folderPushButton);
    auto* form = new QFormLayout;
    form->addRow(tr("Purpose:"), m_purposeComboBox);
    // Material released outside law enforcement (a records request) goes out redacted; only those who work requests
    // see the choice.
    m_redactedCheckBox = new QCheckBox(tr("&Redacted for release outside law enforcement (records request): context "
                                          "images withheld, the agency's redaction fields removed"),
                                       this);
    m_redactedCheckBox->setObjectName(QStringLiteral("redactedCheckBox"));
    m_redactedCheckBox->setVisible(m_session.can(Permission::HandleRecordsRequests));
    form->addRow(QString(), m_redactedCheckBox);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_exportPushButton);
    buttons->addWidget(m_cancelPushButton);
    buttons->addWidget(m_closePushButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Write the package to:"), this));
    layout->addWidget(m_volumeListWidget, 1);
    layout->addLayout(targetButtons);
    layout->addWidget(m_summaryLabel);
    layout->addLayout(form);
    layout->addWidget(m_progressBar);
    layout->addWidget(m_statusLabel);
    layout->addLayout(buttons);
    resize(640, 460);

    connect(m_refreshPushButton, &QPushButton::clicked, this, &ExportDialog::refreshVolumes);
    connect(m_fixedDrivesCheckBox, &QCheckBox::toggled, this, &ExportDialog::refreshVolumes);
    connect(m_folderPushButton, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Export to folder"));
        if (!folder.isEmpty())
            addTargetFolder(folder);
    });
    connect(m_volumeListWidget, &QListWidget::currentRowChanged, this, &ExportDialog::updateButtons);
    connect(m_purposeComboBox, &QComboBox::editTextChanged, this, &ExportDialog::updateButtons);
    connect(m_exportPushButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_cancelPushButton, &QPushButton::clicked, this, &ExportDialog::cancelExport);
    connect(m_closePushButton, &QPushButton::clicked, this, &ExportDialog::reject);
    connect(&m_exportWatcher, &QFutureWatcher<Result<EvidenceExportResult>>::finished, this,
            [this] { finishExport(m_exportWatcher.result()); });

    runInBackground<QStringList>(
        m_session, this,
        [](store::Database& db) -> Result<QStringList> { return AccessPurposePolicy::load(db).purposes(); },
        [this](const Result<QStringList>& purposes) {
            const QString typed = m_purposeComboBox->currentText(); // the user may have typed meanwhile
            if (purposes)
                m_purposeComboBox->addItems(*purposes);
            m_purposeComboBox->setCurrentIndex(-1);
            m_purposeComboBox->setEditText(typed);
        });
    refreshVolumes();
    updateButtons();
}

ExportDialog::~ExportDialog()
{
    // The job reports progress into this dialog: it must be over before the dialog goes.
    if (m_job)
        m_job->cancel();
    m_exportWatcher.waitForFinished();
}

bool ExportDialog::isRunning() const
{
    return m_exportWatcher.isRunning();
}

void ExportDialog::refreshVolumes()
{
    const bool includeFixed = m_fixedDrivesCheckBox->isChecked();
    auto* watcher = new QFutureWatcher<QList<EvidenceVolume>>(this);
    connect(watcher, &QFutureWatcher<QList<EvidenceVolume>>::finished, this, [this, watcher] {
        showVolumes(watcher->result());
        watcher->deleteLater();
    });
    // QStorageInfo asks every file system; a slow network mount must not freeze the dialog.
    watcher->setFuture(QtConcurrent::run([includeFixed] { return RemovableVolumes::list(includeFixed); }));
}

void ExportDialog::showVolumes(const QList<EvidenceVolume>& volumes)
{
    const QString previous = selectedTarget();
    m_volumeListWidget->clear();
    for (const QString& folder : m_extraFolders) {
        auto* item = new QListWidgetItem(tr("Folder: %1").arg(QDir::toNativeSeparators(folder)), m_volumeListWidget);
        item->setData(Qt::UserRole, folder);
        item->setIcon(style()->standardIcon(QStyle::SP_DirIcon));
    }
    for (const EvidenceVolume& v : volumes) {
        auto* item = new QListWidgetItem(volumeText(v), m_volumeListWidget);
        item->setData(Qt::UserRole, v.rootPath);
        item->setIcon(style()->standardIcon(v.removable ? QStyle::SP_DriveFDIcon : QStyle::SP_DriveHDIcon));
    }
    if (volumes.isEmpty() && !m_fixedDrivesCheckBox->isChecked()) {
        auto* hint = new QListWidgetItem(
            tr("No removable drive found: insert a USB stick or card, or choose a folder."), m_volumeListWidget);
        hint->setFlags(Qt::NoItemFlags);
    }
    for (int row = 0; row < m_volumeListWidget->count(); ++row)
        if (m_volumeListWidget->item(row)->data(Qt::UserRole).toString() == previous)
            m_volumeListWidget->setCurrentRow(row);
    updateButtons();
    emit volumesListed();
}

void ExportDialog::addTargetFolder(const QString& path)
{
    if (!m_extraFolders.contains(path))
        m_extraFolders.prepend(path);
    auto* item = new QListWidgetItem(tr("Folder: %1").arg(QDir::toNativeSeparators(path)));
    item->setData(Qt::UserRole, path);
    item->setIcon(style()->standardIcon(QStyle::SP_DirIcon));
    m_volumeListWidget->insertItem(0, item);
    m_volumeListWidget->setCurrentRow(0);
    updateButtons();
}

QString ExportDialog::selectedTarget() const
{
    const QListWidgetItem* item = m_volumeListWidget->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void ExportDialog::updateButtons()
{
    const bool running = isRunning();
    m_exportPushButton->setEnabled(!running && !selectedTarget().isEmpty() &&
                                   !m_purposeComboBox->currentText().trimmed().isEmpty());
    m_cancelPushButton->setEnabled(running);
    m_closePushButton->setEnabled(!running);
    m_volumeListWidget->setEnabled(!running);
    m_purposeComboBox->setEnabled(!running);
    m_redactedCheckBox->setEnabled(!running);
    m_folderPushButton->setEnabled(!running);
}

void ExportDialog::startExport()
{
    if (isRunning())
        return;
    EvidenceExportRequest request;
    request.caseNumber = m_caseNumber;
    request.purpose = m_purposeComboBox->currentText().trimmed();
    request.readIds = m_readIds;
    request.allCaseItems = m_readIds.isEmpty();
    request.targetDirectory = selectedTarget();
    request.redaction.enabled = m_redactedCheckBox->isChecked();
    m_job = std::make_shared<JobContext>([this](qint64 done, qint64 total, const QString& stage) {
        QMetaObject::invokeMethod(
            this,
            [this, done, total, stage] {
                m_progressBar->setRange(0, int(std::max<qint64>(total, 1)));
                m_progressBar->setValue(int(std::min(done, total)));
                m_statusLabel->setText(stage);
            },
            Qt::QueuedConnection);
    });
    m_progressBar->setRange(0, 0);
    m_statusLabel->setText(tr("Preparing..."));
    Session& session = m_session;
    std::shared_ptr<JobContext> job = m_job;
    m_exportWatcher.setFuture(QtConcurrent::run([&session, request, job]() -> Result<EvidenceExportResult> {
        return guardedResult([&]() -> Result<EvidenceExportResult> {
            auto db = session.openConnection();
            if (!db)
                return std::unexpected(db.error());
            PdfEvidenceRenderer renderer;
            LocalEvidenceFileWriter writer;
            return EvidenceExporter(session, *db, renderer, writer).exportPackage(request, *job);
        });
    }));
    updateButtons();
}

void ExportDialog::cancelExport()
{
    if (m_job && isRunning()) {
        m_job->cancel();
        m_statusLabel->setText(tr("Cancelling after the current file..."));
    }
}

void ExportDialog::finishExport(const Result<EvidenceExportResult>& result)
{
    m_job.reset();
    QString message;
    if (result) {
        m_progressBar->setRange(0, 1);
        m_progressBar->setValue(1);
        message = tr("Exported %n read(s) to %1. Manifest SHA-256: %2 — write it on the custody sheet.", nullptr,
                     result->readCount)
                      .arg(QDir::toNativeSeparators(result->packagePath), result->manifestSha256);
    } else {
        m_progressBar->setRange(0, 1);
        m_progressBar->setValue(0);
        message = result.error().isCancellation() ? tr("Export cancelled; nothing was left on the target.")
                                                  : result.error().message;
    }
    m_statusLabel->setText(message);
    updateButtons();
    refreshVolumes(); // free space has changed
    emit exportFinished(result.has_value(), message);
}

void ExportDialog::reject()
{
    if (isRunning()) {
        cancelExport();
        return; // closes once the export has stopped and the user closes again
    }
    QDialog::reject();
}

} // namespace alpr::ui
