#pragma once

#include <QDateTime>

namespace alpr {

/// The source of "now". Injected everywhere time matters (training expiry, retention, audit) so tests use a
/// mock clock instead of sleeping.
class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual QDateTime nowUtc() const = 0;
};

class SystemClock final : public Clock {
public:
    [[nodiscard]] QDateTime nowUtc() const override;
    /// A process-wide instance for the apps.
    static const SystemClock& instance();
};

} // namespace alpr
