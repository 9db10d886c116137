#include "canvass/CanvassPage.h"

#include "accounts/Session.h"
#include "canvass/CanvassExport.h"
#include "canvass/CanvassPdfWriter.h"
#include "canvass/CanvassService.h"
#include "common/BackgroundTask.h"
#include "common/PurposeInput.h"
#include "map/MapSourceFactory.h"
#include "map/MapSourceSettings.h"
#include "map/MapView.h"
#include "map/MbTilesTileSource.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace alpr::ui {

namespace {

constexpr int kDefaultRadiusMetres = 500;
constexpr int kReadIdRole = Qt::UserRole + 1;
const QColor kReadColour(0xd3, 0x2f, 0x2f);
const QColor kRepeatColour(0x6a, 0x1b, 0x9a); // plates also read at another scene of the case
const QString kTimeFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");

struct WindowPreset {
    const char* label;
    qint64 hours;
};
constexpr WindowPreset kPresets[] = {{"Custom", 0}, {"2 hours", 2}, {"6 hours", 6}, {"24 hours", 24}, {"3 days", 72}};

QDateTimeEdit* utcEdit(const QString& objectName, QWidget* parent)
{
    auto* edit = new QDateTimeEdit(parent);
    edit->setObjectName(objectName);
    edit->setTimeSpec(Qt::UTC);
    edit->setDisplayFormat(kTimeFormat + QStringLiteral(" 'UTC'"));
    edit->setCalendarPopup(true);
    return edit;
}

QPushButton* namedButton(const QString& text, const QString& objectName, QWidget* parent)
{
    auto* button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    return button;
}

} // namespace

