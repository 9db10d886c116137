#include "import/ImportDialog.h"

#include "accounts/Session.h"
#include "common/BackgroundTask.h"
#include "import/ImportQueue.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace alpr::ui {

namespace {

constexpr int kBarRange = 1000;

QStringList localPaths(const QMimeData* mime)
{
    QStringList out;
    if (!mime || !mime->hasUrls())
        return out;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile())
            out.append(url.toLocalFile());
    return out;
}

QString timeLeftText(const std::optional<qint64>& seconds)
{
    if (!seconds)
        return ImportDialog::tr("estimating...");
    if (*seconds >= 3600)
        return ImportDialog::tr("%1 h %2 min left").arg(*seconds / 3600).arg((*seconds % 3600) / 60);
    if (*seconds >= 60)
        return ImportDialog::tr("%1 min left").arg((*seconds + 59) / 60);
    return ImportDialog::tr("%1 s left").arg(*seconds);
}

} // namespace

ImportDialog::ImportDialog(Session& session, QWidget* parent)
    : QDialog(parent), m_session(session), m_listLabel(new QLabel(tr("Files and folders:"), this)),
      m_filesListWidget(new QListWidget(this)), m_queueTreeWidget(new QTreeWidget(this)),
      m_addFilesPushButton(new QPushButton(tr("Add &files..."), this)),
      m_addFolderPushButton(new QPushButton(tr("Add f&older..."), this)), m_unitLineEdit(new QLineEdit(this)),
      m_startCheckBox(new QCheckBox(tr("First frame recorded at (UTC):"), this)),
      m_startDateTimeEdit(new QDateTimeEdit(this)), m_gpsLineEdit(new QLineEdit(this)),
      m_locationLineEdit(new QLineEdit(this)), m_fileLabel(new QLabel(this)), m_fileProgressBar(new QProgressBar(this)),
      m_importProgressBar(new QProgressBar(this)), m_timeLeftLabel(new QLabel(this)), m_statusLabel(new QLabel(this)),
      m_badFilesListWidget(new QListWidget(this)), m_importPushButton(new QPushButton(tr("&Import"), this)),
      m_pausePushButton(new QPushButton(tr("&Pause"), this)), m_cancelPushButton(new QPushButton(tr("&Cancel"), this))
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import footage"));
    setAcceptDrops(true);
    m_filesListWidget->setObjectName(QStringLiteral("filesListWidget"));
    m_filesListWidget->setToolTip(tr("Files and folders to import; folders are searched for footage and photos. "
                                     "You can drop them here or on the main window."));
    m_queueTreeWidget->setObjectName(QStringLiteral("queueTreeWidget"));
    m_queueTreeWidget->setHeaderLabels({tr("File"), tr("Status"), tr("Reads"), tr("GPS"), tr("Time from"), tr("Note")});
    m_queueTreeWidget->setRootIsDecorated(false);
    m_queueTreeWidget->setUniformRowHeights(true);
    m_queueTreeWidget->setVisible(false);
    m_addFilesPushButton->setObjectName(QStringLiteral("addFilesPushButton"));
    m_addFolderPushButton->setObjectName(QStringLiteral("addFolderPushButton"));
    m_unitLineEdit->setObjectName(QStringLiteral("unitLineEdit"));
    m_unitLineEdit->setPlaceholderText(tr("e.g. CAR-12 or CAM-MAIN-ST"));
    m_startCheckBox->setObjectName(QStringLiteral("startCheckBox"));
    m_startCheckBox->setToolTip(tr("Unchecked: each video's own recording time (MP4/MOV creation time), else the "
                                   "file's modification time"));
    m_startDateTimeEdit->setObjectName(QStringLiteral("startDateTimeEdit"));
    m_startDateTimeEdit->setTimeSpec(Qt::UTC);
    m_startDateTimeEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_startDateTimeEdit->setDateTime(session.clock().nowUtc());
    m_startDateTimeEdit->setEnabled(false);
    m_gpsLineEdit->setObjectName(QStringLiteral("gpsLineEdit"));
    m_gpsLineEdit->setPlaceholderText(tr("GPX or NMEA track of the unit, for files without their own beside them"));
    m_locationLineEdit->setObjectName(QStringLiteral("locationLineEdit"));
    m_locationLineEdit->setPlaceholderText(tr("fixed camera: LAT,LON (optional)"));
    m_fileLabel->setObjectName(QStringLiteral("fileLabel"));
    m_fileProgressBar->setObjectName(QStringLiteral("fileProgressBar"));
    m_importProgressBar->setObjectName(QStringLiteral("importProgressBar"));
    for (QProgressBar* bar : {m_fileProgressBar, m_importProgressBar}) {
        bar->setRange(0, kBarRange);
        bar->setValue(0);
    }
    m_timeLeftLabel->setObjectName(QStringLiteral("timeLeftLabel"));
    m_statusLabel->setObjectName(QStringLiteral("importStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_badFilesListWidget->setObjectName(QStringLiteral("badFilesListWidget"));
    m_badFilesListWidget->setVisible(false);
    m_badFilesListWidget->setMaximumHeight(120);
    m_importPushButton->setObjectName(QStringLiteral("importPushButton"));
    m_pausePushButton->setObjectName(QStringLiteral("pausePushButton"));
    m_pausePushButton->setEnabled(false);
    m_cancelPushButton->setObjectName(QStringLiteral("cancelPushButton"));
    auto* gpsBrowse = new QPushButton(tr("Browse..."), this);

    auto* addRow = new QHBoxLayout;
    addRow->addWidget(m_addFilesPushButton);
    addRow->addWidget(m_addFolderPushButton);
    addRow->addStretch();
    auto* gpsRow = new QHBoxLayout;
    gpsRow->addWidget(m_gpsLineEdit, 1);
    gpsRow->addWidget(gpsBrowse);
    auto* form = new QFormLayout;
    form->addRow(tr("Unit:"), m_unitLineEdit);
    form->addRow(m_startCheckBox, m_startDateTimeEdit);
    form->addRow(tr("GPS track:"), gpsRow);
    form->addRow(tr("Location:"), m_locationLineEdit);
    form->addRow(tr("This file:"), m_fileProgressBar);
    form->addRow(tr("All files:"), m_importProgressBar);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_timeLeftLabel, 1);
    buttons->addWidget(m_importPushButton);
    buttons->addWidget(m_pausePushButton);
    buttons->addWidget(m_cancelPushButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_listLabel);
    layout->addWidget(m_filesListWidget, 1);
    layout->addWidget(m_queueTreeWidget, 1);
    layout->addLayout(addRow);
    layout->addLayout(form);
    layout->addWidget(m_fileLabel);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_badFilesListWidget);
    layout->addLayout(buttons);
    resize(820, 600);

    connect(m_addFilesPushButton, &QPushButton::clicked, this, &ImportDialog::addFiles);
    connect(m_addFolderPushButton, &QPushButton::clicked, this, &ImportDialog::addFolder);
    connect(gpsBrowse, &QPushButton::clicked, this, &ImportDialog::chooseTrack);
    connect(m_startCheckBox, &QCheckBox::toggled, m_startDateTimeEdit, &QWidget::setEnabled);
    connect(m_importPushButton, &QPushButton::clicked, this, &ImportDialog::start);
    connect(m_pausePushButton, &QPushButton::clicked, this, [this] { setPaused(!isPaused()); });
    connect(m_cancelPushButton, &QPushButton::clicked, this, &ImportDialog::reject);
    connect(&m_watcher, &QFutureWatcher<Result<ImportQueueSummary>>::finished, this, [this] {
        showResult(m_watcher.result());
        emit importFinished(m_watcher.result().has_value());
    });
}

