#include "transfers/TransferManifest.h"

#include "transfers/TransferJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace alpr {

namespace {

constexpr qsizetype kMaxFiles = 2'000'000;

Result<QDateTime> parseTime(const QJsonValue& value, const QString& what)
{
    QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!value.isString() || !t.isValid() || t.timeSpec() == Qt::LocalTime)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The manifest's %1 is not an ISO 8601 UTC time such as 2026-11-30T23:59:59Z").arg(what));
    return t.toUTC();
}

} // namespace

QString TransferManifest::readsFormatName(ReadsFormat format)
{
    return format == ReadsFormat::OpenAlpr ? QStringLiteral("openalpr") : QStringLiteral("alpr-reads/1");
}

const TransferManifest::File* TransferManifest::file(const QString& path) const
{
    for (const File& f : files)
        if (f.path == path)
            return &f;
    return nullptr;
}

Result<TransferManifest> TransferManifest::parse(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return fail(ErrorCode::InvalidInput, QStringLiteral("The manifest is not a JSON object"), error.errorString());
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toString() != QLatin1String(kFormat))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The manifest's format is not %1").arg(QLatin1String(kFormat)));
    TransferManifest m;
    const QString readsFormat = o.value(QStringLiteral("reads_format")).toString();
    if (readsFormat == readsFormatName(ReadsFormat::AlprReads))
        m.readsFormat = ReadsFormat::AlprReads;
    else if (readsFormat == readsFormatName(ReadsFormat::OpenAlpr))
        m.readsFormat = ReadsFormat::OpenAlpr;
    else
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The manifest's reads_format is neither alpr-reads/1 nor openalpr"));
    m.unitId = o.value(QStringLiteral("unit")).toString();
    static const QRegularExpression unitFormat(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$"));
    if (!unitFormat.match(m.unitId).hasMatch())
        return fail(ErrorCode::InvalidInput, QStringLiteral("The manifest names no valid unit id"));
    const QJsonObject period = o.value(QStringLiteral("period")).toObject();
    auto from = parseTime(period.value(QStringLiteral("from")), QStringLiteral("period start"));
    if (!from)
        return std::unexpected(from.error());
    auto to = parseTime(period.value(QStringLiteral("to")), QStringLiteral("period end"));
    if (!to)
        return std::unexpected(to.error());
    if (*to < *from)
        return fail(ErrorCode::InvalidInput, QStringLiteral("The manifest's period ends before it starts"));
    m.periodFromUtc = *from;
    m.periodToUtc = *to;
    const QJsonValue count = o.value(QStringLiteral("read_count"));
    if (!count.isDouble() || count.toDouble() < 0 || count.toDouble() != double(count.toInteger()))
        return fail(ErrorCode::InvalidInput, QStringLiteral("The manifest's read_count is not a whole number"));
    m.readCount = count.toInteger();
    m.software = o.value(QStringLiteral("software")).toString().left(200);

    static const QRegularExpression hexHash(QStringLiteral("^[0-9a-f]{64}$"));
    const QJsonArray files = o.value(QStringLiteral("files")).toArray();
    if (files.size() > kMaxFiles)
        return fail(ErrorCode::InvalidInput, QStringLiteral("The manifest lists too many files"));
    QSet<QString> seen;
    bool anyReads = false;
    for (const QJsonValue& v : files) {
        const QJsonObject f = v.toObject();
        File file;
        file.path = f.value(QStringLiteral("path")).toString();
        file.sha256 = f.value(QStringLiteral("sha256")).toString();
        const QJsonValue bytes = f.value(QStringLiteral("bytes"));
        const QString kind = f.value(QStringLiteral("kind")).toString();
        if (!TransferJson::isSafeRelativePath(file.path) || file.path == QLatin1String(kFileName))
            return fail(ErrorCode::InvalidInput,
                        QStringLiteral("The manifest lists a file outside the offload: '%1'").arg(file.path.left(100)));
        if (seen.contains(file.path))
            return fail(ErrorCode::InvalidInput, QStringLiteral("The manifest lists %1 twice").arg(file.path));
        seen.insert(file.path);
        if (!hexHash.match(file.sha256).hasMatch())
            return fail(ErrorCode::InvalidInput,
                        QStringLiteral("The manifest's SHA-256 of %1 is not 64 lower-case hex digits").arg(file.path));
        if (!bytes.isDouble() || bytes.toDouble() < 0 || bytes.toDouble() != double(bytes.toInteger()))
            return fail(ErrorCode::InvalidInput, QStringLiteral("The manifest's size of %1 is not a number").arg(file.path));
        file.bytes = bytes.toInteger();
        if (kind != QLatin1String("reads") && kind != QLatin1String("image"))
            return fail(ErrorCode::InvalidInput, QStringLiteral("The manifest's kind of %1 is neither reads nor image")
                                                     .arg(file.path));
        file.isReads = kind == QLatin1String("reads");
        anyReads = anyReads || file.isReads;
        m.files.append(file);
    }
    if (!anyReads)
        return fail(ErrorCode::InvalidInput, QStringLiteral("The manifest lists no reads file"));
    for (const QJsonValue& v : o.value(QStringLiteral("undock_events")).toArray()) {
        const QJsonObject e = v.toObject();
        auto eventFrom = parseTime(e.value(QStringLiteral("from")), QStringLiteral("undock event start"));
        if (!eventFrom)
            return std::unexpected(eventFrom.error());
        auto eventTo = parseTime(e.value(QStringLiteral("to")), QStringLiteral("undock event end"));
        if (!eventTo)
            return std::unexpected(eventTo.error());
        if (*eventTo < *eventFrom)
            return fail(ErrorCode::InvalidInput, QStringLiteral("An undock event in the manifest ends before it starts"));
        m.undockEvents.append({*eventFrom, *eventTo});
    }
    return m;
}

} // namespace alpr
