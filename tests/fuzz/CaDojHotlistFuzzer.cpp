// Feeds arbitrary bytes to the CaDoj hot-list parser (core/hotlists/CaDojHotlistParser): it must report bad lines or
// refuse the file, never crash, hang or read out of bounds.
#include "hotlists/CaDojHotlistParser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const auto parsed = alpr::CaDojHotlistParser::parse(bytes, alpr::HotlistCategory::StolenVehicle);
    (void)parsed;
    return 0;
}
