// Feeds arbitrary bytes to the Csv hot-list parser (core/hotlists/CsvHotlistParser): it must report bad lines or refuse
// the file, never crash, hang or read out of bounds.
#include "hotlists/CsvHotlistParser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const auto parsed = alpr::CsvHotlistParser::parse(bytes, alpr::HotlistCategory::Other);
    (void)parsed;
    return 0;
}