CanvassPage::CanvassPage(Session& session, QWidget* parent) : QWidget(parent), m_session(session)
{
    m_mapView = new MapView(this);
    m_mapView->setObjectName(QStringLiteral("canvassMapView"));

    m_shapeComboBox = new QComboBox(this);
    m_shapeComboBox->setObjectName(QStringLiteral("shapeComboBox"));
    m_shapeComboBox->addItems({tr("Circle"), tr("Polygon")});
    m_radiusSpinBox = new QSpinBox(this);
    m_radiusSpinBox->setObjectName(QStringLiteral("radiusSpinBox"));
    m_radiusSpinBox->setRange(10, int(CanvassArea::kMaximumRadiusMetres));
    m_radiusSpinBox->setSingleStep(50);
    m_radiusSpinBox->setSuffix(tr(" m"));
    m_radiusSpinBox->setValue(kDefaultRadiusMetres);
    m_areaLabel = new QLabel(this);
    m_areaLabel->setObjectName(QStringLiteral("areaLabel"));
    m_areaLabel->setWordWrap(true);

    m_toDateTimeEdit = utcEdit(QStringLiteral("toDateTimeEdit"), this);
    m_fromDateTimeEdit = utcEdit(QStringLiteral("fromDateTimeEdit"), this);
    const QDateTime now = session.clock().nowUtc();
    const QDateTime to(now.date(), QTime(now.time().hour(), 0), Qt::UTC);
    m_toDateTimeEdit->setDateTime(to);
    m_fromDateTimeEdit->setDateTime(to.addSecs(-2 * 3600));
    m_windowComboBox = new QComboBox(this);
    m_windowComboBox->setObjectName(QStringLiteral("windowComboBox"));
    for (const WindowPreset& p : kPresets)
        m_windowComboBox->addItem(tr(p.label));
    m_windowComboBox->setCurrentIndex(1);

    m_purposeInput = new PurposeInput(session.purposePolicy(), this);
    m_purposeInput->setObjectName(QStringLiteral("purposeInput"));
    m_runPushButton = namedButton(tr("Run canvass"), QStringLiteral("runPushButton"), this);
    m_runPushButton->setDefault(true);
    m_cancelPushButton = namedButton(tr("Cancel"), QStringLiteral("cancelPushButton"), this);
    m_cancelPushButton->setEnabled(false);
    m_sceneLineEdit = new QLineEdit(this);
    m_sceneLineEdit->setObjectName(QStringLiteral("sceneLineEdit"));
    m_sceneLineEdit->setPlaceholderText(tr("Scene name, e.g. shooting at Eastern Ave"));
    m_saveScenePushButton = namedButton(tr("Save as scene of the case"), QStringLiteral("saveScenePushButton"), this);
    m_statusLabel = new QLabel(tr("Place the circle on the scene, set the window, purpose and case, then run."), this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);

    m_resultTreeWidget = new QTreeWidget(this);
    m_resultTreeWidget->setObjectName(QStringLiteral("resultTreeWidget"));
    m_resultTreeWidget->setHeaderLabels(
        {tr("Plate / read time"), tr("Reads"), tr("First seen"), tr("Last seen"), tr("Units"), tr("Also at scenes")});
    m_resultTreeWidget->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_resultTreeWidget->setUniformRowHeights(true);
    m_resultTreeWidget->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_exportCsvPushButton = namedButton(tr("Export CSV…"), QStringLiteral("exportCsvPushButton"), this);
    m_exportKmlPushButton = namedButton(tr("Export KML…"), QStringLiteral("exportKmlPushButton"), this);
    m_exportPdfPushButton = namedButton(tr("Export PDF…"), QStringLiteral("exportPdfPushButton"), this);

    m_mapSourcePushButton = namedButton(tr("Map…"), QStringLiteral("mapSourcePushButton"), this);
    m_mapSourcePushButton->setToolTip(tr("Choose the offline map: an MBTiles file or a folder of z/x/y tiles"));

    auto* areaBox = new QGroupBox(tr("Area"), this);
    auto* areaForm = new QFormLayout(areaBox);
    areaForm->addRow(tr("Shape"), m_shapeComboBox);
    areaForm->addRow(tr("Radius"), m_radiusSpinBox);
    areaForm->addRow(m_areaLabel);
    auto* windowBox = new QGroupBox(tr("Time window (UTC, both ends included)"), this);
    auto* windowForm = new QFormLayout(windowBox);
    windowForm->addRow(tr("Length"), m_windowComboBox);
    windowForm->addRow(tr("From"), m_fromDateTimeEdit);
    windowForm->addRow(tr("To"), m_toDateTimeEdit);
    auto* sceneRow = new QHBoxLayout;
    sceneRow->addWidget(m_sceneLineEdit, 1);
    sceneRow->addWidget(m_saveScenePushButton);
    auto* exportRow = new QHBoxLayout;
    exportRow->addWidget(m_exportCsvPushButton);
    exportRow->addWidget(m_exportKmlPushButton);
    exportRow->addWidget(m_exportPdfPushButton);
    exportRow->addStretch();
    exportRow->addWidget(m_mapSourcePushButton);

    auto* panel = new QWidget(this);
    auto* panelLayout = new QVBoxLayout(panel);
    panelLayout->setContentsMargins(0, 0, 0, 0);
    panelLayout->addWidget(areaBox);
    panelLayout->addWidget(windowBox);
    panelLayout->addWidget(m_purposeInput);
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(m_runPushButton, 1);
    runRow->addWidget(m_cancelPushButton);
    panelLayout->addLayout(runRow);
    panelLayout->addLayout(sceneRow);
    panelLayout->addWidget(m_statusLabel);
    panelLayout->addWidget(m_resultTreeWidget, 1);
    panelLayout->addLayout(exportRow);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_mapView);
    splitter->addWidget(panel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    connect(m_runPushButton, &QPushButton::clicked, this, &CanvassPage::runCanvass);
    connect(m_cancelPushButton, &QPushButton::clicked, this, &CanvassPage::cancelCanvass);
    connect(m_saveScenePushButton, &QPushButton::clicked, this, &CanvassPage::saveScene);
    connect(m_shapeComboBox, &QComboBox::currentIndexChanged, this, &CanvassPage::onShapeChanged);
    connect(m_radiusSpinBox, &QSpinBox::valueChanged, this, &CanvassPage::onRadiusChanged);
    connect(m_windowComboBox, &QComboBox::currentIndexChanged, this, &CanvassPage::applyWindowPreset);
    connect(m_toDateTimeEdit, &QDateTimeEdit::dateTimeChanged, this,
            [this] { applyWindowPreset(m_windowComboBox->currentIndex()); });
    connect(m_fromDateTimeEdit, &QDateTimeEdit::dateTimeChanged, this, [this] {
        // A hand-set start means a custom window.
        if (m_fromDateTimeEdit->hasFocus())
            m_windowComboBox->setCurrentIndex(0);
    });
    connect(m_mapView, &MapView::areaChanged, this, &CanvassPage::onAreaEdited);
    connect(m_mapView, &MapView::markerClicked, this, &CanvassPage::onMarkerClicked);
    connect(m_resultTreeWidget, &QTreeWidget::itemSelectionChanged, this, &CanvassPage::onSelectionChanged);
    connect(m_exportCsvPushButton, &QPushButton::clicked, this, [this] { chooseExport(QStringLiteral("csv")); });
    connect(m_exportKmlPushButton, &QPushButton::clicked, this, [this] { chooseExport(QStringLiteral("kml")); });
    connect(m_exportPdfPushButton, &QPushButton::clicked, this, [this] { chooseExport(QStringLiteral("pdf")); });
    connect(m_mapSourcePushButton, &QPushButton::clicked, this, &CanvassPage::chooseMapSource);

    loadMapSettings();
    const QPointF centre = m_mapView->centre();
    m_mapView->setArea(CanvassArea::circle({centre.y(), centre.x()}, kDefaultRadiusMetres));
    for (QPushButton* b : {m_exportCsvPushButton, m_exportKmlPushButton, m_exportPdfPushButton})
        b->setEnabled(false);
}

