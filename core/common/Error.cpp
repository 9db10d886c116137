#include "common/Error.h"

namespace alpr {

QString Error::toString() const
{
    return detail.isEmpty() ? message : message + QStringLiteral(" (") + detail + QLatin1Char(')');
}

Error makeError(ErrorCode code, QString message, QString detail)
{
    return Error{code, std::move(message), std::move(detail)};
}

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidInput: return QStringLiteral("invalid-input");
    case ErrorCode::NotFound: return QStringLiteral("not-found");
    case ErrorCode::AuthenticationFailed: return QStringLiteral("authentication-failed");
    case ErrorCode::AccountLocked: return QStringLiteral("account-locked");
    case ErrorCode::AccountDisabled: return QStringLiteral("account-disabled");
    case ErrorCode::TrainingMissing: return QStringLiteral("training-missing");
    case ErrorCode::PermissionDenied: return QStringLiteral("permission-denied");
    case ErrorCode::PurposeRequired: return QStringLiteral("purpose-required");
    case ErrorCode::VerificationFailed: return QStringLiteral("verification-failed");
    case ErrorCode::Cancelled: return QStringLiteral("cancelled");
    case ErrorCode::Io: return QStringLiteral("io");
    case ErrorCode::Database: return QStringLiteral("database");
    case ErrorCode::Corrupt: return QStringLiteral("corrupt");
    case ErrorCode::Unsupported: return QStringLiteral("unsupported");
    case ErrorCode::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("unknown");
}

} // namespace alpr
