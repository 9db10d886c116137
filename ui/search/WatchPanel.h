#pragma once

#include "search/WatchEntry.h"

#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace alpr {
class Session;
}

namespace alpr::ui {

/// Watch entries for major crimes: the form (partial plate, tolerance, case, crime type, notes, expiry) and the
/// list with hit counts. Entering one matches it against all past reads at once; "Show hits" hands the entry's
/// hits to the search page's table.
class WatchPanel : public QWidget {
    Q_OBJECT
public:
    explicit WatchPanel(Session& session, QWidget* parent = nullptr);

public slots:
    void refresh();
    void addEntry();
    void showSelectedHits();

signals:
    void hitsLoaded(const QList<alpr::WatchHit>& hits, const QString& title);

private:
    Session& m_session;
    QLineEdit* m_patternLineEdit;
    QComboBox* m_toleranceComboBox;
    QLineEdit* m_caseLineEdit;
    QLineEdit* m_crimeLineEdit;
    QPlainTextEdit* m_notesPlainTextEdit;
    QDateTimeEdit* m_expiryDateTimeEdit;
    QPushButton* m_addPushButton;
    QTableWidget* m_watchTableWidget;
    QPushButton* m_hitsPushButton;
    QLabel* m_statusLabel;
};

} // namespace alpr::ui
