#include "canvass/CanvassExport.h"

#include <QIODevice>
#include <QXmlStreamWriter>

namespace alpr {

namespace {

QString csvCell(QString text)
{
    if (!text.isEmpty() && QStringLiteral("=+-@").contains(text.front()))
        text.prepend(QLatin1Char('\''));
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n')) ||
        text.contains(QLatin1Char('\r'))) {
        text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

QString isoUtc(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODate);
}

} // namespace

QString CanvassExport::describeWindow(const CanvassQuery& query)
{
    const QDateTime from = query.fromUtc.toUTC();
    const QDateTime to = query.toUtc.toUTC();
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm:ss");
    return from.toString(format) + QStringLiteral(" to ") +
           (from.date() == to.date() ? to.toString(QStringLiteral("HH:mm:ss")) : to.toString(format)) +
           QStringLiteral(" UTC");
}

VoidResult CanvassExport::writeCsv(QIODevice& device, const CanvassResult& result)
{
    QHash<QString, const CanvassPlateGroup*> groupOfPlate;
    for (const CanvassPlateGroup& group : result.plates)
        groupOfPlate.insert(group.plate, &group);
    QByteArray out = "read_id,plate,time_utc,latitude,longitude,unit,confidence,distance_m,plate_reads,"
                     "plate_first_utc,plate_last_utc,other_scenes\r\n";
    for (const CanvassRead& read : result.reads) {
        const CanvassPlateGroup* group = groupOfPlate.value(read.plate);
        const QStringList cells{QString::number(read.id),
                                csvCell(read.plate),
                                isoUtc(read.timeUtc),
                                QString::number(read.position.latitude, 'f', 7),
                                QString::number(read.position.longitude, 'f', 7),
                                csvCell(read.unitId),
                                QString::number(read.confidence, 'f', 3),
                                QString::number(read.distanceMetres, 'f', 1),
                                QString::number(group ? group->count : 1),
                                group ? isoUtc(group->firstSeenUtc) : QString(),
                                group ? isoUtc(group->lastSeenUtc) : QString(),
                                group ? csvCell(group->otherScenes.join(QStringLiteral("; "))) : QString()};
        out += cells.join(QLatin1Char(',')).toUtf8() + "\r\n";
    }
    if (device.write(out) != out.size())
        return fail(ErrorCode::Io, QStringLiteral("The export could not be written"), device.errorString());
    return {};
}

VoidResult CanvassExport::writeKml(QIODevice& device, const CanvassResult& result)
{
    QXmlStreamWriter xml(&device);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("kml"));
    xml.writeDefaultNamespace(QStringLiteral("http://www.opengis.net/kml/2.2"));
    xml.writeStartElement(QStringLiteral("Document"));
    xml.writeTextElement(QStringLiteral("name"), QStringLiteral("Canvass, case %1").arg(result.purpose.caseNumber));
    xml.writeTextElement(QStringLiteral("description"), result.query.area.describe() + QStringLiteral("; ") +
                                                            describeWindow(result.query) +
                                                            QStringLiteral("; purpose: ") + result.purpose.purpose);

    xml.writeStartElement(QStringLiteral("Placemark"));
    xml.writeTextElement(QStringLiteral("name"), QStringLiteral("Canvass area"));
    xml.writeStartElement(QStringLiteral("Polygon"));
    xml.writeStartElement(QStringLiteral("outerBoundaryIs"));
    xml.writeStartElement(QStringLiteral("LinearRing"));
    QStringList coordinates;
    QList<GeoPoint> ring = result.query.area.outline();
    if (!ring.isEmpty())
        ring.append(ring.first()); // KML rings repeat their first point
    for (const GeoPoint& p : ring)
        coordinates.append(QStringLiteral("%1,%2,0").arg(p.longitude, 0, 'f', 7).arg(p.latitude, 0, 'f', 7));
    xml.writeTextElement(QStringLiteral("coordinates"), coordinates.join(QLatin1Char(' ')));
    xml.writeEndElement(); // LinearRing
    xml.writeEndElement(); // outerBoundaryIs
    xml.writeEndElement(); // Polygon
    xml.writeEndElement(); // Placemark

    for (const CanvassPlateGroup& group : result.plates) {
        xml.writeStartElement(QStringLiteral("Folder"));
        xml.writeTextElement(QStringLiteral("name"), QStringLiteral("%1 (%2)").arg(group.plate).arg(group.count));
        if (group.seenAtSeveralScenes())
            xml.writeTextElement(QStringLiteral("description"),
                                 QStringLiteral("Also read at: ") + group.otherScenes.join(QStringLiteral("; ")));
        for (int index : group.readIndexes) {
            const CanvassRead& read = result.reads[index];
            xml.writeStartElement(QStringLiteral("Placemark"));
            xml.writeTextElement(QStringLiteral("name"), read.plate);
            xml.writeTextElement(QStringLiteral("description"), QStringLiteral("read %1, unit %2, confidence %3")
                                                                    .arg(read.id)
                                                                    .arg(read.unitId)
                                                                    .arg(read.confidence, 0, 'f', 2));
            xml.writeStartElement(QStringLiteral("TimeStamp"));
            xml.writeTextElement(QStringLiteral("when"), isoUtc(read.timeUtc));
            xml.writeEndElement();
            xml.writeStartElement(QStringLiteral("Point"));
            xml.writeTextElement(QStringLiteral("coordinates"), QStringLiteral("%1,%2,0")
                                                                    .arg(read.position.longitude, 0, 'f', 7)
                                                                    .arg(read.position.latitude, 0, 'f', 7));
            xml.writeEndElement(); // Point
            xml.writeEndElement(); // Placemark
        }
        xml.writeEndElement(); // Folder
    }
    xml.writeEndElement(); // Document
    xml.writeEndElement(); // kml
    xml.writeEndDocument();
    if (xml.hasError())
        return fail(ErrorCode::Io, QStringLiteral("The export could not be written"), device.errorString());
    return {};
}

} // namespace alpr
