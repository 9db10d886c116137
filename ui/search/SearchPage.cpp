#include "search/SearchPage.h"

#include "accounts/Session.h"
#include "common/BackgroundTask.h"
#include "common/PurposeInput.h"
#include "search/ReadDetailPanel.h"
#include "search/SearchResultModel.h"
#include "search/SearchService.h"
#include "search/WatchPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>

namespace alpr::ui {

namespace {

constexpr int kThumbnailHeight = 28;
constexpr int kRowHeight = 32;
constexpr int kDetailDelayMs = 250;   // arrowing through rows should not audit every row passed over
constexpr int kThumbnailBatchMs = 30; // gather the rows a scroll reveals into one worker job

struct ReadDetail {
    PlateRead read;
    QImage context;
    QImage crop;
};

QImage decode(SearchService& service, qint64 imageId)
{
    if (!imageId)
        return {};
    auto bytes = service.image(imageId);
    return bytes ? QImage::fromData(*bytes) : QImage();
}

} // namespace

SearchPage::SearchPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_model(new SearchResultModel(this)), m_patternLineEdit(new QLineEdit(this)),
      m_toleranceComboBox(new QComboBox(this)), m_timeFilterCheckBox(new QCheckBox(tr("Between"), this)),
      m_fromDateTimeEdit(new QDateTimeEdit(this)), m_toDateTimeEdit(new QDateTimeEdit(this)),
      m_unitsLineEdit(new QLineEdit(this)), m_minConfidenceSpinBox(new QDoubleSpinBox(this)),
      m_areaLineEdit(new QLineEdit(this)), m_purposeInput(new PurposeInput(session.purposePolicy(), this)),
      m_searchPushButton(new QPushButton(tr("Search"), this)),
      m_exportPushButton(new QPushButton(tr("Export CSV..."), this)), m_statusLabel(new QLabel(this)),
      m_resultsTableView(new QTableView(this)), m_detailPanel(new ReadDetailPanel(this)),
      m_watchPanel(new WatchPanel(session, this)), m_detailTimer(new QTimer(this)), m_thumbnailTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("searchPage"));
    m_patternLineEdit->setObjectName(QStringLiteral("patternLineEdit"));
    m_toleranceComboBox->setObjectName(QStringLiteral("toleranceComboBox"));
    m_timeFilterCheckBox->setObjectName(QStringLiteral("timeFilterCheckBox"));
    m_fromDateTimeEdit->setObjectName(QStringLiteral("fromDateTimeEdit"));
    m_toDateTimeEdit->setObjectName(QStringLiteral("toDateTimeEdit"));
    m_unitsLineEdit->setObjectName(QStringLiteral("unitsLineEdit"));
    m_minConfidenceSpinBox->setObjectName(QStringLiteral("minConfidenceSpinBox"));
    m_areaLineEdit->setObjectName(QStringLiteral("areaLineEdit"));
    m_searchPushButton->setObjectName(QStringLiteral("searchPushButton"));
    m_exportPushButton->setObjectName(QStringLiteral("exportPushButton"));
    m_statusLabel->setObjectName(QStringLiteral("searchStatusLabel"));
    m_resultsTableView->setObjectName(QStringLiteral("resultsTableView"));

    m_patternLineEdit->setPlaceholderText(tr("e.g. 7*B*12   (? one character, * any run, [8B] one of)"));
    m_patternLineEdit->setMaxLength(64);
    m_toleranceComboBox->addItems({tr("0 - exactly as typed"), tr("1 - forgive OCR look-alikes (0/O, 8/B, 1/I ...)"),
                                   tr("2 - also one other wrong, extra or missing character")});
    const QDateTime now = session.clock().nowUtc();
    for (QDateTimeEdit* edit : {m_fromDateTimeEdit, m_toDateTimeEdit}) {
        edit->setTimeSpec(Qt::UTC);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
        edit->setEnabled(false);
    }
    m_fromDateTimeEdit->setDateTime(now.addDays(-30));
    m_toDateTimeEdit->setDateTime(now);
    m_unitsLineEdit->setPlaceholderText(tr("all units, or e.g. UNIT-01, CAM-02"));
    m_minConfidenceSpinBox->setRange(0.0, 1.0);
    m_minConfidenceSpinBox->setSingleStep(0.05);
    m_minConfidenceSpinBox->setDecimals(2);
    m_areaLineEdit->setPlaceholderText(tr("anywhere, or SOUTH,WEST,NORTH,EAST"));
    m_exportPushButton->setEnabled(false);
    m_statusLabel->setWordWrap(true);

    m_resultsTableView->setModel(m_model);
    m_resultsTableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_resultsTableView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_resultsTableView->setSortingEnabled(true);
    m_resultsTableView->setWordWrap(false);
    // Fixed row heights: the view never measures a million rows.
    m_resultsTableView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_resultsTableView->verticalHeader()->setDefaultSectionSize(kRowHeight);
    m_resultsTableView->verticalHeader()->hide();
    m_resultsTableView->horizontalHeader()->setStretchLastSection(true);
    m_resultsTableView->setColumnWidth(SearchResultModel::CropColumn, 110);
    m_resultsTableView->setColumnWidth(SearchResultModel::TimeColumn, 170);
    m_resultsTableView->setColumnWidth(SearchResultModel::PlaceColumn, 170);
    m_resultsTableView->setIconSize(QSize(100, kThumbnailHeight));

    auto* timeRow = new QHBoxLayout;
    timeRow->addWidget(m_timeFilterCheckBox);
    timeRow->addWidget(m_fromDateTimeEdit);
    timeRow->addWidget(new QLabel(tr("and"), this));
    timeRow->addWidget(m_toDateTimeEdit);
    auto* form = new QFormLayout;
    form->addRow(tr("Plate pattern"), m_patternLineEdit);
    form->addRow(tr("Tolerance"), m_toleranceComboBox);
    form->addRow(tr("Time"), timeRow);
    form->addRow(tr("Units"), m_unitsLineEdit);
    form->addRow(tr("Minimum confidence"), m_minConfidenceSpinBox);
    form->addRow(tr("Map rectangle"), m_areaLineEdit);
    form->addRow(tr("Purpose and case"), m_purposeInput);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_searchPushButton);
    buttons->addWidget(m_exportPushButton);
    buttons->addStretch();

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->addLayout(form);
    leftLayout->addLayout(buttons);
    leftLayout->addWidget(m_statusLabel);
    leftLayout->addWidget(m_resultsTableView, 1);
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("sideTabWidget"));
    tabs->addTab(m_detailPanel, tr("Read"));
    tabs->addTab(m_watchPanel, tr("Watch entries"));
    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    m_detailTimer->setSingleShot(true);
    m_detailTimer->setInterval(kDetailDelayMs);
    m_thumbnailTimer->setSingleShot(true);
    m_thumbnailTimer->setInterval(kThumbnailBatchMs);
    connect(m_timeFilterCheckBox, &QCheckBox::toggled, m_fromDateTimeEdit, &QWidget::setEnabled);
    connect(m_timeFilterCheckBox, &QCheckBox::toggled, m_toDateTimeEdit, &QWidget::setEnabled);
    connect(m_searchPushButton, &QPushButton::clicked, this, &SearchPage::runSearch);
    connect(m_patternLineEdit, &QLineEdit::returnPressed, this, &SearchPage::runSearch);
    connect(m_exportPushButton, &QPushButton::clicked, this, &SearchPage::chooseExportFile);
    connect(m_resultsTableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SearchPage::scheduleDetail);
    connect(m_detailTimer, &QTimer::timeout, this, &SearchPage::showDetail);
    connect(m_model, &SearchResultModel::thumbnailNeeded, this, &SearchPage::requestThumbnail);
    connect(m_thumbnailTimer, &QTimer::timeout, this, &SearchPage::loadThumbnails);
    connect(m_watchPanel, &WatchPanel::hitsLoaded, this, &SearchPage::showWatchHits);
}

