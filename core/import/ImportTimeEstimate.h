#pragma once

#include <QtGlobal>

#include <optional>

namespace alpr {

/// Time left of a long job from the rate measured so far (bytes of footage, frames of a file): the rate of this
/// run only, over the time it was actually working (pauses excluded), so a resumed queue or a coffee break does
/// not skew it.
class ImportTimeEstimate {
public:
    /// Under this much measured work the rate is noise (file opening, the model loading) and no estimate is given.
    static constexpr qint64 minimumActiveMs = 2000;

    [[nodiscard]] static std::optional<qint64> secondsLeft(qint64 workDone, qint64 workLeft, qint64 activeMs);
};

} // namespace alpr
