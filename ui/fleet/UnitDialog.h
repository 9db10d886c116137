#pragma once

#include "fleet/Unit.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace alpr::ui {

/// Add a unit, or edit one (its id then fixed). Undocked is not offered: it comes only from an approved request.
class UnitDialog : public QDialog {
    Q_OBJECT
public:
    explicit UnitDialog(QWidget* parent = nullptr);
    /// Fills the fields from an existing unit and locks its id.
    void setUnit(const Unit& unit);
    [[nodiscard]] Unit unit() const;

private:
    QLineEdit* m_idLineEdit;
    QLineEdit* m_nameLineEdit;
    QComboBox* m_kindComboBox;
    QLineEdit* m_assignmentLineEdit;
    QLineEdit* m_camerasLineEdit;
    QComboBox* m_statusComboBox;
    QLabel* m_undockedLabel;
};

} // namespace alpr::ui
