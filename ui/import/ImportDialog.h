#pragma once

#include "common/JobContext.h"
#include "common/Result.h"
#include "import/ImportRequest.h"

#include <QDialog>
#include <QFutureWatcher>

#include <memory>

class QDateTimeEdit;
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace alpr {
class Session;
}

namespace alpr::ui {

/// Import Footage: choose files, the unit, the start time and a GPS track or fixed location; the import runs on
/// the pool with a progress bar and Cancel, and ends with a per-file summary.
class ImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImportDialog(Session& session, QWidget* parent = nullptr);
    ~ImportDialog() override;

    void setFiles(const QStringList& files);
    [[nodiscard]] ImportRequest request() const;
    /// Starts the import (what the Import button does).
    void start();
    [[nodiscard]] bool isRunning() const;

signals:
    void importFinished(bool succeeded);

protected:
    void reject() override;

private:
    void addFiles();
    void chooseTrack();
    void showResult(const Result<ImportSummary>& result);

    Session& m_session;
    std::shared_ptr<JobContext> m_job;
    QFutureWatcher<Result<ImportSummary>> m_watcher;
    QListWidget* m_filesListWidget;
    QPushButton* m_addFilesPushButton;
    QLineEdit* m_unitLineEdit;
    QCheckBox* m_startCheckBox;
    QDateTimeEdit* m_startDateTimeEdit;
    QLineEdit* m_gpsLineEdit;
    QLineEdit* m_locationLineEdit;
    QProgressBar* m_importProgressBar;
    QLabel* m_statusLabel;
    QPushButton* m_importPushButton;
    QPushButton* m_cancelPushButton;
};

} // namespace alpr::ui
