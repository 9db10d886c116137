#include "evidence/EvidenceReadsFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace alpr {

namespace {

QString csvField(const QString& value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n')) &&
        !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString optionalNumber(const std::optional<double>& value)
{
    return value ? QString::number(*value, 'f', 6) : QString();
}

QString optionalInteger(const std::optional<qint64>& value)
{
    return value ? QString::number(*value) : QString();
}

QJsonValue jsonNumber(const std::optional<double>& value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonValue jsonInteger(const std::optional<qint64>& value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

} // namespace

QString EvidenceReadsFormat::timeText(const QDateTime& utc)
{
    return utc.toUTC().toString(Qt::ISODate);
}

QString EvidenceReadsFormat::placeText(const PlateRead& read)
{
    if (!read.latitude || !read.longitude)
        return {};
    return QStringLiteral("%1, %2").arg(*read.latitude, 0, 'f', 5).arg(*read.longitude, 0, 'f', 5);
}

QByteArray EvidenceReadsFormat::csv(const QList<EvidenceReadEntry>& reads)
{
    QString out = QStringLiteral("read_id,plate,confidence,time_utc,latitude,longitude,unit,source_file,"
                                 "source_offset_ms,frame,alternatives,crop_image,context_image\r\n");
    for (const EvidenceReadEntry& e : reads) {
        const PlateRead& r = e.read;
        QStringList alternatives;
        for (const PlateCandidate& c : r.alternatives)
            alternatives.append(QStringLiteral("%1:%2").arg(c.plate).arg(c.confidence, 0, 'f', 3));
        const QStringList fields{QString::number(r.id),
                                 r.plate,
                                 QString::number(r.confidence, 'f', 3),
                                 timeText(r.timeUtc),
                                 optionalNumber(r.latitude),
                                 optionalNumber(r.longitude),
                                 r.unitId,
                                 r.sourceFile,
                                 optionalInteger(r.sourceOffsetMs),
                                 optionalInteger(r.frame),
                                 alternatives.join(QLatin1Char(';')),
                                 e.cropFile,
                                 e.contextFile};
        QStringList escaped;
        for (const QString& f : fields)
            escaped.append(csvField(f));
        out += escaped.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

QByteArray EvidenceReadsFormat::json(const EvidenceReportData& data, const QList<CaseItem>& caseItems)
{
    QJsonArray reads;
    for (const EvidenceReadEntry& e : data.reads) {
        const PlateRead& r = e.read;
        QJsonArray alternatives;
        for (const PlateCandidate& c : r.alternatives)
            alternatives.append(
                QJsonObject{{QStringLiteral("plate"), c.plate}, {QStringLiteral("confidence"), c.confidence}});
        reads.append(
            QJsonObject{{QStringLiteral("read_id"), r.id},
                        {QStringLiteral("plate"), r.plate},
                        {QStringLiteral("confidence"), r.confidence},
                        {QStringLiteral("time_utc"), timeText(r.timeUtc)},
                        {QStringLiteral("latitude"), jsonNumber(r.latitude)},
                        {QStringLiteral("longitude"), jsonNumber(r.longitude)},
                        {QStringLiteral("unit"), r.unitId},
                        {QStringLiteral("source_file"), r.sourceFile},
                        {QStringLiteral("source_offset_ms"), jsonInteger(r.sourceOffsetMs)},
                        {QStringLiteral("frame"), jsonInteger(r.frame)},
                        {QStringLiteral("alternatives"), alternatives},
                        {QStringLiteral("crop_image"), e.cropFile.isEmpty() ? QJsonValue() : e.cropFile},
                        {QStringLiteral("context_image"), e.contextFile.isEmpty() ? QJsonValue() : e.contextFile}});
    }
    QJsonArray items;
    for (const CaseItem& item : caseItems)
        items.append(QJsonObject{{QStringLiteral("kind"), item.kind},
                                 {QStringLiteral("id"), item.itemId},
                                 {QStringLiteral("added_by"), item.addedBy},
                                 {QStringLiteral("added_utc"), timeText(item.addedUtc)}});
    const Case& c = data.caseInfo;
    QJsonObject root{
        {QStringLiteral("format"), QLatin1String(kFormatName)},
        {QStringLiteral("package"), data.packageName},
        {QStringLiteral("case"), QJsonObject{{QStringLiteral("number"), c.number},
                                             {QStringLiteral("title"), c.title},
                                             {QStringLiteral("lead_detective"), c.leadDetective},
                                             {QStringLiteral("status"), caseStatusName(c.status)},
                                             {QStringLiteral("created_utc"), timeText(c.createdUtc)}}},
        {QStringLiteral("exported_by"), QJsonObject{{QStringLiteral("account"), data.exportedBy},
                                                    {QStringLiteral("name"), data.exportedByFullName},
                                                    {QStringLiteral("role"), data.exportedByRole}}},
        {QStringLiteral("exported_utc"), timeText(data.exportedUtc)},
        {QStringLiteral("workstation"), data.workstation},
        {QStringLiteral("purpose"), data.purpose},
        {QStringLiteral("reads"), reads},
        {QStringLiteral("case_items"), items}};
    if (!data.redaction.isEmpty())
        root.insert(QStringLiteral("redaction"), data.redaction);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace alpr
