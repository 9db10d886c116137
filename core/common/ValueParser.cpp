#include "common/ValueParser.h"

#include <QStringList>

#include <cmath>

namespace alpr {

namespace {

Result<QString> checkedText(const QString& text, const QString& what)
{
    if (text.trimmed().isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("No %1 given").arg(what));
    if (text.size() > ValueParser::kMaxTextLength)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The %1 is longer than %2 characters").arg(what).arg(ValueParser::kMaxTextLength));
    for (const QChar c : text)
        if (c.category() == QChar::Other_Control)
            return fail(
                ErrorCode::InvalidInput,
                QStringLiteral("'%1' holds a control character; give a %2").arg(ValueParser::quoted(text), what));
    return text.trimmed();
}

// QDate::fromString(..., Qt::ISODate) reads the first ten characters and ignores the rest, so that
// "2026-05-30T25:00:00Z" (a time that does not exist) would silently become midnight of the 30th; it also takes
// any separator ("2026-05.05", found by ValueParserFuzzer). A date is accepted only if it prints back as typed.
QDate isoDate(const QString& text)
{
    const QDate d = QDate::fromString(text, Qt::ISODate);
    return d.isValid() && d.toString(Qt::ISODate) == text ? d : QDate();
}

} // namespace

QString ValueParser::quoted(const QString& text)
{
    QString out = text.left(kQuotedCharacters);
    for (QChar& c : out)
        if (c.category() == QChar::Other_Control || c.isSurrogate())
            c = QLatin1Char('?');
    return text.size() > kQuotedCharacters ? out + QStringLiteral("...") : out;
}

Result<QDate> ValueParser::date(const QString& text)
{
    auto checked = checkedText(text, QStringLiteral("date"));
    if (!checked)
        return std::unexpected(checked.error());
    const QDate d = isoDate(*checked);
    if (!d.isValid())
        return fail(ErrorCode::InvalidInput, QStringLiteral("'%1' is not a date (YYYY-MM-DD)").arg(quoted(text)));
    return d;
}

Result<QDateTime> ValueParser::utcTime(const QString& text, DayEdge bareDate)
{
    auto checked = checkedText(text, QStringLiteral("date or time"));
    if (!checked)
        return std::unexpected(checked.error());
    // A bare date first: QDateTime's ISO parser also takes one, as local midnight, which would make an end-of-day
    // bound ("audit list --to 2026-05-30") leave out the whole day.
    if (const QDate d = isoDate(*checked); d.isValid())
        return bareDate == DayEdge::End ? QDateTime(d, QTime(23, 59, 59, 999), Qt::UTC)
                                        : QDateTime(d, QTime(0, 0), Qt::UTC);
    QDateTime t = QDateTime::fromString(*checked, Qt::ISODateWithMs);
    if (!t.isValid())
        return fail(
            ErrorCode::InvalidInput,
            QStringLiteral("'%1' is not an ISO 8601 date or time such as 2026-05-30T18:00:00Z").arg(quoted(text)));
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC);
    return t.toUTC();
}

Result<double> ValueParser::number(const QString& text, const QString& name)
{
    auto checked = checkedText(text, name);
    if (!checked)
        return std::unexpected(checked.error());
    bool ok = false;
    const double value = checked->toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return fail(ErrorCode::InvalidInput, QStringLiteral("'%1' is not a number (%2)").arg(quoted(text), name));
    return value;
}

Result<LatLon> ValueParser::position(const QString& text)
{
    auto checked = checkedText(text, QStringLiteral("position"));
    if (!checked)
        return std::unexpected(checked.error());
    const QStringList parts = checked->split(QLatin1Char(','));
    bool latOk = false;
    bool lonOk = false;
    const LatLon p{parts.value(0).trimmed().toDouble(&latOk), parts.value(1).trimmed().toDouble(&lonOk)};
    // Written so that NaN, which compares false with everything, is refused too.
    const bool onTheGlobe = p.latitude >= -90.0 && p.latitude <= 90.0 && p.longitude >= -180.0 && p.longitude <= 180.0;
    if (parts.size() != 2 || !latOk || !lonOk || !onTheGlobe)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("'%1' is not a position: write LAT,LON in decimal degrees (latitude -90 to 90, "
                                   "longitude -180 to 180)")
                        .arg(quoted(text)));
    return p;
}

Result<QList<LatLon>> ValueParser::positions(const QString& text)
{
    auto checked = checkedText(text, QStringLiteral("list of positions"));
    if (!checked)
        return std::unexpected(checked.error());
    QList<LatLon> out;
    for (const QString& part : checked->split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        if (out.size() == kMaxPositions)
            return fail(ErrorCode::InvalidInput, QStringLiteral("More than %1 positions").arg(kMaxPositions));
        auto p = position(part);
        if (!p)
            return std::unexpected(p.error());
        out.append(*p);
    }
    return out;
}

} // namespace alpr
