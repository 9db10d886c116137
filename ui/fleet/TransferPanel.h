#pragma once

#include "common/JobContext.h"
#include "common/Result.h"
#include "transfers/TransferRecord.h"

#include <QFutureWatcher>
#include <QGroupBox>
#include <QTimer>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace alpr {
class Session;
class TransferFolderWatcher;
namespace store {
class Database;
}
} // namespace alpr

namespace alpr::ui {

/// Offload import on the fleet page: import a unit's offload folder with progress and Cancel (the import runs on
/// the pool and resumes where a cancelled one stopped), and the watched-folder setting of this workstation, which
/// scans the folder every minute and imports each complete offload once.
class TransferPanel : public QGroupBox {
    Q_OBJECT
public:
    static constexpr int kScanIntervalMs = 60 * 1000;

    explicit TransferPanel(Session& session, QWidget* parent = nullptr);
    ~TransferPanel() override;

    /// Imports one offload folder or archive (what the import buttons do after their dialogs).
    void importFolder(const QString& path);
    /// One scan of the watched folder now (the timer calls it); settleSeconds as TransferFolderWatcher.
    void scanWatchedFolder(int settleSeconds = 60);
    void setWatchedFolder(const QString& folder, bool enabled);
    [[nodiscard]] bool isRunning() const;
    void cancel();

signals:
    /// After any import or scan, so the page can refresh the fleet status.
    void transferFinished(bool succeeded);

private:
    void chooseOffload();
    void chooseArchive();
    void chooseWatchedFolder();
    void watchSettingChanged();
    void start(std::function<Result<QList<TransferOutcome>>(JobContext&)> work, const QString& what);
    void showResult(const Result<QList<TransferOutcome>>& result);
    void setRunning(bool running);

    Session& m_session;
    std::shared_ptr<JobContext> m_job;
    QFutureWatcher<Result<QList<TransferOutcome>>> m_watcher;
    std::shared_ptr<store::Database> m_scanConnection;
    std::shared_ptr<TransferFolderWatcher> m_folderWatcher;
    QString m_folderWatcherPath;
    QTimer m_scanTimer;
    QPushButton* m_importPushButton;
    QPushButton* m_archivePushButton;
    QProgressBar* m_transferProgressBar;
    QPushButton* m_cancelPushButton;
    QLineEdit* m_watchedFolderLineEdit;
    QPushButton* m_browsePushButton;
    QCheckBox* m_watchCheckBox;
    QLabel* m_transferStatusLabel;
};

} // namespace alpr::ui
