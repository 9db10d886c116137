// Plate patterns as detectives type them (search box, alprctl search, watch entries): PlatePattern::parse is the
// gate for that input. Beyond not crashing, the normalized text a pattern reports (what the audit trail records and
// a saved watch is read back from) must parse back to the same pattern.

#include "search/PlatePattern.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto pattern = alpr::PlatePattern::parse(text);
    if (!pattern)
        return 0;
    const auto again = alpr::PlatePattern::parse(pattern->text());
    if (!again || again->tokens() != pattern->tokens())
        std::abort();
    for (const alpr::PlatePattern& variant : pattern->withOneEdit())
        (void)variant.text();
    (void)pattern->isLiteral();
    (void)pattern->hasStar();
    return 0;
}
