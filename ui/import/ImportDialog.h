#pragma once

#include "common/JobContext.h"
#include "common/Result.h"
#include "import/ImportQueueState.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>

#include <memory>

class QDateTimeEdit;
class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace alpr {
class Session;
}

namespace alpr::ui {

/// Import footage: a queue of files and folders (added with the buttons or dropped on the dialog or the main
/// window), the unit, the start time and a GPS track or fixed location. The queue (core ImportQueue) runs on the
/// pool with a progress bar for the current file and one for the whole queue, each with the time left, Pause/Resume
/// and Cancel, and ends with the files that could not be imported and why. The queue is kept in the store: a
/// cancelled or interrupted one is resumed here (resumeQueue) or offered again at the next start.
class ImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImportDialog(Session& session, QWidget* parent = nullptr);
    ~ImportDialog() override;

    void setFiles(const QStringList& files);
    /// Adds files or folders to the queue to be started (what a drop does). Ignored while a queue runs.
    void addPaths(const QStringList& paths);
    [[nodiscard]] QStringList paths() const;
    [[nodiscard]] ImportQueueOptions options() const;
    /// Starts the import (what the Import button does): a new queue of the listed files, or the resumed one.
    void start();
    /// Shows a persisted queue and runs what it has left.
    void resumeQueue(qint64 queueId);
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] bool isPaused() const;
    void setPaused(bool paused);
    /// Stops a running import after its current frame; the files left stay queued for resuming.
    void cancel();

signals:
    void importFinished(bool succeeded);

protected:
    void reject() override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void addFiles();
    void addFolder();
    void chooseTrack();
    void run(qint64 queueId, const QStringList& paths, const ImportQueueOptions& options);
    void showProgress(const ImportQueueProgress& progress);
    /// Replaces the list of what was added by the queue's files, one row each with its status.
    void showQueue(const QList<ImportQueueItem>& items);
    void showItem(const ImportQueueItem& item, double fraction);
    void showResult(const Result<ImportQueueSummary>& result);
    void setEditable(bool editable);

    Session& m_session;
    std::shared_ptr<JobContext> m_job;
    QFutureWatcher<Result<ImportQueueSummary>> m_watcher;
    /// The queue this dialog runs or ran; 0 before the first start. An unfinished one is what Resume continues.
    std::shared_ptr<std::atomic<qint64>> m_queueId = std::make_shared<std::atomic<qint64>>(0);
    bool m_resumable = false;
    QLabel* m_listLabel;
    QListWidget* m_filesListWidget;
    QTreeWidget* m_queueTreeWidget;
    QPushButton* m_addFilesPushButton;
    QPushButton* m_addFolderPushButton;
    QLineEdit* m_unitLineEdit;
    QCheckBox* m_startCheckBox;
    QDateTimeEdit* m_startDateTimeEdit;
    QLineEdit* m_gpsLineEdit;
    QLineEdit* m_locationLineEdit;
    QLabel* m_fileLabel;
    QProgressBar* m_fileProgressBar;
    QProgressBar* m_importProgressBar;
    QLabel* m_timeLeftLabel;
    QLabel* m_statusLabel;
    QListWidget* m_badFilesListWidget;
    QPushButton* m_importPushButton;
    QPushButton* m_pausePushButton;
    QPushButton* m_cancelPushButton;
};

} // namespace alpr::ui
