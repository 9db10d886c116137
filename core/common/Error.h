#pragma once

#include <QString>

namespace alpr {

/// What went wrong, in terms a caller can act on. The CLI maps these to exit codes.
enum class ErrorCode {
    InvalidInput,         ///< the user's input is malformed (bad pattern, date, file format)
    NotFound,             ///< a named thing does not exist
    AuthenticationFailed, ///< wrong user name or password
    AccountLocked,        ///< too many failed logins
    AccountDisabled,
    TrainingMissing,      ///< no recorded or unexpired ALPR training
    PermissionDenied,     ///< the role may not do this
    PurposeRequired,      ///< access to ALPR data without purpose and case number
    VerificationFailed,   ///< an audit chain or evidence package does not verify
    Cancelled,            ///< the user cancelled; not a failure to show
    Io,                   ///< file system: unreadable, full, removed
    Database,             ///< the store refused an operation
    Corrupt,              ///< a file or record is damaged
    Unsupported,
    Internal,
};

/// An error as a value: a code, a message fit for a user, and detail for the diagnostic log.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString detail;

    [[nodiscard]] bool isCancellation() const { return code == ErrorCode::Cancelled; }
    [[nodiscard]] QString toString() const;
};

[[nodiscard]] Error makeError(ErrorCode code, QString message, QString detail = {});
[[nodiscard]] QString errorCodeName(ErrorCode code);

} // namespace alpr
