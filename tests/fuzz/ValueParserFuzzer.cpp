// Dates, times, positions, polygons and numbers as typed in alprctl's options (common/ValueParser, which every
// command uses). The first byte picks the parser, the rest is the text. Whatever it accepts must be usable as is:
// a date that is exactly what was typed, a valid UTC time, positions on the globe, a finite number.

#include "common/ValueParser.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>

namespace {

bool onTheGlobe(const alpr::LatLon& p)
{
    return p.latitude >= -90.0 && p.latitude <= 90.0 && p.longitude >= -180.0 && p.longitude <= 180.0;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using alpr::ValueParser;
    if (size == 0)
        return 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data + 1), static_cast<qsizetype>(size - 1));
    (void)ValueParser::quoted(text);
    switch (data[0] % 5) {
    case 0:
        // An accepted date is exactly what was typed: nothing after it ignored.
        if (const auto d = ValueParser::date(text); d && d->toString(Qt::ISODate) != text.trimmed())
            std::abort();
        break;
    case 1:
        for (const auto edge : {ValueParser::DayEdge::Start, ValueParser::DayEdge::End})
            if (const auto t = ValueParser::utcTime(text, edge); t && (!t->isValid() || t->timeSpec() != Qt::UTC))
                std::abort();
        break;
    case 2:
        if (const auto p = ValueParser::position(text); p && !onTheGlobe(*p))
            std::abort();
        break;
    case 3:
        if (const auto list = ValueParser::positions(text); list) {
            if (list->size() > ValueParser::kMaxPositions)
                std::abort();
            for (const alpr::LatLon& p : *list)
                if (!onTheGlobe(p))
                    std::abort();
        }
        break;
    default:
        if (const auto n = ValueParser::number(text, QStringLiteral("value")); n && !std::isfinite(*n))
            std::abort();
        break;
    }
    return 0;
}
