// Fuzz target: our reads format (alpr-reads/1), one JSON object a line (TransferReadsFormat::parseLine); a parsed
// read is written back and must parse again, as a unit writing our format relies on.
#include "transfers/TransferReadsFormat.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    for (const QByteArray& line : bytes.split('\n')) {
        auto read = alpr::TransferReadsFormat::parseLine(line);
        if (!read)
            continue;
        if (!alpr::TransferReadsFormat::parseLine(alpr::TransferReadsFormat::formatLine(*read)))
            __builtin_trap();
    }
    return 0;
}
