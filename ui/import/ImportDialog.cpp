#include "import/ImportDialog.h"

#include "accounts/Session.h"
#include "import/ImportService.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QtConcurrent>

namespace alpr::ui {

ImportDialog::ImportDialog(Session& session, QWidget* parent)
    : QDialog(parent), m_session(session), m_filesListWidget(new QListWidget(this)),
      m_addFilesPushButton(new QPushButton(tr("Add &files..."), this)), m_unitLineEdit(new QLineEdit(this)),
      m_startCheckBox(new QCheckBox(tr("First frame recorded at (UTC):"), this)),
      m_startDateTimeEdit(new QDateTimeEdit(this)), m_gpsLineEdit(new QLineEdit(this)),
      m_locationLineEdit(new QLineEdit(this)), m_importProgressBar(new QProgressBar(this)),
      m_statusLabel(new QLabel(this)), m_importPushButton(new QPushButton(tr("&Import"), this)),
      m_cancelPushButton(new QPushButton(tr("&Cancel"), this))
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import footage"));
    m_filesListWidget->setObjectName(QStringLiteral("filesListWidget"));
    m_addFilesPushButton->setObjectName(QStringLiteral("addFilesPushButton"));
    m_unitLineEdit->setObjectName(QStringLiteral("unitLineEdit"));
    m_unitLineEdit->setPlaceholderText(tr("e.g. CAR-12 or CAM-MAIN-ST"));
    m_startCheckBox->setObjectName(QStringLiteral("startCheckBox"));
    m_startDateTimeEdit->setObjectName(QStringLiteral("startDateTimeEdit"));
    m_startDateTimeEdit->setTimeSpec(Qt::UTC);
    m_startDateTimeEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_startDateTimeEdit->setDateTime(session.clock().nowUtc());
    m_startDateTimeEdit->setEnabled(false);
    m_gpsLineEdit->setObjectName(QStringLiteral("gpsLineEdit"));
    m_gpsLineEdit->setPlaceholderText(tr("GPX or NMEA file of the unit (optional)"));
    m_locationLineEdit->setObjectName(QStringLiteral("locationLineEdit"));
    m_locationLineEdit->setPlaceholderText(tr("fixed camera: LAT,LON (optional)"));
    m_importProgressBar->setObjectName(QStringLiteral("importProgressBar"));
    m_importProgressBar->setRange(0, 1000);
    m_importProgressBar->setValue(0);
    m_statusLabel->setObjectName(QStringLiteral("importStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_importPushButton->setObjectName(QStringLiteral("importPushButton"));
    m_cancelPushButton->setObjectName(QStringLiteral("cancelPushButton"));
    auto* gpsBrowse = new QPushButton(tr("Browse..."), this);

    auto* gpsRow = new QHBoxLayout;
    gpsRow->addWidget(m_gpsLineEdit, 1);
    gpsRow->addWidget(gpsBrowse);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_importPushButton);
    buttons->addWidget(m_cancelPushButton);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Files:"), m_filesListWidget);
    form->addRow(QString(), m_addFilesPushButton);
    form->addRow(tr("Unit:"), m_unitLineEdit);
    form->addRow(m_startCheckBox, m_startDateTimeEdit);
    form->addRow(tr("GPS track:"), gpsRow);
    form->addRow(tr("Location:"), m_locationLineEdit);
    form->addRow(m_importProgressBar);
    form->addRow(m_statusLabel);
    form->addRow(buttons);
    resize(640, 480);

    connect(m_addFilesPushButton, &QPushButton::clicked, this, &ImportDialog::addFiles);
    connect(gpsBrowse, &QPushButton::clicked, this, &ImportDialog::chooseTrack);
    connect(m_startCheckBox, &QCheckBox::toggled, m_startDateTimeEdit, &QWidget::setEnabled);
    connect(m_importPushButton, &QPushButton::clicked, this, &ImportDialog::start);
    connect(m_cancelPushButton, &QPushButton::clicked, this, &ImportDialog::reject);
    connect(&m_watcher, &QFutureWatcher<Result<ImportSummary>>::finished, this, [this] {
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
    m_filesListWidget->addItems(files);
}

void ImportDialog::addFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Footage or photos"), QString(),
        tr("Footage and images (*.mp4 *.avi *.mov *.mkv *.jpg *.jpeg *.png *.bmp *.tif *.tiff);;All files (*)"));
    m_filesListWidget->addItems(files);
}

void ImportDialog::chooseTrack()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("GPS track"), QString(),
                                                      tr("GPS tracks (*.gpx *.nmea *.txt *.log);;All files (*)"));
    if (!file.isEmpty())
        m_gpsLineEdit->setText(file);
}

