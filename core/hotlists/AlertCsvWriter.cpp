#include "hotlists/AlertCsvWriter.h"

#include <QSaveFile>

namespace alpr {

namespace {

QString cell(QString text)
{
    if (!text.isEmpty() && QStringLiteral("=+-@").contains(text.front()))
        text.prepend(u'\'');
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r')) {
        text.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return u'"' + text + u'"';
    }
    return text;
}

QString clets(const Alert& a, const QString& value)
{
    return a.clets.redacted ? QStringLiteral("[redacted]") : value;
}

} // namespace

VoidResult AlertCsvWriter::write(const QList<Alert>& alerts, QIODevice& device)
{
    QStringList lines{QStringLiteral(
        "alert_id,verification,state,priority,created_utc,list,category,entry_plate,entry_state,matched_plate,"
        "match_kind,match,retro,read_id,read_time_utc,lat,lon,unit,reason,nic,ori,incident_date,record_vehicle,"
        "record_text,clets_reference,clets_outcome,reject_reason")};
    for (const Alert& a : alerts) {
        const QStringList cells{
            QString::number(a.id),
            a.verificationText(),
            alertStateName(a.state),
            HotlistPriority::name(a.priority),
            a.createdUtc.toString(Qt::ISODate),
            a.listName,
            a.category,
            a.entryPlate,
            a.entryState,
            a.matchedPlate,
            a.matchKind,
            a.explanation,
            a.retro ? QStringLiteral("yes") : QStringLiteral("no"),
            QString::number(a.read.id),
            a.read.timeUtc.toUTC().toString(Qt::ISODate),
            a.read.latitude ? QString::number(*a.read.latitude, 'f', 6) : QString(),
            a.read.longitude ? QString::number(*a.read.longitude, 'f', 6) : QString(),
            a.read.unitId,
            a.reason,
            clets(a, a.clets.nic),
            clets(a, a.clets.ori),
            clets(a, a.clets.incidentDate),
            clets(a, a.clets.vehicle),
            clets(a, a.clets.recordText),
            a.cletsReference,
            a.cletsOutcome,
            a.rejectReason,
        };
        QStringList quoted;
        for (const QString& c : cells)
            quoted.append(cell(c));
        lines.append(quoted.join(u','));
    }
    const QByteArray data = (lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8();
    if (device.write(data) != data.size())
        return fail(ErrorCode::Io, QStringLiteral("Could not write the alert export"), device.errorString());
    return {};
}

VoidResult AlertCsvWriter::writeFile(const QList<Alert>& alerts, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Io, QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    if (auto written = write(alerts, file); !written)
        return written;
    if (!file.commit())
        return fail(ErrorCode::Io, QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace alpr