ImportDialog::~ImportDialog()
{
    if (m_job)
        m_job->cancel();
    m_watcher.waitForFinished();
}

void ImportDialog::setFiles(const QStringList& files)
{
    m_filesListWidget->clear();
    addPaths(files);
}

void ImportDialog::addPaths(const QStringList& paths)
{
    if (isRunning())
        return;
    if (m_queueTreeWidget->isVisible() && !paths.isEmpty()) {
        // The last queue's rows give way to the new list.
        m_queueTreeWidget->setVisible(false);
        m_filesListWidget->setVisible(true);
        m_listLabel->setText(tr("Files and folders:"));
        m_filesListWidget->clear();
    }
    const QStringList present = this->paths();
    for (const QString& path : paths)
        if (!present.contains(path))
            m_filesListWidget->addItem(path);
    // A new list is a new queue; an interrupted one stays offered for resuming at the next start.
    if (m_resumable && !paths.isEmpty()) {
        m_resumable = false;
        m_queueId->store(0);
        m_importPushButton->setText(tr("&Import"));
    }
}

QStringList ImportDialog::paths() const
{
    QStringList out;
    for (int i = 0; i < m_filesListWidget->count(); ++i)
        out.append(m_filesListWidget->item(i)->text());
    return out;
}

void ImportDialog::addFiles()
{
    addPaths(QFileDialog::getOpenFileNames(
        this, tr("Footage or photos"), QString(),
        tr("Footage and images (*.mp4 *.m4v *.avi *.mov *.mkv *.webm *.mpg *.mpeg *.ts *.jpg *.jpeg *.png *.bmp *.tif "
           "*.tiff);;All files (*)")));
}

