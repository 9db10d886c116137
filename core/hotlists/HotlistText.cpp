#include "hotlists/HotlistText.h"

#include "reads/PlateText.h"

#include <QDate>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>

namespace alpr {

namespace {
constexpr auto kStateCodes =
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK "
    "OR PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI AB BC MB NB NL NS NT NU ON PE QC SK YT US GV";
} // namespace

QList<QByteArray> HotlistText::splitLines(const QByteArray& data)
{
    QList<QByteArray> lines = data.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (QByteArray& line : lines)
        if (line.endsWith('\r'))
            line.chop(1);
    return lines;
}

std::optional<QString> HotlistText::notTextReason(const QByteArray& line)
{
    for (const char c : line) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return QStringLiteral("not text (control byte 0x%1)").arg(u, 2, 16, QLatin1Char('0'));
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString decoded = decoder.decode(line);
    if (decoder.hasError())
        return QStringLiteral("not text (invalid UTF-8)");
    return std::nullopt;
}

bool HotlistText::isStateCode(const QString& code)
{
    static const QSet<QString> codes = [] {
        QSet<QString> s;
        for (const QString& c : QString::fromLatin1(kStateCodes).split(QLatin1Char(' ')))
            s.insert(c);
        return s;
    }();
    return codes.contains(code);
}

std::optional<QString> HotlistText::compactDate(const QString& yyyymmdd)
{
    const QDate d = QDate::fromString(yyyymmdd, QStringLiteral("yyyyMMdd"));
    if (!d.isValid() || yyyymmdd.size() != 8)
        return std::nullopt;
    return d.toString(Qt::ISODate);
}

std::optional<QString> HotlistText::plateProblem(const QString& normalized)
{
    if (normalized.isEmpty())
        return QStringLiteral("empty plate");
    if (!PlateText::isValid(normalized))
        return QStringLiteral("plate \"%1\" is not 1-10 letters and digits").arg(normalized.left(20));
    return std::nullopt;
}

bool HotlistText::hasControlCharacters(const QString& text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
}

} // namespace alpr
