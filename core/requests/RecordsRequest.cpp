#include "requests/RecordsRequest.h"

namespace alpr {

namespace {
constexpr RequestKind kKinds[] = {RequestKind::PublicRecords, RequestKind::Subpoena, RequestKind::Press,
                                  RequestKind::CivilDiscovery, RequestKind::Other};
constexpr RequestStatus kStatuses[] = {RequestStatus::Received, RequestStatus::UnderReview,
                                       RequestStatus::ReleasedInPart, RequestStatus::Denied, RequestStatus::Withdrawn};
} // namespace

QString requestKindName(RequestKind kind)
{
    switch (kind) {
    case RequestKind::PublicRecords:
        return QStringLiteral("public-records");
    case RequestKind::Subpoena:
        return QStringLiteral("subpoena");
    case RequestKind::Press:
        return QStringLiteral("press");
    case RequestKind::CivilDiscovery:
        return QStringLiteral("civil-discovery");
    case RequestKind::Other:
        return QStringLiteral("other");
    }
    return {};
}

QString requestKindDisplayName(RequestKind kind)
{
    switch (kind) {
    case RequestKind::PublicRecords:
        return QStringLiteral("Public records act");
    case RequestKind::Subpoena:
        return QStringLiteral("Subpoena");
    case RequestKind::Press:
        return QStringLiteral("Press");
    case RequestKind::CivilDiscovery:
        return QStringLiteral("Civil discovery");
    case RequestKind::Other:
        return QStringLiteral("Other");
    }
    return {};
}

std::optional<RequestKind> requestKindFromName(const QString& name)
{
    for (RequestKind k : kKinds)
        if (requestKindName(k) == name.trimmed().toLower())
            return k;
    return std::nullopt;
}

QString requestStatusName(RequestStatus status)
{
    switch (status) {
    case RequestStatus::Received:
        return QStringLiteral("received");
    case RequestStatus::UnderReview:
        return QStringLiteral("under-review");
    case RequestStatus::ReleasedInPart:
        return QStringLiteral("released-in-part");
    case RequestStatus::Denied:
        return QStringLiteral("denied");
    case RequestStatus::Withdrawn:
        return QStringLiteral("withdrawn");
    }
    return {};
}

QString requestStatusDisplayName(RequestStatus status)
{
    switch (status) {
    case RequestStatus::Received:
        return QStringLiteral("Received");
    case RequestStatus::UnderReview:
        return QStringLiteral("Under review");
    case RequestStatus::ReleasedInPart:
        return QStringLiteral("Released in part");
    case RequestStatus::Denied:
        return QStringLiteral("Denied");
    case RequestStatus::Withdrawn:
        return QStringLiteral("Withdrawn");
    }
    return {};
}

std::optional<RequestStatus> requestStatusFromName(const QString& name)
{
    for (RequestStatus s : kStatuses)
        if (requestStatusName(s) == name.trimmed().toLower())
            return s;
    return std::nullopt;
}

} // namespace alpr
