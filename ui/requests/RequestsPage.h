#pragma once

#include "requests/RecordsRequest.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace alpr {
class Session;
}

namespace alpr::ui {

/// Outside records requests. Everyone sees the form that registers one (the policy sends them all to the Records
/// Supervisor); the Records Supervisor and the Commander also see the register, with due dates and overdue requests
/// in red, and work the selected request: status, denial reason, assignment, case, notes, and a legal hold.
class RequestsPage : public QWidget {
    Q_OBJECT
public:
    explicit RequestsPage(Session& session, QWidget* parent = nullptr);

public slots:
    void refresh();
    void registerRequest();
    void saveSelected();
    void placeHold();

private:
    void showSelected();
    void setBusy(bool busy);
    void showStatus(const QString& text, bool error = false);
    [[nodiscard]] const RecordsRequest* selected() const;

    Session& m_session;
    bool m_handles = false;
    QList<RecordsRequest> m_requests;

    QLineEdit* m_requesterLineEdit;
    QComboBox* m_kindComboBox;
    QDateEdit* m_receivedDateEdit;
    QPlainTextEdit* m_asksPlainTextEdit;
    QPushButton* m_registerPushButton;

    QTableWidget* m_requestsTableWidget = nullptr;
    QComboBox* m_statusComboBox = nullptr;
    QLineEdit* m_denialLineEdit = nullptr;
    QLineEdit* m_assignLineEdit = nullptr;
    QLineEdit* m_caseLineEdit = nullptr;
    QPlainTextEdit* m_notesPlainTextEdit = nullptr;
    QPushButton* m_savePushButton = nullptr;
    QLineEdit* m_holdReadsLineEdit = nullptr;
    QPushButton* m_holdPushButton = nullptr;
    QLabel* m_statusLabel;
};

} // namespace alpr::ui
