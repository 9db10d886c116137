#include "reads/PlateText.h"

namespace alpr {

QString PlateText::normalize(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u' ' || c == u'-' || c == u'.' || c == u'\t')
            continue;
        out += c.toUpper();
    }
    return out;
}

bool PlateText::isValid(const QString& normalized)
{
    if (normalized.isEmpty() || normalized.size() > 10)
        return false;
    for (const QChar c : normalized)
        if (!((c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')))
            return false;
    return true;
}

} // namespace alpr
