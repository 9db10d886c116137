#pragma once

#include <QString>

namespace alpr::requests {

/// Text a register keeps: at most maxLength characters and no control characters (line breaks and tabs only where
/// multiline), so a record prints on a report and a CSV row the way it was typed.
[[nodiscard]] inline bool isPlainText(const QString& text, qsizetype maxLength, bool multiline)
{
    if (text.size() > maxLength)
        return false;
    for (const QChar c : text)
        if ((c.unicode() < 0x20 && !(multiline && (c == u'\n' || c == u'\t'))) || c.unicode() == 0x7f)
            return false;
    return true;
}

} // namespace alpr::requests