CanvassPage::~CanvassPage()
{
    cancelCanvass(); // a worker still running stops at its next check; its result is dropped with the page
}

void CanvassPage::cancelCanvass()
{
    if (m_job)
        m_job->cancel();
}

void CanvassPage::loadMapSettings()
{
    const map::MapSourceSettings settings = map::MapSourceSettings::load(QSettings());
    auto source = MapSourceFactory::create(settings);
    if (!source) {
        m_statusLabel->setText(tr("No map: %1").arg(source.error().message));
        return;
    }
    setTileSource(*source);
}

void CanvassPage::chooseMapSource()
{
    // The intranet tile server is configured by an administrator in the settings file (map/source = intranet);
    // here a detective can only pick local files.
    map::MapSourceSettings settings = map::MapSourceSettings::load(QSettings());
    const QString file = QFileDialog::getOpenFileName(this, tr("Offline map (Cancel to choose a tile folder)"),
                                                      settings.path, tr("MBTiles maps (*.mbtiles)"));
    if (!file.isEmpty()) {
        settings.kind = map::MapSourceSettings::Kind::MbTiles;
        settings.path = file;
    } else {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder of z/x/y map tiles"));
        if (folder.isEmpty())
            return;
        settings.kind = map::MapSourceSettings::Kind::XyzFolder;
        settings.path = folder;
    }
    auto source = MapSourceFactory::create(settings);
    if (!source) {
        m_statusLabel->setText(source.error().message);
        return;
    }
    QSettings store;
    settings.save(store);
    setTileSource(*source);
    m_statusLabel->setText(tr("Map: %1").arg((*source)->describe()));
}

void CanvassPage::setTileSource(std::shared_ptr<map::TileSource> source)
{
    // Start where an MBTiles file says its map is centred; other sources keep the current view.
    if (auto* mbtiles = dynamic_cast<map::MbTilesTileSource*>(source.get()); mbtiles && mbtiles->hasCentre())
        m_mapView->setView(mbtiles->centreLatitude(), mbtiles->centreLongitude(), mbtiles->centreZoom());
    m_mapView->setTileSource(std::move(source));
}

CanvassQuery CanvassPage::currentQuery() const
{
    return {m_mapView->area(), m_fromDateTimeEdit->dateTime().toUTC(), m_toDateTimeEdit->dateTime().toUTC()};
}

void CanvassPage::applyWindowPreset(int index)
{
    if (index <= 0 || index >= int(std::size(kPresets)))
        return;
    m_fromDateTimeEdit->setDateTime(m_toDateTimeEdit->dateTime().addSecs(-kPresets[index].hours * 3600));
}

void CanvassPage::onShapeChanged(int index)
{
    m_radiusSpinBox->setEnabled(index == 0);
    if (index == 0) {
        const GeoPoint centre = m_mapView->area().centre();
        m_mapView->setArea(CanvassArea::circle(centre, m_radiusSpinBox->value()));
    } else if (m_mapView->area().kind() != CanvassArea::Kind::Polygon) {
        m_mapView->startPolygon();
        m_areaLabel->setText(tr("Click the corners on the map; double-click to finish."));
    }
}

