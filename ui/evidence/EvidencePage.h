#pragma once

#include "common/JobContext.h"
#include "common/Result.h"
#include "evidence/PurgeReport.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>

class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace alpr {
class Session;
}

namespace alpr::ui {

/// Evidence and records management: the packages written (and checking one that comes back), holds (legal holds
/// placed, any hold released), and retention (the settings, the dry run by month and class, and the purge with
/// progress and Cancel). Everything runs on the pool; the core services check roles and audit.
class EvidencePage : public QWidget {
    Q_OBJECT
public:
    explicit EvidencePage(Session& session, QWidget* parent = nullptr);
    ~EvidencePage() override;

public slots:
    void refresh();
    void verifyPackage(const QString& directory);
    void dryRun();
    void startPurge();

signals:
    void verified(bool ok);
    void purgeFinished(bool ok, const QString& message);

protected:
    /// Loads on first show, so the page is filled whether or not its creator calls refresh().
    void showEvent(QShowEvent* event) override;

private:
    QWidget* createExportsTab();
    QWidget* createHoldsTab();
    QWidget* createRetentionTab();
    void refreshHolds();
    void releaseHold();
    void placeLegalHold();
    void saveRetention();
    void finishPurge(const Result<PurgeSummary>& result);
    void report(const QString& message);

    Session& m_session;
    bool m_loaded = false;
    QTableWidget* m_exportsTableWidget = nullptr;
    QPushButton* m_verifyPushButton = nullptr;
    QTableWidget* m_holdsTableWidget = nullptr;
    QCheckBox* m_inactiveHoldsCheckBox = nullptr;
    QLineEdit* m_releaseReasonLineEdit = nullptr;
    QPushButton* m_releasePushButton = nullptr;
    QLineEdit* m_requesterLineEdit = nullptr;
    QLineEdit* m_referenceLineEdit = nullptr;
    QLineEdit* m_legalCaseLineEdit = nullptr;
    QLineEdit* m_legalReadsLineEdit = nullptr;
    QDateEdit* m_untilDateEdit = nullptr;
    QCheckBox* m_indefiniteCheckBox = nullptr;
    QPushButton* m_legalHoldPushButton = nullptr;
    QSpinBox* m_readsDaysSpinBox = nullptr;
    QSpinBox* m_caseReadsDaysSpinBox = nullptr;
    QSpinBox* m_imagesDaysSpinBox = nullptr;
    QPushButton* m_saveRetentionPushButton = nullptr;
    QPushButton* m_dryRunPushButton = nullptr;
    QTableWidget* m_dryRunTableWidget = nullptr;
    QPushButton* m_purgePushButton = nullptr;
    QPushButton* m_cancelPurgePushButton = nullptr;
    QProgressBar* m_purgeProgressBar = nullptr;
    QLabel* m_statusLabel = nullptr;
    std::shared_ptr<JobContext> m_purgeJob;
    QFutureWatcher<Result<PurgeSummary>> m_purgeWatcher;
};

} // namespace alpr::ui
