#pragma once

#include "canvass/CanvassResult.h"
#include "common/JobContext.h"
#include "map/TileSource.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;

namespace alpr {
class Session;
}

namespace alpr::ui {

class MapView;
class PurposeInput;

/// The crime-scene canvass: pick the scene on the offline map (a circle with a radius in metres, or a polygon),
/// set the time window, state purpose and case, and run. Reads appear as markers and as a list grouped by plate;
/// selecting a row highlights its markers and clicking a marker selects its row. Plates also read at the case's
/// other saved scenes are marked. Results export to CSV, KML and PDF; every canvass and export is audited by the
/// core service. All store work runs on a pool with its own connection.
class CanvassPage : public QWidget {
    Q_OBJECT
public:
    explicit CanvassPage(Session& session, QWidget* parent = nullptr);
    ~CanvassPage() override;

    /// Replaces the map source from the settings (tests and the settings dialog).
    void setTileSource(std::shared_ptr<map::TileSource> source);
    [[nodiscard]] MapView* mapView() const { return m_mapView; }
    [[nodiscard]] const CanvassResult& result() const { return m_result; }
    [[nodiscard]] bool hasResult() const { return m_hasResult; }

public slots:
    void runCanvass();
    /// Stops a running canvass (a 50 km, 31-day canvass over a large store takes seconds).
    void cancelCanvass();
    void saveScene();
    /// format: csv, kml or pdf. Asynchronous; exportFinished() reports.
    void exportTo(const QString& format, const QString& path);

signals:
    void canvassFinished(bool ok);
    void exportFinished(bool ok, const QString& message);

private:
    [[nodiscard]] CanvassQuery currentQuery() const;
    void showResult(const CanvassResult& result);
    void onAreaEdited();
    void onShapeChanged(int index);
    void onRadiusChanged(int metres);
    void onSelectionChanged();
    void onMarkerClicked(qint64 id);
    void applyWindowPreset(int index);
    void chooseExport(const QString& format);
    void setBusy(bool busy, const QString& message);
    void loadMapSettings();
    void chooseMapSource();

    Session& m_session;
    std::shared_ptr<JobContext> m_job; ///< the running canvass, shared with its worker
    CanvassResult m_result;
    bool m_hasResult = false;
    QHash<qint64, QTreeWidgetItem*> m_itemOfRead;

    MapView* m_mapView;
    QComboBox* m_shapeComboBox;
    QSpinBox* m_radiusSpinBox;
    QLabel* m_areaLabel;
    QDateTimeEdit* m_fromDateTimeEdit;
    QDateTimeEdit* m_toDateTimeEdit;
    QComboBox* m_windowComboBox;
    PurposeInput* m_purposeInput;
    QPushButton* m_runPushButton;
    QPushButton* m_cancelPushButton;
    QLineEdit* m_sceneLineEdit;
    QPushButton* m_saveScenePushButton;
    QLabel* m_statusLabel;
    QTreeWidget* m_resultTreeWidget;
    QPushButton* m_exportCsvPushButton;
    QPushButton* m_exportKmlPushButton;
    QPushButton* m_exportPdfPushButton;
    QPushButton* m_mapSourcePushButton;
};

} // namespace alpr::ui
