#include "transfers/OpenAlprFormat.h"

#include "transfers/TransferJson.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace alpr {

namespace {

// OpenALPR 2.x writes epoch_time in milliseconds; 1.x wrote seconds. Anything below this is seconds (it is
// 1973 in milliseconds and year 5138 in seconds).
constexpr double kMillisecondsThreshold = 1e11;

Result<QString> boundingBox(const QJsonValue& coordinates)
{
    if (coordinates.isUndefined())
        return QString();
    const QJsonArray corners = coordinates.toArray();
    if (!coordinates.isArray() || corners.size() != 4)
        return fail(ErrorCode::InvalidInput, QStringLiteral("coordinates are not the plate's four corners"));
    double minX = 1e9, minY = 1e9, maxX = -1e9, maxY = -1e9;
    for (const QJsonValue& v : corners) {
        const QJsonValue x = v.toObject().value(QStringLiteral("x"));
        const QJsonValue y = v.toObject().value(QStringLiteral("y"));
        if (!x.isDouble() || !y.isDouble() || !std::isfinite(x.toDouble()) || !std::isfinite(y.toDouble()))
            return fail(ErrorCode::InvalidInput, QStringLiteral("a plate corner has no x and y"));
        minX = std::min(minX, x.toDouble());
        minY = std::min(minY, y.toDouble());
        maxX = std::max(maxX, x.toDouble());
        maxY = std::max(maxY, y.toDouble());
    }
    // Corners of a detection can fall just outside the frame; the box is clamped to it.
    minX = std::clamp(minX, 0.0, 99999.0);
    minY = std::clamp(minY, 0.0, 99999.0);
    maxX = std::clamp(maxX, minX, 99999.0);
    maxY = std::clamp(maxY, minY, 99999.0);
    return QStringLiteral("%1,%2,%3,%4")
        .arg(qint64(minX))
        .arg(qint64(minY))
        .arg(qint64(maxX - minX))
        .arg(qint64(maxY - minY));
}

} // namespace

Result<QList<TransferRead>> OpenAlprFormat::parseLine(const QByteArray& line)
{
    auto object = TransferJson::object(line);
    if (!object)
        return std::unexpected(object.error());
    const QJsonObject& o = *object;
    const QJsonValue dataType = o.value(QStringLiteral("data_type"));
    if (!dataType.isUndefined() && dataType.toString() != QLatin1String("alpr_results"))
        return QList<TransferRead>();
    const QJsonValue epoch = o.value(QStringLiteral("epoch_time"));
    const double epochValue = epoch.toDouble(-1.0);
    if (!epoch.isDouble() || !std::isfinite(epochValue) || epochValue <= 0 || epochValue > 1e14)
        return fail(ErrorCode::InvalidInput, QStringLiteral("epoch_time is not a time"));
    const qint64 timeMs = epochValue >= kMillisecondsThreshold ? qint64(epochValue) : qint64(epochValue * 1000.0);
    if (!TransferJson::isPlausibleTime(timeMs))
        return fail(ErrorCode::InvalidInput, QStringLiteral("epoch_time is not between 1990 and 2100"));
    auto camera = TransferJson::name(o.value(QStringLiteral("camera_id")), QStringLiteral("camera_id"));
    if (!camera)
        return std::unexpected(camera.error());
    auto uuid = TransferJson::name(o.value(QStringLiteral("uuid")), QStringLiteral("uuid"));
    if (!uuid)
        return std::unexpected(uuid.error());
    PlateRead where;
    if (auto position = TransferJson::position(o.value(QStringLiteral("gps_latitude")),
                                               o.value(QStringLiteral("gps_longitude")), where);
        !position)
        return std::unexpected(position.error());

    const QJsonValue results = o.value(QStringLiteral("results"));
    if (!results.isArray())
        return fail(ErrorCode::InvalidInput, QStringLiteral("results is not a list"));
    QList<TransferRead> out;
    for (const QJsonValue& value : results.toArray()) {
        const QJsonObject r = value.toObject();
        TransferRead t;
        t.timeMs = timeMs;
        t.read.timeUtc = QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC);
        t.read.latitude = where.latitude;
        t.read.longitude = where.longitude;
        t.camera = *camera;
        if (!uuid->isEmpty())
            t.contextFile = *uuid + QStringLiteral(".jpg");
        auto plate = TransferJson::plate(r.value(QStringLiteral("plate")));
        if (!plate)
            return std::unexpected(plate.error());
        t.read.plate = *plate;
        auto confidence =
            TransferJson::fraction(r.value(QStringLiteral("confidence")), 100.0, QStringLiteral("confidence"));
        if (!confidence)
            return std::unexpected(confidence.error());
        t.read.confidence = *confidence;
        auto alternatives = TransferJson::alternatives(r.value(QStringLiteral("candidates")), 100.0, t.read.plate);
        if (!alternatives)
            return std::unexpected(alternatives.error());
        t.read.alternatives = *alternatives;
        auto box = boundingBox(r.value(QStringLiteral("coordinates")));
        if (!box)
            return std::unexpected(box.error());
        t.box = *box;
        out.append(t);
    }
    return out;
}

} // namespace alpr