void ImportDialog::addFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder of footage or photos"));
    if (!folder.isEmpty())
        addPaths({folder});
}

void ImportDialog::chooseTrack()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("GPS track"), QString(),
                                                      tr("GPS tracks (*.gpx *.nmea *.nma *.txt *.log);;All files (*)"));
    if (!file.isEmpty())
        m_gpsLineEdit->setText(file);
}

ImportQueueOptions ImportDialog::options() const
{
    ImportQueueOptions o;
    o.unitId = m_unitLineEdit->text().trimmed();
    if (m_startCheckBox->isChecked())
        o.startUtc = m_startDateTimeEdit->dateTime().toUTC();
    o.gpsTrackFile = m_gpsLineEdit->text().trimmed();
    const QStringList parts = m_locationLineEdit->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    bool okLat = false;
    bool okLon = false;
    if (parts.size() == 2) {
        const double lat = parts[0].trimmed().toDouble(&okLat);
        const double lon = parts[1].trimmed().toDouble(&okLon);
        if (okLat && okLon) {
            o.latitude = lat;
            o.longitude = lon;
        }
    }
    return o;
}

bool ImportDialog::isRunning() const
{
    return m_watcher.isRunning();
}

bool ImportDialog::isPaused() const
{
    return m_job && m_job->isPaused();
}

void ImportDialog::setPaused(bool paused)
{
    if (!m_job || !isRunning())
        return;
    if (paused) {
        m_job->pause();
        m_pausePushButton->setText(tr("&Resume"));
        m_timeLeftLabel->setText(tr("Paused: the import waits where it stopped"));
    } else {
        m_job->resume();
        m_pausePushButton->setText(tr("&Pause"));
        m_timeLeftLabel->setText(tr("estimating..."));
    }
}

void ImportDialog::start()
{
    if (isRunning())
        return;
    if (m_resumable) {
        run(m_queueId->load(), {}, {});
        return;
    }
    const ImportQueueOptions o = options();
    if (!m_locationLineEdit->text().trimmed().isEmpty() && !o.latitude) {
        m_statusLabel->setText(tr("The location must be LAT,LON in decimal degrees."));
        return;
    }
    if (paths().isEmpty()) {
        m_statusLabel->setText(tr("Add files or folders to import (or drop them here)."));
        return;
    }
    run(0, paths(), o);
}

void ImportDialog::resumeQueue(qint64 queueId)
{
    if (isRunning())
        return;
    m_statusLabel->setText(tr("Loading the interrupted import..."));
    runInBackground<ImportQueueState>(
        m_session, this,
        [queueId, &session = m_session](store::Database& db) { return ImportQueue(session, db).state(queueId); },
        [this, queueId](const Result<ImportQueueState>& state) {
            if (!state) {
                m_statusLabel->setText(state.error().message);
                return;
            }
            m_filesListWidget->clear();
            for (const ImportQueueItem& item : state->items)
                m_filesListWidget->addItem(item.path);
            m_unitLineEdit->setText(state->options.unitId);
            m_startCheckBox->setChecked(state->options.startUtc.isValid());
            if (state->options.startUtc.isValid())
                m_startDateTimeEdit->setDateTime(state->options.startUtc);
            m_gpsLineEdit->setText(state->options.gpsTrackFile);
            if (state->options.latitude && state->options.longitude)
                m_locationLineEdit->setText(QStringLiteral("%1,%2")
                                                .arg(*state->options.latitude, 0, 'f', 6)
                                                .arg(*state->options.longitude, 0, 'f', 6));
            run(queueId, {}, {});
        });
}

void ImportDialog::setEditable(bool editable)
{
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_importPushButton, m_addFilesPushButton, m_addFolderPushButton,
                                         m_unitLineEdit, m_startCheckBox, m_gpsLineEdit, m_locationLineEdit})
        w->setEnabled(editable);
    m_startDateTimeEdit->setEnabled(editable && m_startCheckBox->isChecked());
    m_pausePushButton->setEnabled(!editable);
    setAcceptDrops(editable);
}

