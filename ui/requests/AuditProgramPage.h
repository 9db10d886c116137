#pragma once

#include "requests/AuditProgramReport.h"
#include "requests/AuditSample.h"

#include <QWidget>

#include <optional>

class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTextBrowser;

namespace alpr {
class Session;
}

namespace alpr::ui {

/// The audit program for auditors and the Commander (the Agency Manager may read reports): a reminder when a
/// period's report is due, the report of a period (summary on screen, PDF for signature, CSV), a random sample of the
/// period's searches to mark justified or not, and the sign-off. Each step is audited by the core service.
class AuditProgramPage : public QWidget {
    Q_OBJECT
public:
    explicit AuditProgramPage(Session& session, QWidget* parent = nullptr);

    [[nodiscard]] const std::optional<AuditProgramReport>& report() const { return m_report; }

public slots:
    void refresh(); ///< the reminder
    void makeReport();
    void savePdf(const QString& path);
    void saveCsv(const QString& path);
    void drawSample();
    void markSelected(bool justified);
    void signOff();

signals:
    /// The period whose report is due ("2026-05"), or empty when none is; the main window marks the page's tab.
    void dueChanged(const QString& periodLabel);
    void reportReady();
    void sampleReady();

private:
    void setBusy(bool busy);
    void showStatus(const QString& text, bool error = false);
    void showReport(const AuditProgramReport& report);
    void showSample(const AuditSample& sample);
    [[nodiscard]] QDateTime fromUtc() const;
    [[nodiscard]] QDateTime toUtc() const;

    Session& m_session;
    bool m_audits = false;
    std::optional<AuditProgramReport> m_report;
    std::optional<AuditSample> m_sample;

    QLabel* m_reminderLabel;
    QPushButton* m_duePushButton;
    QDateEdit* m_fromDateEdit;
    QDateEdit* m_toDateEdit;
    QPushButton* m_reportPushButton;
    QPushButton* m_pdfPushButton;
    QPushButton* m_csvPushButton;
    QTextBrowser* m_reportTextBrowser;
    QSpinBox* m_sampleSpinBox;
    QLineEdit* m_seedLineEdit;
    QPushButton* m_samplePushButton;
    QTableWidget* m_sampleTableWidget;
    QLineEdit* m_noteLineEdit;
    QPushButton* m_justifiedPushButton;
    QPushButton* m_notJustifiedPushButton;
    QLineEdit* m_findingsLineEdit;
    QPushButton* m_signOffPushButton;
    QLabel* m_statusLabel;
};

} // namespace alpr::ui
