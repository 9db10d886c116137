#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace alpr {

/// What kind of outside request it is. All are non-law-enforcement: the policy refers them to the Records Supervisor.
enum class RequestKind { PublicRecords, Subpoena, Press, CivilDiscovery, Other };

/// Where a request stands. Received and UnderReview are open; the other three close it.
enum class RequestStatus { Received, UnderReview, ReleasedInPart, Denied, Withdrawn };

[[nodiscard]] QString requestKindName(RequestKind kind); ///< public-records, subpoena, press, civil-discovery, other
[[nodiscard]] QString requestKindDisplayName(RequestKind kind);
[[nodiscard]] std::optional<RequestKind> requestKindFromName(const QString& name);
[[nodiscard]] QString requestStatusName(RequestStatus status); ///< received, under-review, released-in-part ...
[[nodiscard]] QString requestStatusDisplayName(RequestStatus status);
[[nodiscard]] std::optional<RequestStatus> requestStatusFromName(const QString& name);
[[nodiscard]] inline bool requestIsOpen(RequestStatus status)
{
    return status == RequestStatus::Received || status == RequestStatus::UnderReview;
}

/// A non-law-enforcement request for stored ALPR data (public records act, subpoena, press, civil discovery), as
/// the register keeps it.
struct RecordsRequest {
    qint64 id = 0;
    QString requester;
    RequestKind kind = RequestKind::PublicRecords;
    QDate received;
    QString description; ///< what is asked for
    QDate due;           ///< the legal answer date, fixed at registration
    RequestStatus status = RequestStatus::Received;
    QString denialReason;
    QString assignedTo; ///< a Records Supervisor's (or the Commander's) account name; empty = not yet assigned
    QString caseNumber; ///< the case the released material was exported under
    qint64 holdId = 0;  ///< the legal hold placed from this request; 0 = none
    QString notes;
    QString createdBy;
    QDateTime createdUtc;
    QString updatedBy;
    QDateTime updatedUtc;

    [[nodiscard]] bool isOverdueOn(const QDate& day) const { return requestIsOpen(status) && day > due; }
};

/// What registering a request takes. received defaults to today.
struct NewRecordsRequest {
    QString requester;
    RequestKind kind = RequestKind::PublicRecords;
    QDate received;
    QString description;
};

/// A change to a request; unset fields stay as they are. Denying needs a reason.
struct RecordsRequestUpdate {
    std::optional<RequestStatus> status;
    std::optional<QString> denialReason;
    std::optional<QString> assignedTo;
    std::optional<QString> caseNumber;
    std::optional<QString> notes;
};

} // namespace alpr
