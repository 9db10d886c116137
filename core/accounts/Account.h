#pragma once

#include "accounts/Role.h"

#include <QDate>
#include <QString>

namespace alpr {

struct Account {
    qint64 id = 0;
    QString name;
    QString fullName;
    Role role = Role::Investigator;
    QDate trainingUntil; ///< last day the ALPR training is valid; invalid = none recorded
    bool cletsAuthorized = false;
    bool disabled = false;

    [[nodiscard]] bool trainingValidOn(const QDate& day) const { return trainingUntil.isValid() && day <= trainingUntil; }
};

} // namespace alpr
