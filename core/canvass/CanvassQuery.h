#pragma once

#include "canvass/CanvassArea.h"

#include <QDateTime>

namespace alpr {

/// An area and a time window. Both ends of the window are inclusive, to the second (reads keep whole seconds):
/// a canvass from 18:00:00 to 20:00:00 includes a read at exactly 20:00:00.
struct CanvassQuery {
    static constexpr int kMaximumWindowDays = 31;

    CanvassArea area;
    QDateTime fromUtc;
    QDateTime toUtc;

    /// InvalidInput for a bad area, a missing or reversed window, or one longer than 31 days (a canvass is about
    /// an incident; longer spans belong to a plate search).
    [[nodiscard]] VoidResult validate() const;
    /// Area and window as one JSON object, for the audit trail and saved scenes.
    [[nodiscard]] QJsonObject toJson() const;

    friend bool operator==(const CanvassQuery&, const CanvassQuery&) = default;
};

} // namespace alpr