void CanvassPage::onRadiusChanged(int metres)
{
    if (m_mapView->area().kind() != CanvassArea::Kind::Circle || int(m_mapView->area().radiusMetres()) == metres)
        return;
    m_mapView->setArea(CanvassArea::circle(m_mapView->area().centre(), metres));
}

void CanvassPage::onAreaEdited()
{
    const CanvassArea& area = m_mapView->area();
    const QSignalBlocker shape(m_shapeComboBox);
    const QSignalBlocker radius(m_radiusSpinBox);
    m_shapeComboBox->setCurrentIndex(area.kind() == CanvassArea::Kind::Circle ? 0 : 1);
    m_radiusSpinBox->setEnabled(area.kind() == CanvassArea::Kind::Circle);
    if (area.kind() == CanvassArea::Kind::Circle)
        m_radiusSpinBox->setValue(qRound(area.radiusMetres()));
    m_areaLabel->setText(area.describe());
    if (m_hasResult && !(area == m_result.query.area))
        m_statusLabel->setText(tr("The area changed: run the canvass again to update the list."));
}

void CanvassPage::setBusy(bool busy, const QString& message)
{
    m_runPushButton->setEnabled(!busy);
    m_saveScenePushButton->setEnabled(!busy);
    for (QPushButton* b : {m_exportCsvPushButton, m_exportKmlPushButton, m_exportPdfPushButton})
        b->setEnabled(!busy && m_hasResult);
    m_statusLabel->setText(message);
}

void CanvassPage::runCanvass()
{
    const CanvassQuery query = currentQuery();
    const AccessPurpose purpose = m_purposeInput->accessPurpose();
    setBusy(true, tr("Canvassing…"));
    m_cancelPushButton->setEnabled(true);
    m_job = std::make_shared<JobContext>();
    Session& session = m_session;
    runInBackground<CanvassResult>(
        m_session, this,
        [query, purpose, &session, job = m_job](store::Database& db) {
            return CanvassService(session, db).run(query, purpose, job.get());
        },
        [this](const Result<CanvassResult>& result) {
            m_job.reset();
            m_cancelPushButton->setEnabled(false);
            if (!result) {
                setBusy(false, result.error().message);
                emit canvassFinished(false);
                return;
            }
            showResult(*result);
            emit canvassFinished(true);
        });
}

void CanvassPage::showResult(const CanvassResult& result)
{
    m_result = result;
    m_hasResult = true;
    m_itemOfRead.clear();
    const QSignalBlocker blocker(m_resultTreeWidget);
    m_resultTreeWidget->clear();
    QList<MapMarker> markers;
    int repeats = 0;
    for (const CanvassPlateGroup& group : result.plates) {
        auto* plateItem = new QTreeWidgetItem(
            m_resultTreeWidget, {group.plate, QString::number(group.count), group.firstSeenUtc.toString(kTimeFormat),
                                 group.lastSeenUtc.toString(kTimeFormat), group.units.join(QStringLiteral(", ")),
                                 group.otherScenes.join(QStringLiteral("; "))});
        if (group.seenAtSeveralScenes()) {
            ++repeats;
            QFont bold = plateItem->font(0);
            bold.setBold(true);
            for (int c = 0; c < plateItem->columnCount(); ++c) {
                plateItem->setFont(c, bold);
                plateItem->setForeground(c, kRepeatColour);
            }
            plateItem->setToolTip(0, tr("Also read at: %1").arg(group.otherScenes.join(QStringLiteral("; "))));
        }
        for (int index : group.readIndexes) {
            const CanvassRead& read = result.reads[index];
            auto* readItem = new QTreeWidgetItem(
                plateItem, {read.timeUtc.toString(kTimeFormat), QString(), QString(), QString(), read.unitId,
                            tr("%1 m from centre").arg(read.distanceMetres, 0, 'f', 0)});
            readItem->setData(0, kReadIdRole, read.id);
            m_itemOfRead.insert(read.id, readItem);
            markers.append({read.id, read.position.latitude, read.position.longitude,
                            read.plate + QLatin1Char(' ') + read.timeUtc.toString(kTimeFormat),
                            group.seenAtSeveralScenes() ? kRepeatColour : kReadColour});
        }
    }
    m_mapView->setMarkers(markers);
    m_mapView->setHighlighted({});
    QString summary = tr("%1 reads of %2 plates, %3 (audit record %4).")
                          .arg(result.reads.size())
                          .arg(result.plates.size())
                          .arg(CanvassExport::describeWindow(result.query))
                          .arg(result.auditSeq);
    if (repeats > 0)
        summary += QLatin1Char(' ') + tr("%n plate(s) also read at other scenes of the case.", nullptr, repeats);
    setBusy(false, summary);
}

