#include "transfers/TransferJson.h"

#include "reads/PlateText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace alpr {

bool TransferJson::isPlausibleTime(qint64 msSinceEpoch)
{
    constexpr qint64 kFirst = 631152000000LL;  // 1990-01-01T00:00:00Z
    constexpr qint64 kEnd = 4102444800000LL;   // 2100-01-01T00:00:00Z
    return msSinceEpoch >= kFirst && msSinceEpoch < kEnd;
}

Result<QJsonObject> TransferJson::object(const QByteArray& line)
{
    if (line.size() > kMaxLineBytes)
        return fail(ErrorCode::InvalidInput, QStringLiteral("the line is longer than 1 MiB"));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return fail(ErrorCode::InvalidInput, QStringLiteral("not a JSON object (cut off or damaged)"), error.errorString());
    return doc.object();
}

Result<QString> TransferJson::plate(const QJsonValue& value)
{
    const QString plate = PlateText::normalize(value.toString());
    if (!value.isString() || !PlateText::isValid(plate))
        return fail(ErrorCode::InvalidInput, QStringLiteral("plate is not 1-10 letters and digits"));
    return plate;
}

Result<double> TransferJson::fraction(const QJsonValue& value, double scale, const QString& what)
{
    const double v = value.toDouble(-1.0);
    if (!value.isDouble() || !std::isfinite(v) || v < 0.0 || v > scale)
        return fail(ErrorCode::InvalidInput, QStringLiteral("%1 is not a number from 0 to %2").arg(what).arg(scale));
    return v / scale;
}

Result<QList<PlateCandidate>> TransferJson::alternatives(const QJsonValue& candidates, double scale,
                                                        const QString& bestPlate)
{
    if (!candidates.isUndefined() && !candidates.isArray())
        return fail(ErrorCode::InvalidInput, QStringLiteral("candidates is not a list"));
    QList<PlateCandidate> out;
    for (const QJsonValue& v : candidates.toArray()) {
        auto candidate = plate(v.toObject().value(QStringLiteral("plate")));
        if (!candidate)
            return std::unexpected(candidate.error());
        auto score = fraction(v.toObject().value(QStringLiteral("confidence")), scale,
                              QStringLiteral("candidate confidence"));
        if (!score)
            return std::unexpected(score.error());
        // OpenALPR lists the best reading among its candidates; it is the read itself, not an alternative.
        if (*candidate != bestPlate && out.size() < kMaxAlternatives)
            out.append({*candidate, *score});
    }
    return out;
}

VoidResult TransferJson::position(const QJsonValue& latitude, const QJsonValue& longitude, PlateRead& read)
{
    if (latitude.isUndefined() && longitude.isUndefined())
        return {};
    if (latitude.isNull() && longitude.isNull())
        return {};
    const double lat = latitude.toDouble(1000.0);
    const double lon = longitude.toDouble(1000.0);
    if (!latitude.isDouble() || !longitude.isDouble() || !(std::abs(lat) <= 90.0) || !(std::abs(lon) <= 180.0))
        return fail(ErrorCode::InvalidInput, QStringLiteral("the position is not a latitude/longitude pair"));
    read.latitude = lat;
    read.longitude = lon;
    return {};
}

Result<QString> TransferJson::name(const QJsonValue& value, const QString& what)
{
    static const QRegularExpression format(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$"));
    if (value.isUndefined() || value.isNull())
        return QString();
    const QString text = value.isDouble() && value.toDouble() == double(value.toInteger())
                             ? QString::number(value.toInteger())
                             : value.toString();
    if (!format.match(text).hasMatch())
        return fail(ErrorCode::InvalidInput, QStringLiteral("%1 is not 1-40 letters, digits, '.', '_' or '-'").arg(what));
    return text;
}

Result<QString> TransferJson::fileName(const QJsonValue& value, const QString& what)
{
    if (value.isUndefined() || value.isNull())
        return QString();
    if (!value.isString() || !isSafeRelativePath(value.toString()))
        return fail(ErrorCode::InvalidInput, QStringLiteral("%1 is not a file name inside the offload").arg(what));
    return value.toString();
}

Result<QString> TransferJson::box(const QJsonValue& value)
{
    const QJsonArray a = value.toArray();
    QStringList parts;
    for (const QJsonValue& v : a)
        if (v.isDouble() && v.toDouble() >= 0 && v.toDouble() < 100000)
            parts.append(QString::number(qint64(v.toDouble())));
    if (!value.isArray() || a.size() != 4 || parts.size() != 4)
        return fail(ErrorCode::InvalidInput, QStringLiteral("box is not [x, y, width, height] in pixels"));
    return parts.join(QLatin1Char(','));
}

bool TransferJson::isSafeRelativePath(const QString& path)
{
    if (path.isEmpty() || path.size() > 300 || path.startsWith(QLatin1Char('/')) || path.contains(QLatin1Char('\\')) ||
        path.contains(QLatin1Char(':')))
        return false;
    for (const QString& part : path.split(QLatin1Char('/')))
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String(".."))
            return false;
    for (const QChar c : path)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    return true;
}

} // namespace alpr
