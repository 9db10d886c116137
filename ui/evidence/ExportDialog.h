#pragma once

#include "common/JobContext.h"
#include "common/Result.h"
#include "evidence/EvidenceExporter.h"

#include <QDialog>
#include <QFutureWatcher>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace alpr {
class Session;
struct EvidenceVolume;
} // namespace alpr

namespace alpr::ui {

/// Exports a case's reads to portable media: lists the mounted removable volumes (and any folder the user picks),
/// asks for the purpose, and runs EvidenceExporter on the pool with a progress bar and Cancel. The dialog never
/// touches the disk or the store on the GUI thread; closing it while an export runs cancels the export first.
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    /// readIds empty: every read the case stands on.
    ExportDialog(Session& session, QString caseNumber, QList<qint64> readIds, QWidget* parent = nullptr);
    ~ExportDialog() override;

    /// Adds a folder to the targets and selects it ("Other folder..." does the same after asking).
    void addTargetFolder(const QString& path);
    [[nodiscard]] bool isRunning() const;

public slots:
    void refreshVolumes();
    void startExport();
    void cancelExport();

signals:
    /// After each export attempt; ok false for failures and cancellation alike.
    void exportFinished(bool ok, const QString& message);
    void volumesListed();

protected:
    void reject() override;

private:
    void showVolumes(const QList<EvidenceVolume>& volumes);
    void finishExport(const Result<EvidenceExportResult>& result);
    void updateButtons();
    [[nodiscard]] QString selectedTarget() const;

    Session& m_session;
    QString m_caseNumber;
    QList<qint64> m_readIds;
    QStringList m_extraFolders;
    QListWidget* m_volumeListWidget;
    QCheckBox* m_fixedDrivesCheckBox;
    QPushButton* m_folderPushButton;
    QPushButton* m_refreshPushButton;
    QComboBox* m_purposeComboBox;
    QCheckBox* m_redactedCheckBox = nullptr;
    QLabel* m_summaryLabel;
    QProgressBar* m_progressBar;
    QLabel* m_statusLabel;
    QPushButton* m_exportPushButton;
    QPushButton* m_cancelPushButton;
    QPushButton* m_closePushButton;
    std::shared_ptr<JobContext> m_job;
    QFutureWatcher<Result<EvidenceExportResult>> m_exportWatcher;
};

} // namespace alpr::ui
