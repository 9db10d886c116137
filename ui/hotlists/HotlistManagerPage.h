#pragma once

#include "hotlists/Hotlist.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace alpr {
class Session;
}

namespace alpr::ui {

/// The hot lists in force: each list's source, category, priority, entries, version and whether it is stale; the
/// selected list's version history and entries (CLETS fields only for CLETS-authorized users); loading a file with
/// a preview (HotlistImportDialog) and manual entries (ManualEntryDialog).
class HotlistManagerPage : public QWidget {
    Q_OBJECT
public:
    explicit HotlistManagerPage(Session& session, QWidget* parent = nullptr);

public slots:
    void refresh();
    /// Loads a previewed file (what the import dialog hands back).
    void load(const HotlistFileContents& contents, const HotlistImportOptions& options);
    void addEntry(const ManualEntry& entry);
    void removeSelectedEntry(const QString& reason);

signals:
    void refreshed();
    void changed(const QString& message);

private:
    void showSelectedList();
    [[nodiscard]] qint64 selectedListId() const;

    Session& m_session;
    QList<Hotlist> m_lists;
    QTableWidget* m_listsTableWidget;
    QTableWidget* m_versionsTableWidget;
    QLineEdit* m_plateFilterLineEdit;
    QTableWidget* m_entriesTableWidget;
    QPushButton* m_importPushButton;
    QPushButton* m_manualPushButton;
    QPushButton* m_removePushButton;
    QLabel* m_statusLabel;
};

} // namespace alpr::ui
