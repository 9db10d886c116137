// Fuzz target: an offload's manifest.json (TransferManifest::parse), the first thing read from a unit's USB stick.
#include "transfers/TransferManifest.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    if (auto manifest = alpr::TransferManifest::parse(bytes)) {
        // Whatever parses must name only paths inside the offload: relative, and no part of it "." or "..". A name
        // that merely contains two dots ("..o..", found by the fuzzer: the property used to say contains("..")) is
        // an ordinary file name inside the offload.
        for (const auto& file : manifest->files) {
            const QStringList parts = file.path.split(QLatin1Char('/'));
            if (file.path.startsWith(QLatin1Char('/')) || parts.contains(QLatin1String("..")) ||
                parts.contains(QLatin1String(".")))
                __builtin_trap();
        }
    }
    return 0;
}
