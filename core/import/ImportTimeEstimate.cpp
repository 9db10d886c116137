#include "import/ImportTimeEstimate.h"

#include <cmath>

namespace alpr {

std::optional<qint64> ImportTimeEstimate::secondsLeft(qint64 workDone, qint64 workLeft, qint64 activeMs)
{
    if (workLeft <= 0)
        return 0;
    if (workDone <= 0 || activeMs < minimumActiveMs)
        return std::nullopt;
    const double msPerUnit = double(activeMs) / double(workDone);
    return qint64(std::ceil(msPerUnit * double(workLeft) / 1000.0));
}

} // namespace alpr
