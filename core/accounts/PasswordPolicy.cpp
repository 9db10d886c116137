#include "accounts/PasswordPolicy.h"

namespace alpr {

VoidResult PasswordPolicy::check(const QString& password, const QString& userName)
{
    if (password.size() < kMinimumLength)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The password must have at least %1 characters").arg(kMinimumLength));
    // A password that is the user name with a suffix is the first guess of anyone who knows the name.
    if (userName.size() >= 3 && password.startsWith(userName, Qt::CaseInsensitive) &&
        password.size() - userName.size() < 6)
        return fail(ErrorCode::InvalidInput, QStringLiteral("The password must not be the user name with a short suffix"));
    return {};
}

} // namespace alpr
