// Feeds arbitrary bytes to the Ncic hot-list parser (core/hotlists/NcicHotlistParser): it must report bad lines or
// refuse the file, never crash, hang or read out of bounds.
#include "hotlists/NcicHotlistParser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const auto parsed = alpr::NcicHotlistParser::parse(bytes);
    (void)parsed;
    return 0;
}