ImportRequest ImportDialog::request() const
{
    ImportRequest r;
    for (int i = 0; i < m_filesListWidget->count(); ++i)
        r.files.append(m_filesListWidget->item(i)->text());
    r.unitId = m_unitLineEdit->text().trimmed();
    if (m_startCheckBox->isChecked())
        r.startUtc = m_startDateTimeEdit->dateTime().toUTC();
    r.gpsTrackFile = m_gpsLineEdit->text().trimmed();
    const QStringList parts = m_locationLineEdit->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    bool okLat = false;
    bool okLon = false;
    if (parts.size() == 2) {
        const double lat = parts[0].trimmed().toDouble(&okLat);
        const double lon = parts[1].trimmed().toDouble(&okLon);
        if (okLat && okLon) {
            r.latitude = lat;
            r.longitude = lon;
        }
    }
    return r;
}

bool ImportDialog::isRunning() const
{
    return m_watcher.isRunning();
}

void ImportDialog::start()
{
    if (isRunning())
        return;
    const ImportRequest req = request();
    if (!m_locationLineEdit->text().trimmed().isEmpty() && !req.latitude) {
        m_statusLabel->setText(tr("The location must be LAT,LON in decimal degrees."));
        return;
    }
    m_importPushButton->setEnabled(false);
    m_addFilesPushButton->setEnabled(false);
    m_importProgressBar->setValue(0);
    m_statusLabel->setText(tr("Starting..."));
    // Progress is posted to the dialog's thread; Cancel flips the job's flag, which the import checks between frames.
    m_job = std::make_shared<JobContext>([this](qint64 done, qint64 total, const QString& stage) {
        QMetaObject::invokeMethod(
            this,
            [this, done, total, stage] {
                m_importProgressBar->setValue(total > 0 ? int(done * 1000 / total) : 0);
                if (!stage.isEmpty())
                    m_statusLabel->setText(tr("Reading %1...").arg(stage));
            },
            Qt::QueuedConnection);
    });
    m_watcher.setFuture(QtConcurrent::run([&session = m_session, req, job = m_job]() -> Result<ImportSummary> {
        auto db = session.openConnection();
        if (!db)
            return std::unexpected(db.error());
        return ImportService(session, *db).run(req, *job);
    }));
}

void ImportDialog::reject()
{
    if (isRunning()) {
        m_statusLabel->setText(tr("Cancelling after the current file... (everything committed so far is kept)"));
        m_cancelPushButton->setEnabled(false);
        if (m_job)
            m_job->cancel();
        return;
    }
    QDialog::reject();
}

void ImportDialog::showResult(const Result<ImportSummary>& result)
{
    m_importPushButton->setEnabled(true);
    m_addFilesPushButton->setEnabled(true);
    m_cancelPushButton->setEnabled(true);
    m_cancelPushButton->setText(tr("&Close"));
    if (!result) {
        m_statusLabel->setText(result.error().isCancellation() ? tr("Import cancelled; files finished before are kept.")
                                                               : result.error().message);
        return;
    }
    m_importProgressBar->setValue(1000);
    QStringList lines;
    for (const ImportFileOutcome& f : result->files) {
        const QString name = QFileInfo(f.file).fileName();
        switch (f.status) {
        case ImportFileOutcome::Status::Imported: lines << tr("%1: %n read(s)", nullptr, f.reads).arg(name); break;
        case ImportFileOutcome::Status::AlreadyImported: lines << tr("%1: imported before, skipped").arg(name); break;
        case ImportFileOutcome::Status::Failed: lines << tr("%1: FAILED — %2").arg(name, f.message); break;
        }
    }
    lines << tr("Reads stored: %1. Watch-entry hits: %2.").arg(result->readsStored).arg(result->watchHits);
    m_statusLabel->setText(lines.join(QLatin1Char('\n')));
}

} // namespace alpr::ui
