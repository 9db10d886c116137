#pragma once

#include <QWidget>

class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace alpr {
class Session;
}

namespace alpr::ui {

class AuditTableModel;

/// The access log for auditors and the Commander: filters, the table, and Verify, which walks the hash chain and
/// names the first altered or missing record. Reading the log is itself recorded.
class AuditPage : public QWidget {
    Q_OBJECT
public:
    explicit AuditPage(Session& session, QWidget* parent = nullptr);

public slots:
    void refresh();
    void verify();

private:
    void setBusy(bool busy);

    Session& m_session;
    AuditTableModel* m_model;
    QLineEdit* m_userLineEdit;
    QLineEdit* m_actionLineEdit;
    QDateEdit* m_fromDateEdit;
    QDateEdit* m_toDateEdit;
    QPushButton* m_refreshPushButton;
    QPushButton* m_verifyPushButton;
    QTableView* m_auditTableView;
    QLabel* m_statusLabel;
};

} // namespace alpr::ui
