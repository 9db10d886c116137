// GPS tracks that come with footage (GPX 1.0/1.1 tracks and routes, NMEA 0183 RMC logs), detected by content.
// Every fix a parsed track holds, and every position it answers before, inside and after it, is a position on the
// globe with a valid time: reads are stamped with these positions and end up in canvass results and evidence.

#include "engine/GeoTrack.h"

#include <cstdint>
#include <cstdlib>

namespace {

bool onTheGlobe(const alpr::engine::GeoPoint& p)
{
    // Written so that NaN fails every comparison and is refused.
    return p.latitude >= -90.0 && p.latitude <= 90.0 && p.longitude >= -180.0 && p.longitude <= 180.0 &&
           p.timeUtc.isValid();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // Raw data, not a copy: a read past the input's end is then a read past the fuzzer's buffer, which ASan sees.
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto track = alpr::engine::GeoTrack::parse(bytes);
    if (!track)
        return 0;
    const QList<alpr::engine::GeoPoint>& points = track->points();
    if (points.isEmpty())
        std::abort(); // parse() promises at least one timed fix
    for (const alpr::engine::GeoPoint& p : points)
        if (!onTheGlobe(p))
            std::abort();
    const QDateTime first = points.first().timeUtc;
    const QDateTime last = points.last().timeUtc;
    for (const QDateTime& t : {first.addSecs(-60), first, first.addMSecs(first.msecsTo(last) / 2), last,
                               last.addMSecs(1500), last.addSecs(3600)}) {
        const auto position = track->positionAt(t);
        if (position && !onTheGlobe(*position))
            std::abort();
    }
    return 0;
}
