#pragma once

#include "hotlists/Hotlist.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace alpr::ui {

/// A manual hot-list entry (Amber alert, BOLO, missing person ...): plate, state, category, priority, reason, notes,
/// expiry. Says up front that an Amber alert or missing person is searched in past reads at once.
class ManualEntryDialog : public QDialog {
    Q_OBJECT
public:
    ManualEntryDialog(const QDateTime& nowUtc, QWidget* parent = nullptr);
    [[nodiscard]] ManualEntry entry() const;

private:
    QLineEdit* m_plateLineEdit;
    QLineEdit* m_stateLineEdit;
    QComboBox* m_categoryComboBox;
    QComboBox* m_priorityComboBox;
    QLineEdit* m_reasonLineEdit;
    QPlainTextEdit* m_notesPlainTextEdit;
    QDateTimeEdit* m_expiryDateTimeEdit;
    QCheckBox* m_lookAlikeCheckBox;
    QLabel* m_retroLabel;
};

} // namespace alpr::ui
