#pragma once

#include <QDateTime>
#include <QString>

namespace alpr {

/// A request to take a unit's ALPR off its vehicle or mount: who, why, from when to when, and what became of it.
struct UndockRequest {
    enum class Status { Pending, Approved, Denied, Returned };

    qint64 id = 0;
    QString unitId;
    QString requestedBy;
    QString reason;
    QDateTime fromUtc;
    QDateTime toUtc;
    QDateTime requestedUtc;
    Status status = Status::Pending;
    QString decidedBy;
    QDateTime decidedUtc;
    QString decisionNote;
    QDateTime returnedUtc;

    /// Approved, not returned, and past its end.
    [[nodiscard]] bool isOverdue(const QDateTime& nowUtc) const
    {
        return status == Status::Approved && toUtc.isValid() && toUtc < nowUtc;
    }
    /// Returned later than approved for.
    [[nodiscard]] bool wasReturnedLate() const
    {
        return status == Status::Returned && returnedUtc.isValid() && returnedUtc > toUtc;
    }
};

[[nodiscard]] QString undockStatusName(UndockRequest::Status status); ///< pending, approved, denied, returned

} // namespace alpr
