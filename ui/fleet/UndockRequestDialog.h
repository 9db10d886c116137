#pragma once

#include <QDateTime>
#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QPlainTextEdit;

namespace alpr::ui {

/// Ask the Commander's permission to undock a unit: which, why, from when to when.
class UndockRequestDialog : public QDialog {
    Q_OBJECT
public:
    UndockRequestDialog(const QStringList& unitIds, const QDateTime& nowUtc, QWidget* parent = nullptr);
    [[nodiscard]] QString unitId() const;
    [[nodiscard]] QString reason() const;
    [[nodiscard]] QDateTime fromUtc() const;
    [[nodiscard]] QDateTime toUtc() const;

private:
    QComboBox* m_unitComboBox;
    QPlainTextEdit* m_reasonPlainTextEdit;
    QDateTimeEdit* m_fromDateTimeEdit;
    QDateTimeEdit* m_toDateTimeEdit;
};

} // namespace alpr::ui
