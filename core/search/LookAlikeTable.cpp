#include "search/LookAlikeTable.h"

#include <QFile>

namespace alpr {

namespace {
constexpr auto kAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
}

int LookAlikeTable::symbolOf(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'A' && u <= u'Z')
        return 10 + (u - u'A');
    return -1;
}

QChar LookAlikeTable::charOf(int symbol)
{
    return QLatin1Char(kAlphabet[symbol]);
}

LookAlikeTable::LookAlikeTable()
{
    for (int s = 0; s < kSymbolCount; ++s) {
        m_canonical[s] = s;
        m_groupMask[s] = std::uint64_t(1) << s;
    }
}

Result<LookAlikeTable> LookAlikeTable::fromText(const QString& text)
{
    LookAlikeTable table;
    std::uint64_t seen = 0;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int n = 0; n < lines.size(); ++n) {
        const QString line = lines[n].section(QLatin1Char('#'), 0, 0).trimmed();
        if (line.isEmpty())
            continue;
        std::uint64_t mask = 0;
        int first = -1;
        for (const QString& word : line.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const int s = word.size() == 1 ? symbolOf(word[0].toUpper()) : -1;
            if (s < 0)
                return fail(
                    ErrorCode::InvalidInput,
                    QStringLiteral("Look-alike table line %1: '%2' is not a plate character").arg(n + 1).arg(word));
            if (seen & (std::uint64_t(1) << s))
                return fail(
                    ErrorCode::InvalidInput,
                    QStringLiteral("Look-alike table line %1: '%2' is already in another group").arg(n + 1).arg(word));
            seen |= std::uint64_t(1) << s;
            mask |= std::uint64_t(1) << s;
            if (first < 0)
                first = s;
        }
        for (int s = 0; s < kSymbolCount; ++s) {
            if (mask & (std::uint64_t(1) << s)) {
                table.m_canonical[s] = first;
                table.m_groupMask[s] = mask;
            }
        }
    }
    return table;
}

const LookAlikeTable& LookAlikeTable::standard()
{
    static const LookAlikeTable table = [] {
        QFile file(QStringLiteral(":/alpr/search/lookalikes.txt"));
        const bool opened = file.open(QIODevice::ReadOnly);
        Q_ASSERT_X(opened, "LookAlikeTable", "the look-alike table resource is compiled in");
        auto parsed = fromText(QString::fromUtf8(file.readAll()));
        Q_ASSERT_X(parsed.has_value(), "LookAlikeTable", "the shipped look-alike table parses");
        return parsed.value_or(LookAlikeTable{});
    }();
    return table;
}

QString LookAlikeTable::canonicalText(const QString& plate) const
{
    QString out = plate;
    for (QChar& c : out) {
        const int s = symbolOf(c);
        if (s >= 0)
            c = charOf(m_canonical[s]);
    }
    return out;
}

} // namespace alpr
