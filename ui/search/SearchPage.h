#pragma once

#include "search/SearchQuery.h"
#include "search/WatchEntry.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace alpr {
class Session;
}

namespace alpr::ui {

class PurposeInput;
class ReadDetailPanel;
class SearchResultModel;
class WatchPanel;

/// Partial-plate search for investigators: the form (pattern, tolerance, time/unit/confidence/area filters, purpose
/// and case number), the ranked results (a million rows stay fast), the audited detail view of one read with its
/// context image and all readings, audited CSV export, and the watch entries. Every store access runs on a worker
/// thread with its own connection; the GUI thread only shows results.
class SearchPage : public QWidget {
    Q_OBJECT
public:
    explicit SearchPage(Session& session, QWidget* parent = nullptr);

    [[nodiscard]] SearchResultModel* resultModel() const { return m_model; }

public slots:
    void runSearch();
    /// Writes the shown results (in their current order) to path; audited.
    void exportTo(const QString& path);

signals:
    /// A search finished (ok or not); for tests and the main window's status bar.
    void searchFinished(bool ok, const QString& message);

private:
    void chooseExportFile();
    void scheduleDetail();
    void showDetail();
    void requestThumbnail(qint64 imageId);
    void loadThumbnails();
    void showWatchHits(const QList<alpr::WatchHit>& hits, const QString& title);
    [[nodiscard]] SearchQuery queryFromForm(QString* problem) const;

    Session& m_session;
    SearchResultModel* m_model;
    QLineEdit* m_patternLineEdit;
    QComboBox* m_toleranceComboBox;
    QCheckBox* m_timeFilterCheckBox;
    QDateTimeEdit* m_fromDateTimeEdit;
    QDateTimeEdit* m_toDateTimeEdit;
    QLineEdit* m_unitsLineEdit;
    QDoubleSpinBox* m_minConfidenceSpinBox;
    QLineEdit* m_areaLineEdit;
    PurposeInput* m_purposeInput;
    QPushButton* m_searchPushButton;
    QPushButton* m_exportPushButton;
    QLabel* m_statusLabel;
    QTableView* m_resultsTableView;
    ReadDetailPanel* m_detailPanel;
    WatchPanel* m_watchPanel;
    QTimer* m_detailTimer;
    QTimer* m_thumbnailTimer;
    QList<qint64> m_pendingThumbnails;
    SearchQuery m_lastQuery;
    bool m_showingSearch = false; ///< export is for search results (watch hits are reviewed, not exported here)
};

} // namespace alpr::ui
