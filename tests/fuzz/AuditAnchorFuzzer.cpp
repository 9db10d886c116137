// Feeds bytes to AuditAnchor::parse, the parser of the COUNT:HASH anchors auditors type into
// `alprctl audit verify --anchor` (and copy from reports and evidence packages).
#include "audit/AuditAnchor.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const auto anchor = alpr::AuditAnchor::parse(text);
    if (anchor) {
        // What parses must print back in the canonical form and parse to the same anchor.
        const auto again = alpr::AuditAnchor::parse(anchor->toString());
        if (!again || again->count != anchor->count || again->hash != anchor->hash || anchor->count <= 0 ||
            anchor->hash.size() != 64)
            __builtin_trap();
    }
    return 0;
}