void CanvassPage::onSelectionChanged()
{
    QSet<qint64> ids;
    for (QTreeWidgetItem* item : m_resultTreeWidget->selectedItems()) {
        if (item->parent()) {
            ids.insert(item->data(0, kReadIdRole).toLongLong());
            continue;
        }
        for (int i = 0; i < item->childCount(); ++i)
            ids.insert(item->child(i)->data(0, kReadIdRole).toLongLong());
    }
    m_mapView->setHighlighted(ids);
    // Bring the selection into view when any of it is off screen.
    for (const MapMarker& m : m_mapView->markers()) {
        if (ids.contains(m.id) && !m_mapView->rect().contains(m_mapView->screenPosition(m.latitude, m.longitude))) {
            m_mapView->showMarkers(ids);
            break;
        }
    }
}

void CanvassPage::onMarkerClicked(qint64 id)
{
    QTreeWidgetItem* item = m_itemOfRead.value(id);
    if (!item)
        return;
    item->parent()->setExpanded(true);
    m_resultTreeWidget->setCurrentItem(item);
    m_resultTreeWidget->scrollToItem(item);
}

void CanvassPage::saveScene()
{
    const QString label = m_sceneLineEdit->text();
    const CanvassQuery query = currentQuery();
    const AccessPurpose purpose = m_purposeInput->accessPurpose();
    setBusy(true, tr("Saving the scene…"));
    Session& session = m_session;
    runInBackground<CanvassScene>(
        m_session, this,
        [label, query, purpose, &session](store::Database& db) {
            return CanvassService(session, db).saveScene(label, query, purpose);
        },
        [this](const Result<CanvassScene>& scene) {
            setBusy(false, scene ? tr("Saved scene '%1' under case %2. Plates read at several scenes of the case "
                                      "are marked in later canvasses.")
                                       .arg(scene->label, scene->caseNumber)
                                 : scene.error().message);
        });
}

void CanvassPage::chooseExport(const QString& format)
{
    const QString suggested = QStringLiteral("canvass-%1.%2").arg(m_result.purpose.caseNumber, format);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export canvass"), suggested,
                                                      tr("%1 files (*.%2)").arg(format.toUpper(), format));
    if (!path.isEmpty())
        exportTo(format, path);
}

void CanvassPage::exportTo(const QString& format, const QString& path)
{
    if (!m_hasResult) {
        emit exportFinished(false, tr("Run a canvass first"));
        return;
    }
    // The map as the detective sees it goes into the PDF; grabbing it is GUI work, writing the PDF is not.
    const QImage mapImage = format == QLatin1String("pdf") ? m_mapView->grab().toImage() : QImage();
    const QString generatedBy =
        tr("generated by %1 on %2")
            .arg(m_session.account().name, m_session.clock().nowUtc().toString(kTimeFormat + QStringLiteral(" 'UTC'")));
    const CanvassResult result = m_result;
    Session& session = m_session;
    setBusy(true, tr("Exporting…"));
    runInBackground<bool>(
        m_session, this,
        [format, path, result, mapImage, generatedBy, &session](store::Database& db) -> Result<bool> {
            CanvassService service(session, db);
            VoidResult done = format == QLatin1String("csv") ? service.exportCsv(result, path)
                              : format == QLatin1String("kml")
                                  ? service.exportKml(result, path)
                                  : service.exportResult(result, format, path, [&](QIODevice& device) {
                                        return CanvassPdfWriter::write(device, result, mapImage, generatedBy);
                                    });
            if (!done)
                return std::unexpected(done.error());
            return true;
        },
        [this, path](const Result<bool>& done) {
            const QString message =
                done ? tr("Exported to %1 (recorded in the audit trail).").arg(path) : done.error().message;
            setBusy(false, message);
            emit exportFinished(bool(done), message);
        });
}

} // namespace alpr::ui
