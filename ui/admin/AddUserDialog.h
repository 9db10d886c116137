#pragma once

#include "accounts/AccountService.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;

namespace alpr::ui {

/// Collects a new account; checks the password rules before the dialog closes.
class AddUserDialog : public QDialog {
    Q_OBJECT
public:
    explicit AddUserDialog(const QDate& today, QWidget* parent = nullptr);
    [[nodiscard]] NewAccount account() const;

private:
    void tryAccept();

    QLineEdit* m_nameLineEdit;
    QLineEdit* m_fullNameLineEdit;
    QComboBox* m_roleComboBox;
    QDateEdit* m_trainingDateEdit;
    QCheckBox* m_cletsCheckBox;
    QLineEdit* m_passwordLineEdit;
    QLineEdit* m_confirmLineEdit;
    QLabel* m_errorLabel;
};

} // namespace alpr::ui
