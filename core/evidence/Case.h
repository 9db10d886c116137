#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace alpr {

enum class CaseStatus { Open, Closed };

[[nodiscard]] QString caseStatusName(CaseStatus status); ///< stable identifier: open, closed
[[nodiscard]] std::optional<CaseStatus> caseStatusFromName(const QString& name);

/// A case or incident that reads and other findings are attached to, and that evidence holds and exports name.
struct Case {
    qint64 id = 0;
    QString number; ///< upper case, in the agency's case-number format
    QString title;
    QString leadDetective;
    CaseStatus status = CaseStatus::Open;
    QDateTime createdUtc;
    QString createdBy;
};

/// One thing attached to a case: kind names what item id refers to ("read" = a read id; other capabilities use
/// their own kinds, e.g. "canvass", "watch", "hit").
struct CaseItem {
    QString kind;
    qint64 itemId = 0;
    QString addedBy;
    QDateTime addedUtc;
};

} // namespace alpr
