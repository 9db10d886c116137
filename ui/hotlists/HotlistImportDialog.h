#pragma once

#include "hotlists/Hotlist.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace alpr {
class Session;
}

namespace alpr::ui {

/// Choosing a hot-list file and how to load it, with a preview of what the parser made of it (entries, and each
/// rejected line with its number and reason) before anything is committed. Accepting hands back the parsed file
/// and options; the manager page loads them.
class HotlistImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit HotlistImportDialog(Session& session, QWidget* parent = nullptr);

    void setFile(const QString& path);
    [[nodiscard]] HotlistImportOptions options() const;
    [[nodiscard]] const HotlistFileContents& contents() const { return m_contents; }

public slots:
    void preview();

signals:
    void previewed();

private:
    Session& m_session;
    HotlistFileContents m_contents;
    QLineEdit* m_fileLineEdit;
    QComboBox* m_formatComboBox;
    QLineEdit* m_nameLineEdit;
    QComboBox* m_categoryComboBox;
    QComboBox* m_priorityComboBox;
    QCheckBox* m_lookAlikeCheckBox;
    QPushButton* m_previewPushButton;
    QLabel* m_summaryLabel;
    QTableWidget* m_errorsTableWidget;
    QPushButton* m_loadPushButton;
};

} // namespace alpr::ui
