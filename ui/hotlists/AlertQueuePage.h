#pragma once

#include "hotlists/AlertService.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace alpr {
class Session;
}

namespace alpr::ui {

class AlertQueueModel;
class AlertVerificationPanel;

/// The alert queue: alerts by priority and time, the selected one in the verification form. Polls the queue so
/// that alerts from imports elsewhere appear; a new high-priority alert sounds (QApplication::beep) and the badge
/// (badgeChanged, shown on the page's tab) counts the alerts still unverified.
class AlertQueuePage : public QWidget {
    Q_OBJECT
public:
    static constexpr int kPollMilliseconds = 10000;

    explicit AlertQueuePage(Session& session, QWidget* parent = nullptr);

    [[nodiscard]] AlertQueueModel* model() const { return m_model; }
    [[nodiscard]] AlertVerificationPanel* panel() const { return m_panel; }

public slots:
    void refresh();
    void selectAlert(qint64 alertId);
    void exportCsv(const QString& path);

signals:
    /// unverified: new and visually checked alerts; urgent: a high-priority alert is still new.
    void badgeChanged(int unverified, bool urgent);
    /// A new high-priority alert arrived since the last poll (after the page's first look).
    void highPriorityAlertArrived(qint64 alertId);
    void refreshed();

private:
    void poll();
    void runStep(std::function<Result<Alert>(AlertService&)> step);
    [[nodiscard]] AlertFilter filter() const;

    Session& m_session;
    AlertQueueModel* m_model;
    QComboBox* m_filterComboBox;
    QPushButton* m_refreshPushButton;
    QPushButton* m_exportPushButton;
    QLabel* m_statusLabel;
    QTableView* m_alertsTableView;
    AlertVerificationPanel* m_panel;
    QTimer* m_pollTimer;
    qint64 m_newestHighId = -1; ///< -1 until the first poll: alerts already there on login do not sound
    qint64 m_selectedId = 0;
};

} // namespace alpr::ui