void ImportDialog::run(qint64 queueId, const QStringList& paths, const ImportQueueOptions& options)
{
    setEditable(false);
    m_badFilesListWidget->clear();
    m_badFilesListWidget->setVisible(false);
    m_fileProgressBar->setValue(0);
    m_importProgressBar->setValue(0);
    m_pausePushButton->setText(tr("&Pause"));
    m_cancelPushButton->setText(tr("&Cancel"));
    m_cancelPushButton->setEnabled(true);
    m_statusLabel->setText(queueId > 0 ? tr("Resuming the import...") : tr("Starting..."));
    m_timeLeftLabel->setText(tr("estimating..."));
    // Progress is posted to the dialog's thread; Pause and Cancel flip the job's flags, which the queue checks
    // between files and the footage reader between frames.
    m_job = std::make_shared<JobContext>();
    m_watcher.setFuture(QtConcurrent::run([this, &session = m_session, queueId, paths, options, job = m_job,
                                           idOut = m_queueId]() -> Result<ImportQueueSummary> {
        return guardedResult([&]() -> Result<ImportQueueSummary> {
            auto db = session.openConnection();
            if (!db)
                return std::unexpected(db.error());
            ImportQueue queue(session, *db);
            qint64 id = queueId;
            if (id == 0) {
                auto created = queue.create(paths, options);
                if (!created)
                    return std::unexpected(created.error());
                id = *created;
            }
            idOut->store(id);
            if (auto state = queue.state(id))
                QMetaObject::invokeMethod(
                    this, [this, items = state->items] { showQueue(items); }, Qt::QueuedConnection);
            return queue.run(id, *job, [this](const ImportQueueProgress& p) {
                QMetaObject::invokeMethod(
                    this, [this, p] { showProgress(p); }, Qt::QueuedConnection);
            });
        });
    }));
}

void ImportDialog::showQueue(const QList<ImportQueueItem>& items)
{
    m_queueTreeWidget->clear();
    for (const ImportQueueItem& item : items) {
        auto* row = new QTreeWidgetItem(m_queueTreeWidget);
        row->setText(0, QFileInfo(item.path).fileName());
        row->setToolTip(0, item.path);
        showItem(item, 0.0);
    }
    // Widths for what the columns will hold (file names, "reading 100%", "beside: GOPR0102.gpx", "container"),
    // not for the empty cells they start with; the reason takes the rest.
    const QFontMetrics metrics = m_queueTreeWidget->fontMetrics();
    const int padding = metrics.averageCharWidth() * 3;
    for (const auto& [column, sample] :
         {std::pair{0, QStringLiteral("GOPR0102.MP4 long name")}, std::pair{1, QStringLiteral("reading 100%")},
          std::pair{2, QStringLiteral("Reads")}, std::pair{3, QStringLiteral("beside: GOPR0102.gpx")},
          std::pair{4, QStringLiteral("container")}})
        m_queueTreeWidget->setColumnWidth(column, metrics.horizontalAdvance(sample) + padding);
    m_listLabel->setText(tr("Queue (%n file(s)):", nullptr, int(items.size())));
    m_filesListWidget->setVisible(false);
    m_queueTreeWidget->setVisible(true);
}

void ImportDialog::showItem(const ImportQueueItem& item, double fraction)
{
    QTreeWidgetItem* row = m_queueTreeWidget->topLevelItem(item.position);
    if (!row)
        return;
    QString status;
    switch (item.status) {
    case ImportQueueItem::Status::Pending:
        status = tr("waiting");
        break;
    case ImportQueueItem::Status::Running:
        status = tr("reading %1%").arg(int(fraction * 100));
        break;
    case ImportQueueItem::Status::Done:
        status = tr("imported");
        break;
    case ImportQueueItem::Status::Failed:
        status = tr("FAILED");
        break;
    case ImportQueueItem::Status::Skipped:
        status = tr("skipped");
        break;
    }
    row->setText(1, status);
    row->setText(2, item.isFinished() ? QString::number(item.reads) : QString());
    row->setText(3, item.gpsSource);
    row->setText(4, item.timeSource);
    row->setText(5, item.reason);
    row->setToolTip(5, item.reason);
    if (item.status == ImportQueueItem::Status::Failed)
        for (int column = 0; column < m_queueTreeWidget->columnCount(); ++column)
            row->setForeground(column, QColor(0xb0, 0x1c, 0x1c));
    if (item.status == ImportQueueItem::Status::Running)
        m_queueTreeWidget->scrollToItem(row);
}

