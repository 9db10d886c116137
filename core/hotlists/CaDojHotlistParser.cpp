#include "hotlists/CaDojHotlistParser.h"

#include "hotlists/FixedWidthLayout.h"
#include "hotlists/HotlistText.h"

#include <QRegularExpression>

namespace alpr {

namespace {

const FixedWidthLayout& clewLayout()
{
    static const FixedWidthLayout l({{QStringLiteral("plate"), 1, 8},
                                     {QStringLiteral("state"), 9, 2},
                                     {QStringLiteral("county"), 11, 2},
                                     {QStringLiteral("lossDate"), 13, 8}});
    return l;
}

const QRegularExpression& headerPattern()
{
    static const QRegularExpression re(QStringLiteral("^DATE\\s+(\\d{8})\\s*$"));
    return re;
}

const QRegularExpression& trailerPattern()
{
    static const QRegularExpression re(QStringLiteral("^TOTAL RECORDS?\\s+(\\d{1,9})\\s*$"));
    return re;
}

} // namespace

Result<HotlistParseResult> CaDojHotlistParser::parse(const QByteArray& data, const QString& category)
{
    const FixedWidthLayout& l = clewLayout();
    QList<QByteArray> lines = HotlistText::splitLines(data);
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    if (lines.isEmpty() || !headerPattern().match(QString::fromLatin1(lines.first())).hasMatch())
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("Not a CA DOJ CLEW file: the first line is not \"DATE yyyymmdd\""));
    const auto trailer = trailerPattern().match(QString::fromLatin1(lines.last()));
    if (lines.size() < 2 || !trailer.hasMatch())
        return fail(
            ErrorCode::InvalidInput,
            QStringLiteral("The CA DOJ file has no \"TOTAL RECORD\" trailer: it was cut short; nothing loaded"));

    HotlistParseResult result;
    for (int i = 1; i + 1 < lines.size(); ++i) {
        const QByteArray& line = lines[i];
        const int number = i + 1;
        ++result.lines;
        HotlistEntryInput e;
        e.line = number;
        e.category = category;
        if (auto reason = l.readPlateRecord(line, QStringLiteral("lossDate"), QStringLiteral("date of loss"), e)) {
            result.errors.append({number, *reason});
            continue;
        }
        const QString county = l.value(line, QStringLiteral("county"));
        if (!county.isEmpty())
            e.notes = QStringLiteral("county %1").arg(county);
        result.entries.append(e);
    }
    const qint64 declared = trailer.captured(1).toLongLong();
    if (declared != result.lines)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The CA DOJ trailer says %1 records but the file has %2; nothing loaded")
                        .arg(declared)
                        .arg(result.lines));
    return result;
}

} // namespace alpr
