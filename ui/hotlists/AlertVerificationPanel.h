#pragma once

#include "hotlists/Alert.h"

#include <QImage>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace alpr::ui {

class ReadDetailPanel;

/// One alert and its verification form: the read (context image, crop, time, place, unit), the list entry and how
/// it matched, the CLETS record (or that it is redacted for this user), the UNVERIFIED banner until CLETS/dispatch
/// confirms, and the steps: visual check, CLETS/dispatch answer with reference, reject with a configured reason,
/// close, and "Copy for dispatch". The page runs the steps through AlertService; this panel only asks.
class AlertVerificationPanel : public QWidget {
    Q_OBJECT
public:
    explicit AlertVerificationPanel(QWidget* parent = nullptr);

    void setRejectReasons(const QStringList& reasons);
    void setCanVerify(bool canVerify);
    void showAlert(const Alert& alert, const QImage& context, const QImage& crop);
    void clear(const QString& message = {});
    [[nodiscard]] qint64 alertId() const { return m_alert.id; }

signals:
    void visualCheckRequested(qint64 alertId);
    void confirmRequested(qint64 alertId, alpr::CletsOutcome outcome, const QString& reference);
    void rejectRequested(qint64 alertId, const QString& reason);
    void closeRequested(qint64 alertId);

private:
    void updateButtons();

    Alert m_alert;
    bool m_canVerify = false;
    QLabel* m_verificationLabel;
    QLabel* m_entryLabel;
    QLabel* m_cletsLabel;
    ReadDetailPanel* m_readPanel;
    QPushButton* m_visualPushButton;
    QComboBox* m_outcomeComboBox;
    QLineEdit* m_referenceLineEdit;
    QPushButton* m_confirmPushButton;
    QComboBox* m_rejectReasonComboBox;
    QPushButton* m_rejectPushButton;
    QPushButton* m_closePushButton;
    QPushButton* m_copyPushButton;
};

} // namespace alpr::ui
