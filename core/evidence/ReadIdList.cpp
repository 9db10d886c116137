#include "evidence/ReadIdList.h"

#include <QSet>
#include <QStringList>

namespace alpr {

Result<QList<qint64>> ReadIdList::parse(const QString& text)
{
    QList<qint64> out;
    QSet<qint64> seen;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList bounds = part.trimmed().split(QLatin1Char('-'));
        bool okFirst = false;
        bool okLast = false;
        const qint64 first = bounds.value(0).trimmed().toLongLong(&okFirst);
        const qint64 last = bounds.size() == 2 ? bounds.value(1).trimmed().toLongLong(&okLast) : first;
        if (!okFirst || (bounds.size() == 2 && !okLast) || bounds.size() > 2 || first <= 0 || last < first ||
            last - first >= kMaxIdsInOneRange)
            return fail(ErrorCode::InvalidInput,
                        QStringLiteral("'%1' is not a read id or range (e.g. 12,15,20-24)").arg(part.trimmed()));
        for (qint64 id = first; id <= last; ++id)
            if (!seen.contains(id)) {
                if (out.size() == kMaxIds)
                    return fail(
                        ErrorCode::InvalidInput,
                        QStringLiteral("More than %1 read ids; export or hold them in several parts").arg(kMaxIds));
                seen.insert(id);
                out.append(id);
            }
    }
    if (out.isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("No read ids given"));
    return out;
}

} // namespace alpr
