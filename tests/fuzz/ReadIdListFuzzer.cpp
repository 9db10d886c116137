// Read ids as people type them ("12,15,20-24") in alprctl evidence/hold commands and the export dialog. A list that
// parses holds no duplicates and only positive ids, and a range can never make it huge.

#include "evidence/ReadIdList.h"

#include <QSet>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto ids = alpr::ReadIdList::parse(text);
    if (!ids)
        return 0;
    if (ids->isEmpty() || ids->size() > alpr::ReadIdList::kMaxIds)
        std::abort();
    QSet<qint64> seen;
    for (const qint64 id : *ids) {
        if (id <= 0 || seen.contains(id))
            std::abort();
        seen.insert(id);
    }
    return 0;
}
