#pragma once

#include "fleet/UndockRequest.h"
#include "fleet/UnitHealth.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace alpr {
class Session;
}

namespace alpr::ui {

class TransferPanel;

/// The fleet at a glance for the Agency Manager and the Commander: every unit red (over 30 days since its last good
/// transfer), amber (over the warning threshold) or green, with the period its data covers, failed and incomplete
/// transfers, gaps, undockings in effect and overdue; undock requests to approve or deny (the Commander) and to
/// record returns; and the transfers themselves (TransferPanel). Store work runs on the pool through the core
/// services, which check permissions and audit.
class FleetPage : public QWidget {
    Q_OBJECT
public:
    explicit FleetPage(Session& session, QWidget* parent = nullptr);

    [[nodiscard]] TransferPanel* transferPanel() const { return m_transferPanel; }

public slots:
    void refresh();

signals:
    void refreshed();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void showStatus(const FleetStatus& status);
    void showUndocks(const QList<UndockRequest>& requests);
    void addUnit();
    void editUnit();
    void requestUndock();
    void decideUndock(bool approve);
    void recordReturn();
    void setWarningDays();
    [[nodiscard]] qint64 selectedUndockId() const;
    void setBusy(bool busy);
    void report(const QString& message);

    Session& m_session;
    bool m_loaded = false;
    FleetStatus m_status;
    QList<UndockRequest> m_undocks;
    QLabel* m_summaryLabel;
    QPushButton* m_refreshPushButton;
    QPushButton* m_addUnitPushButton;
    QPushButton* m_editUnitPushButton;
    QSpinBox* m_warningSpinBox;
    QTableWidget* m_unitsTableWidget;
    QTableWidget* m_undockTableWidget;
    QPushButton* m_requestPushButton;
    QPushButton* m_approvePushButton;
    QPushButton* m_denyPushButton;
    QPushButton* m_returnPushButton;
    TransferPanel* m_transferPanel;
    QLabel* m_statusLabel;
};

} // namespace alpr::ui
