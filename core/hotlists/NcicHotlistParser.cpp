#include "hotlists/NcicHotlistParser.h"

#include "hotlists/FixedWidthLayout.h"
#include "hotlists/HotlistText.h"

#include <QHash>

namespace alpr {

namespace {

const FixedWidthLayout& ncicLayout()
{
    static const FixedWidthLayout l({{QStringLiteral("type"), 1, 1},
                                     {QStringLiteral("nic"), 2, 9},
                                     {QStringLiteral("ori"), 11, 9},
                                     {QStringLiteral("date"), 20, 8},
                                     {QStringLiteral("plate"), 28, 10},
                                     {QStringLiteral("state"), 38, 2},
                                     {QStringLiteral("licenceYear"), 40, 4},
                                     {QStringLiteral("licenceType"), 44, 2},
                                     {QStringLiteral("vehicleYear"), 46, 4},
                                     {QStringLiteral("make"), 50, 4},
                                     {QStringLiteral("model"), 54, 3},
                                     {QStringLiteral("style"), 57, 2},
                                     {QStringLiteral("colour"), 59, 3}});
    return l;
}

const QHash<QChar, QString>& categories()
{
    static const QHash<QChar, QString> table{
        {u'V', HotlistCategory::StolenVehicle}, {u'P', HotlistCategory::StolenPlate},
        {u'W', HotlistCategory::WantedPerson},  {u'M', HotlistCategory::MissingPerson},
        {u'F', HotlistCategory::FelonyVehicle}, {u'A', HotlistCategory::AmberAlert},
    };
    return table;
}

} // namespace

HotlistParseResult NcicHotlistParser::parse(const QByteArray& data)
{
    HotlistParseResult result;
    const FixedWidthLayout& l = ncicLayout();
    const QList<QByteArray> lines = HotlistText::splitLines(data);
    for (int i = 0; i < lines.size(); ++i) {
        const QByteArray& line = lines[i];
        const int number = i + 1;
        if (line.trimmed().isEmpty())
            continue;
        ++result.lines;
        HotlistEntryInput e;
        e.line = number;
        if (auto reason = l.readPlateRecord(line, QStringLiteral("date"), QStringLiteral("incident date"), e)) {
            result.errors.append({number, *reason});
            continue;
        }
        const QString type = l.value(line, QStringLiteral("type"));
        e.category = categories().value(type.isEmpty() ? QChar() : type.front(), HotlistCategory::Other);
        e.clets.nic = l.value(line, QStringLiteral("nic"));
        e.clets.ori = l.value(line, QStringLiteral("ori"));
        QStringList vehicle;
        for (const char* name : {"vehicleYear", "make", "model", "style", "colour"}) {
            const QString v = l.value(line, QString::fromLatin1(name));
            if (!v.isEmpty())
                vehicle.append(v);
        }
        e.clets.vehicle = vehicle.join(QLatin1Char(' '));
        result.entries.append(e);
    }
    return result;
}

} // namespace alpr
