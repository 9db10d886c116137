#pragma once

#include "common/Result.h"

namespace alpr {

class PasswordPolicy {
public:
    static constexpr int kMinimumLength = 12;
    /// Long passphrases are welcome; a megabyte pasted by mistake is not.
    static constexpr int kMaximumLength = 1024;
    /// InvalidInput with a message saying what is wrong.
    [[nodiscard]] static VoidResult check(const QString& password, const QString& userName);
};

} // namespace alpr
