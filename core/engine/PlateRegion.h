#pragma once

#include <QRect>

namespace alpr::engine {

/// Where a plate was in an earlier frame of the same footage: its box and whether the detector found it only in
/// the contrast-equalised view (then it is looked at again in that view: a washed-out plate stays washed out).
struct PlateRegion {
    QRect box;
    bool equalisedView = false;
};

} // namespace alpr::engine
