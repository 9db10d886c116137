#pragma once

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace alpr {
class Session;
}

namespace alpr::ui {

/// Releases to other law-enforcement agencies: the form that records one (agency, requesting officer and contact,
/// how their identity was verified, legal basis, case, what was released, who approved it, and the evidence package
/// that carried it), the list of releases, and the sharing report by agency for a period.
class ReleasesPage : public QWidget {
    Q_OBJECT
public:
    explicit ReleasesPage(Session& session, QWidget* parent = nullptr);

public slots:
    void refresh();
    void recordRelease();
    void showSharingReport();

private:
    void setBusy(bool busy);
    void showStatus(const QString& text, bool error = false);

    Session& m_session;
    QLineEdit* m_agencyLineEdit;
    QLineEdit* m_officerLineEdit;
    QLineEdit* m_contactLineEdit;
    QLineEdit* m_verifiedLineEdit;
    QLineEdit* m_basisLineEdit;
    QLineEdit* m_caseLineEdit;
    QLineEdit* m_whatLineEdit;
    QLineEdit* m_approvedLineEdit;
    QComboBox* m_packageComboBox;
    QPushButton* m_recordPushButton;
    QTableWidget* m_releasesTableWidget;
    QDateEdit* m_fromDateEdit;
    QDateEdit* m_toDateEdit;
    QPushButton* m_reportPushButton;
    QTextBrowser* m_reportTextBrowser;
    QLabel* m_statusLabel;
};

} // namespace alpr::ui