void ImportDialog::showProgress(const ImportQueueProgress& p)
{
    showItem(p.item, p.fileFraction);
    m_fileLabel->setText(
        tr("File %1 of %2: %3").arg(p.fileIndex + 1).arg(p.fileCount).arg(QFileInfo(p.file).fileName()));
    m_fileLabel->setToolTip(p.file);
    m_fileProgressBar->setValue(int(p.fileFraction * kBarRange));
    m_importProgressBar->setValue(p.bytesTotal > 0 ? int(p.bytesDone * kBarRange / p.bytesTotal) : 0);
    if (isPaused())
        return;
    m_statusLabel->setText(tr("GPS: %1 · time from: %2").arg(p.item.gpsSource, p.item.timeSource));
    m_timeLeftLabel->setText(
        tr("This file: %1 · all files: %2").arg(timeLeftText(p.fileSecondsLeft), timeLeftText(p.totalSecondsLeft)));
}

void ImportDialog::cancel()
{
    if (!isRunning())
        return;
    m_statusLabel->setText(tr("Stopping... files finished so far are kept; the rest stays queued."));
    m_cancelPushButton->setEnabled(false);
    m_pausePushButton->setEnabled(false);
    if (m_job)
        m_job->cancel();
}

void ImportDialog::reject()
{
    if (isRunning()) {
        cancel();
        return;
    }
    QDialog::reject();
}

void ImportDialog::dragEnterEvent(QDragEnterEvent* event)
{
    if (!isRunning() && !localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ImportDialog::dropEvent(QDropEvent* event)
{
    const QStringList dropped = localPaths(event->mimeData());
    if (isRunning() || dropped.isEmpty())
        return;
    addPaths(dropped);
    event->acceptProposedAction();
}

void ImportDialog::showResult(const Result<ImportQueueSummary>& result)
{
    setEditable(true);
    m_cancelPushButton->setEnabled(true);
    m_cancelPushButton->setText(tr("&Close"));
    m_timeLeftLabel->clear();
    if (!result) {
        m_resumable = result.error().isCancellation() && m_queueId->load() > 0;
        if (m_resumable) {
            m_importPushButton->setText(tr("&Resume"));
            m_statusLabel->setText(tr("Import stopped; files finished before are kept. Resume goes on with the "
                                      "rest, now or at your next login."));
        } else {
            m_statusLabel->setText(result.error().message);
        }
        return;
    }
    m_resumable = false;
    m_queueId->store(0);
    m_importPushButton->setText(tr("&Import"));
    m_fileProgressBar->setValue(kBarRange);
    m_importProgressBar->setValue(kBarRange);
    const ImportQueueState& q = result->queue;
    if (m_queueTreeWidget->topLevelItemCount() != q.items.size())
        showQueue(q.items);
    QStringList lines;
    for (const ImportQueueItem& item : q.items) {
        showItem(item, 1.0);
        const QString name = QFileInfo(item.path).fileName();
        switch (item.status) {
        case ImportQueueItem::Status::Done:
            lines << tr("%1: %n read(s)", nullptr, item.reads).arg(name);
            break;
        case ImportQueueItem::Status::Skipped:
            lines << tr("%1: imported before, skipped").arg(name);
            break;
        case ImportQueueItem::Status::Failed: {
            lines << tr("%1: FAILED").arg(name);
            auto* bad = new QListWidgetItem(tr("%1 — %2").arg(name, item.reason), m_badFilesListWidget);
            bad->setToolTip(item.path);
            break;
        }
        case ImportQueueItem::Status::Pending:
        case ImportQueueItem::Status::Running:
            break;
        }
    }
    // The per-file lines are the tooltip: a queue of hundreds of files would not fit the dialog.
    m_statusLabel->setToolTip(lines.join(QLatin1Char('\n')));
    const int failed = q.count(ImportQueueItem::Status::Failed);
    m_statusLabel->setText(tr("%1 file(s) imported, %2 imported before and skipped, %3 could not be imported. "
                              "Reads stored: %4. Watch-entry hits: %5.")
                               .arg(q.count(ImportQueueItem::Status::Done))
                               .arg(q.count(ImportQueueItem::Status::Skipped))
                               .arg(failed)
                               .arg(result->readsStored)
                               .arg(result->watchHits));
    m_badFilesListWidget->setVisible(failed > 0);
    if (failed > 0)
        m_fileLabel->setText(tr("These files could not be imported:"));
}

} // namespace alpr::ui
