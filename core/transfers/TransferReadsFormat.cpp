#include "transfers/TransferReadsFormat.h"

#include "reads/PlateText.h"
#include "transfers/TransferJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace alpr {

Result<TransferRead> TransferReadsFormat::parseLine(const QByteArray& line)
{
    auto object = TransferJson::object(line);
    if (!object)
        return std::unexpected(object.error());
    const QJsonObject& o = *object;
    TransferRead t;
    const QDateTime time = QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime)
        return fail(ErrorCode::InvalidInput, QStringLiteral("time is not an ISO 8601 UTC time"));
    if (!TransferJson::isPlausibleTime(time.toMSecsSinceEpoch()))
        return fail(ErrorCode::InvalidInput, QStringLiteral("time is not between 1990 and 2100"));
    t.timeMs = time.toMSecsSinceEpoch();
    t.read.timeUtc = time.toUTC();
    auto plate = TransferJson::plate(o.value(QStringLiteral("plate")));
    if (!plate)
        return std::unexpected(plate.error());
    t.read.plate = *plate;
    auto confidence = TransferJson::fraction(o.value(QStringLiteral("confidence")), 1.0, QStringLiteral("confidence"));
    if (!confidence)
        return std::unexpected(confidence.error());
    t.read.confidence = *confidence;
    auto alternatives = TransferJson::alternatives(o.value(QStringLiteral("candidates")), 1.0, t.read.plate);
    if (!alternatives)
        return std::unexpected(alternatives.error());
    t.read.alternatives = *alternatives;
    if (auto position = TransferJson::position(o.value(QStringLiteral("lat")), o.value(QStringLiteral("lon")), t.read);
        !position)
        return std::unexpected(position.error());
    auto camera = TransferJson::name(o.value(QStringLiteral("camera")), QStringLiteral("camera"));
    auto unit = TransferJson::name(o.value(QStringLiteral("unit")), QStringLiteral("unit"));
    auto crop = TransferJson::fileName(o.value(QStringLiteral("crop")), QStringLiteral("crop"));
    auto context = TransferJson::fileName(o.value(QStringLiteral("image")), QStringLiteral("image"));
    for (const auto* field : {&camera, &unit, &crop, &context})
        if (!*field)
            return std::unexpected(field->error());
    t.camera = *camera;
    t.unitId = *unit;
    t.cropFile = *crop;
    t.contextFile = *context;
    if (o.contains(QStringLiteral("box"))) {
        auto box = TransferJson::box(o.value(QStringLiteral("box")));
        if (!box)
            return std::unexpected(box.error());
        t.box = *box;
    }
    return t;
}

QByteArray TransferReadsFormat::formatLine(const TransferRead& t)
{
    QJsonObject o{{QStringLiteral("time"),
                   QDateTime::fromMSecsSinceEpoch(t.timeMs, Qt::UTC).toString(Qt::ISODateWithMs)},
                  {QStringLiteral("plate"), t.read.plate},
                  {QStringLiteral("confidence"), t.read.confidence}};
    if (!t.read.alternatives.isEmpty()) {
        QJsonArray candidates;
        for (const PlateCandidate& c : t.read.alternatives)
            candidates.append(QJsonObject{{QStringLiteral("plate"), c.plate}, {QStringLiteral("confidence"), c.confidence}});
        o.insert(QStringLiteral("candidates"), candidates);
    }
    if (t.read.latitude && t.read.longitude) {
        o.insert(QStringLiteral("lat"), *t.read.latitude);
        o.insert(QStringLiteral("lon"), *t.read.longitude);
    }
    if (!t.camera.isEmpty())
        o.insert(QStringLiteral("camera"), t.camera);
    if (!t.unitId.isEmpty())
        o.insert(QStringLiteral("unit"), t.unitId);
    if (!t.box.isEmpty()) {
        QJsonArray box;
        for (const QString& n : t.box.split(QLatin1Char(',')))
            box.append(n.toInt());
        o.insert(QStringLiteral("box"), box);
    }
    if (!t.cropFile.isEmpty())
        o.insert(QStringLiteral("crop"), t.cropFile);
    if (!t.contextFile.isEmpty())
        o.insert(QStringLiteral("image"), t.contextFile);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace alpr
