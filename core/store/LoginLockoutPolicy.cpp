#include "store/LoginLockoutPolicy.h"

#include <algorithm>

namespace alpr::store {

namespace {

constexpr int kMaxFailures = 100;
constexpr int kMaxWindowMinutes = 24 * 60;
constexpr int kMaxLockMinutes = 7 * 24 * 60;
constexpr int kMaxDelayMs = 60000;

} // namespace

std::chrono::milliseconds LoginLockoutPolicy::delayAfterFailure(int n) const
{
    if (n < 1 || firstDelayMs <= 0)
        return std::chrono::milliseconds(0);
    qint64 delay = firstDelayMs;
    for (int i = 1; i < n && delay < maxDelayMs; ++i)
        delay *= 2;
    return std::chrono::milliseconds(std::min<qint64>(delay, maxDelayMs));
}

VoidResult LoginLockoutPolicy::validate() const
{
    if (failures < 1 || failures > kMaxFailures)
        return fail(
            ErrorCode::InvalidInput,
            QStringLiteral("The number of failed logins that locks an account must be 1 to %1").arg(kMaxFailures));
    if (windowMinutes < 1 || windowMinutes > kMaxWindowMinutes)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The failure window must be 1 to %1 minutes").arg(kMaxWindowMinutes));
    if (lockMinutes < 0 || lockMinutes > kMaxLockMinutes)
        return fail(
            ErrorCode::InvalidInput,
            QStringLiteral("The lock must last 0 (until a Commander unlocks it) to %1 minutes").arg(kMaxLockMinutes));
    if (firstDelayMs < 0 || maxDelayMs < firstDelayMs || maxDelayMs > kMaxDelayMs)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The delay after a failed login must be 0 to %1 ms, the first no longer than the "
                                   "longest")
                        .arg(kMaxDelayMs));
    return {};
}

QString LoginLockoutPolicy::describe() const
{
    const QString lock = lockMinutes == 0 ? QStringLiteral("until a Commander unlocks it")
                                          : QStringLiteral("for %1 minutes").arg(lockMinutes);
    return QStringLiteral("%1 failed logins within %2 minutes lock the account %3; each failure is answered after "
                          "%4 ms, doubling up to %5 ms")
        .arg(failures)
        .arg(windowMinutes)
        .arg(lock)
        .arg(firstDelayMs)
        .arg(maxDelayMs);
}

QJsonObject LoginLockoutPolicy::toJson() const
{
    return {{QStringLiteral("failures"), failures},
            {QStringLiteral("windowMinutes"), windowMinutes},
            {QStringLiteral("lockMinutes"), lockMinutes},
            {QStringLiteral("firstDelayMs"), firstDelayMs},
            {QStringLiteral("maxDelayMs"), maxDelayMs}};
}

LoginLockoutPolicy LoginLockoutPolicy::fromJson(const QJsonObject& json)
{
    LoginLockoutPolicy p;
    p.failures = json.value(QStringLiteral("failures")).toInt(p.failures);
    p.windowMinutes = json.value(QStringLiteral("windowMinutes")).toInt(p.windowMinutes);
    p.lockMinutes = json.value(QStringLiteral("lockMinutes")).toInt(p.lockMinutes);
    p.firstDelayMs = json.value(QStringLiteral("firstDelayMs")).toInt(p.firstDelayMs);
    p.maxDelayMs = json.value(QStringLiteral("maxDelayMs")).toInt(p.maxDelayMs);
    return p.validate() ? p : LoginLockoutPolicy{};
}

} // namespace alpr::store
