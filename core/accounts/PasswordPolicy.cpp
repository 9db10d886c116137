#include "accounts/PasswordPolicy.h"

namespace alpr {

VoidResult PasswordPolicy::check(const QString& password, const QString& userName)
{
    if (password.size() < kMinimumLength)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The password must have at least %1 characters").arg(kMinimumLength));
    if (password.size() > kMaximumLength)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The password may have at most %1 characters").arg(kMaximumLength));
    // A control character cannot be typed again at a login prompt the same way everywhere.
    for (const QChar c : password)
        if (c.category() == QChar::Other_Control)
            return fail(ErrorCode::InvalidInput, QStringLiteral("The password must not contain control characters"));
    // A password that is the user name with a suffix is the first guess of anyone who knows the name.
    if (userName.size() >= 3 && password.startsWith(userName, Qt::CaseInsensitive) &&
        password.size() - userName.size() < 6)
        return fail(ErrorCode::InvalidInput, QStringLiteral("The password must not be the user name with a short suffix"));
    return {};
}

} // namespace alpr
