#pragma once

#include "evidence/Case.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace alpr {
class Session;
}

namespace alpr::ui {

/// Cases: open one, attach reads to it, see everything attached, place an evidence hold, close it, and export its
/// reads to portable media (ExportDialog). All store work runs on the pool through the core services, which check
/// permissions and audit.
class CasesPage : public QWidget {
    Q_OBJECT
public:
    explicit CasesPage(Session& session, QWidget* parent = nullptr);

    /// The selected case's number, empty when none.
    [[nodiscard]] QString currentCaseNumber() const;

public slots:
    void refresh();
    /// Selects the case with this number if it is listed (e.g. when another page links to a case).
    void selectCase(const QString& number);

signals:
    void refreshed();

protected:
    /// Loads on first show, so the page is filled whether or not its creator calls refresh().
    void showEvent(QShowEvent* event) override;

private:
    void showCases(const QList<Case>& cases);
    void showItems();
    void openCase();
    void attachReads();
    void placeHold();
    void toggleStatus();
    void exportEvidence();
    void setBusy(bool busy);
    void report(const QString& message);

    Session& m_session;
    bool m_loaded = false;
    QList<Case> m_cases;
    QTableWidget* m_casesTableWidget;
    QCheckBox* m_closedCheckBox;
    QLineEdit* m_numberLineEdit;
    QLineEdit* m_titleLineEdit;
    QLineEdit* m_leadLineEdit;
    QPushButton* m_openPushButton;
    QTableWidget* m_itemsTableWidget;
    QLineEdit* m_readsLineEdit;
    QPushButton* m_attachPushButton;
    QPushButton* m_holdPushButton;
    QPushButton* m_statusPushButton;
    QPushButton* m_exportPushButton;
    QLabel* m_statusLabel;
};

} // namespace alpr::ui
