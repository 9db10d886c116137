#pragma once

#include "audit/AccessPurpose.h"

#include <QWidget>

class QComboBox;
class QLineEdit;

namespace alpr::ui {

/// The "why are you looking" fields every data access needs: a purpose from the agency's list (editable, so free
/// text is possible) and a case or incident number. Pages embed it and pass accessPurpose() to core services,
/// which validate and audit it.
class PurposeInput : public QWidget {
    Q_OBJECT
public:
    explicit PurposeInput(const AccessPurposePolicy& policy, QWidget* parent = nullptr);
    [[nodiscard]] AccessPurpose accessPurpose() const;
    void setAccessPurpose(const AccessPurpose& purpose);

private:
    QComboBox* m_purposeComboBox;
    QLineEdit* m_caseLineEdit;
};

} // namespace alpr::ui
