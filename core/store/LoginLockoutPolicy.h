#pragma once

#include "common/Result.h"

#include <QJsonObject>

#include <chrono>

namespace alpr::store {

/// When repeated failed logins lock an account, for how long, and how long each failure is answered late. Kept in
/// the key slot file because it must be read before the store is open; a Commander changes it (AccountService).
struct LoginLockoutPolicy {
    static constexpr int kDefaultFailures = 5;
    static constexpr int kDefaultWindowMinutes = 15;
    static constexpr int kDefaultLockMinutes = 15;
    static constexpr int kDefaultFirstDelayMs = 1000;
    static constexpr int kDefaultMaxDelayMs = 16000;

    int failures = kDefaultFailures;           ///< this many failures within the window lock the account
    int windowMinutes = kDefaultWindowMinutes; ///< failures older than this are forgotten
    int lockMinutes = kDefaultLockMinutes;     ///< 0: locked until a Commander unlocks it
    int firstDelayMs = kDefaultFirstDelayMs;   ///< the answer to the first failure waits this long, doubling after
    int maxDelayMs = kDefaultMaxDelayMs;

    /// How long the answer to the n-th failure within the window waits (n >= 1): first, 2x, 4x ... up to the cap.
    [[nodiscard]] std::chrono::milliseconds delayAfterFailure(int n) const;
    /// InvalidInput with a message naming the field when a value is out of its range.
    [[nodiscard]] VoidResult validate() const;
    /// One line for people: "5 failures in 15 minutes lock for 15 minutes".
    [[nodiscard]] QString describe() const;

    [[nodiscard]] QJsonObject toJson() const;
    /// Missing fields keep their defaults; out-of-range values give the defaults back (a damaged policy must not
    /// switch the lockout off).
    [[nodiscard]] static LoginLockoutPolicy fromJson(const QJsonObject& json);

    friend bool operator==(const LoginLockoutPolicy&, const LoginLockoutPolicy&) = default;
};

} // namespace alpr::store
