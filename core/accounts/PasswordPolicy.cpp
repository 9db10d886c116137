#include "accounts/PasswordPolicy.h"

namespace alpr {

VoidResult PasswordPolicy::check(const QString& password, const QString& userName)
{
    if (password.size() < kMinimumLength)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The password must have at least %1 characters").arg(kMinimumLength));
    if (!userName.isEmpty() && password.contains(userName, Qt::CaseInsensitive))
        return fail(ErrorCode::InvalidInput, QStringLiteral("The password must not contain the user name"));
    return {};
}

} // namespace alpr
