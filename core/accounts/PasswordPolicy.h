#pragma once

#include "common/Result.h"

namespace alpr {

class PasswordPolicy {
public:
    static constexpr int kMinimumLength = 12;
    /// InvalidInput with a message saying what is wrong.
    [[nodiscard]] static VoidResult check(const QString& password, const QString& userName);
};

} // namespace alpr