SearchQuery SearchPage::queryFromForm(QString* problem) const
{
    SearchQuery q;
    q.pattern = m_patternLineEdit->text();
    q.tolerance = m_toleranceComboBox->currentIndex();
    if (m_timeFilterCheckBox->isChecked()) {
        q.filters.fromUtc = m_fromDateTimeEdit->dateTime().toUTC();
        q.filters.toUtc = m_toDateTimeEdit->dateTime().toUTC();
    }
    for (const QString& unit : m_unitsLineEdit->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        q.filters.units.append(unit.trimmed());
    if (m_minConfidenceSpinBox->value() > 0)
        q.filters.minConfidence = m_minConfidenceSpinBox->value();
    const QStringList area = m_areaLineEdit->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (!area.isEmpty()) {
        bool ok = area.size() == 4;
        double v[4] = {};
        for (int i = 0; i < 4 && ok; ++i)
            v[i] = area[i].trimmed().toDouble(&ok);
        if (!ok)
            *problem = tr("Write the map rectangle as SOUTH,WEST,NORTH,EAST in decimal degrees");
        q.filters.area = GeoRect{v[0], v[1], v[2], v[3]};
    }
    return q;
}

void SearchPage::runSearch()
{
    QString problem;
    const SearchQuery query = queryFromForm(&problem);
    if (problem.isEmpty())
        if (auto valid = SearchService::validate(query); !valid)
            problem = valid.error().message;
    if (!problem.isEmpty()) {
        m_statusLabel->setText(problem);
        emit searchFinished(false, problem);
        return;
    }
    const AccessPurpose purpose = m_purposeInput->accessPurpose();
    m_searchPushButton->setEnabled(false);
    m_statusLabel->setText(tr("Searching..."));
    runInBackground<SearchResult>(
        m_session, this,
        [&session = m_session, query, purpose](store::Database& db) {
            return SearchService(session, db).search(query, purpose);
        },
        [this, query](const Result<SearchResult>& result) {
            m_searchPushButton->setEnabled(true);
            if (!result) {
                m_statusLabel->setText(result.error().message);
                emit searchFinished(false, result.error().message);
                return;
            }
            m_lastQuery = query;
            m_showingSearch = true;
            m_model->setHits(result->hits);
            m_detailPanel->clear();
            m_exportPushButton->setEnabled(!result->hits.isEmpty());
            QString message = tr("%n read(s) from %1 matching plate reading(s)", nullptr, int(result->hits.size()))
                                  .arg(result->matchedPlates);
            if (result->truncated)
                message += tr("; more matched than the limit of %1, narrow the search").arg(query.limit);
            m_statusLabel->setText(message);
            emit searchFinished(true, message);
        });
}

void SearchPage::chooseExportFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export search results"), QStringLiteral("reads.csv"),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

void SearchPage::exportTo(const QString& path)
{
    if (!m_showingSearch)
        return;
    const QList<SearchHit> hits = m_model->orderedHits();
    const AccessPurpose purpose = m_purposeInput->accessPurpose();
    m_exportPushButton->setEnabled(false);
    runInBackground<qint64>(
        m_session, this,
        [&session = m_session, hits, path, query = m_lastQuery, purpose](store::Database& db) {
            return SearchService(session, db).exportCsv(hits, path, query, purpose);
        },
        [this, path](const Result<qint64>& written) {
            m_exportPushButton->setEnabled(true);
            m_statusLabel->setText(written ? tr("Exported %1 reads to %2").arg(*written).arg(path)
                                           : written.error().message);
        });
}

void SearchPage::scheduleDetail()
{
    m_detailTimer->start();
}

void SearchPage::showDetail()
{
    const SearchHit* hit = m_model->hitAt(m_resultsTableView->currentIndex().row());
    if (!hit)
        return;
    const qint64 readId = hit->read.id;
    const QString explanation = hit->explanation;
    const AccessPurpose purpose = m_purposeInput->accessPurpose();
    runInBackground<ReadDetail>(
        m_session, this,
        [&session = m_session, readId, purpose](store::Database& db) -> Result<ReadDetail> {
            SearchService service(session, db);
            auto read = service.viewRead(readId, purpose);
            if (!read)
                return std::unexpected(read.error());
            return ReadDetail{*read, decode(service, read->contextImageId), decode(service, read->cropImageId)};
        },
        [this, explanation](const Result<ReadDetail>& detail) {
            if (!detail) {
                m_detailPanel->showMessage(detail.error().message);
                return;
            }
            m_detailPanel->showRead(detail->read, explanation, detail->context, detail->crop);
        });
}

void SearchPage::requestThumbnail(qint64 imageId)
{
    m_pendingThumbnails.append(imageId);
    if (!m_thumbnailTimer->isActive())
        m_thumbnailTimer->start();
}

void SearchPage::loadThumbnails()
{
    const QList<qint64> ids = std::exchange(m_pendingThumbnails, {});
    using Thumbnails = QList<std::pair<qint64, QImage>>;
    runInBackground<Thumbnails>(
        m_session, this,
        [&session = m_session, ids](store::Database& db) -> Result<Thumbnails> {
            SearchService service(session, db);
            Thumbnails out;
            for (qint64 id : ids) {
                const QImage image = decode(service, id);
                out.append(
                    {id, image.isNull() ? image : image.scaledToHeight(kThumbnailHeight, Qt::SmoothTransformation)});
            }
            return out;
        },
        [this](const Result<Thumbnails>& thumbnails) {
            if (!thumbnails)
                return;
            for (const auto& [id, image] : *thumbnails)
                if (!image.isNull())
                    m_model->setThumbnail(id, QPixmap::fromImage(image));
        });
}

void SearchPage::showWatchHits(const QList<WatchHit>& hits, const QString& title)
{
    QList<SearchHit> shown;
    shown.reserve(hits.size());
    for (const WatchHit& w : hits)
        shown.append(w.hit);
    m_showingSearch = false;
    m_exportPushButton->setEnabled(false);
    m_model->setHits(std::move(shown));
    m_detailPanel->clear();
    m_statusLabel->setText(tr("%1: %n read(s)", nullptr, int(hits.size())).arg(title));
}

} // namespace alpr::ui
