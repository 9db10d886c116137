// Fuzz target: OpenALPR's JSON results (alpr -j, alprd), one object a line (OpenAlprFormat::parseLine).
#include "transfers/OpenAlprFormat.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    for (const QByteArray& line : bytes.split('\n')) {
        auto reads = alpr::OpenAlprFormat::parseLine(line);
        if (!reads)
            continue;
        for (const auto& read : *reads)
            if (read.read.confidence < 0.0 || read.read.confidence > 1.0 || read.read.plate.isEmpty())
                __builtin_trap();
    }
    return 0;
}
