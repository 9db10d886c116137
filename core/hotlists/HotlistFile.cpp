#include "hotlists/HotlistFile.h"

#include "hotlists/CaDojHotlistParser.h"
#include "hotlists/CsvHotlistParser.h"
#include "hotlists/NcicHotlistParser.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace alpr {

QString hotlistFormatName(HotlistFormat format)
{
    switch (format) {
    case HotlistFormat::Ncic:
        return QStringLiteral("ncic");
    case HotlistFormat::CaDoj:
        return QStringLiteral("cadoj");
    case HotlistFormat::Csv:
        return QStringLiteral("csv");
    }
    return {};
}

std::optional<HotlistFormat> hotlistFormatFromName(const QString& name)
{
    for (HotlistFormat f : {HotlistFormat::Ncic, HotlistFormat::CaDoj, HotlistFormat::Csv})
        if (hotlistFormatName(f) == name.trimmed().toLower())
            return f;
    return std::nullopt;
}

Result<HotlistParseResult> HotlistFile::parse(const QByteArray& data, HotlistFormat format, const QString& category)
{
    switch (format) {
    case HotlistFormat::Ncic:
        return NcicHotlistParser::parse(data);
    case HotlistFormat::CaDoj:
        return CaDojHotlistParser::parse(data, category);
    case HotlistFormat::Csv:
        return CsvHotlistParser::parse(data, category);
    }
    return fail(ErrorCode::Unsupported, QStringLiteral("Unknown hot-list format"));
}

Result<HotlistFileContents> HotlistFile::read(const QString& path, HotlistFormat format, const QString& category,
                                              qint64 maxBytes)
{
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile())
        return fail(ErrorCode::Io, QStringLiteral("Cannot read %1: no such file").arg(info.fileName()), path);
    if (info.size() > maxBytes)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("%1 is %2 MB, over the %3 MB limit for a hot-list file; nothing loaded")
                        .arg(info.fileName())
                        .arg(double(info.size()) / (1024 * 1024), 0, 'f', 1)
                        .arg(maxBytes / (1024 * 1024)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, QStringLiteral("Cannot read %1: %2").arg(info.fileName(), file.errorString()), path);
    // Read at most one byte past the limit: a file that grew after the size check is refused too.
    const QByteArray data = file.read(maxBytes + 1);
    if (data.size() > maxBytes)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("%1 is over the size limit; nothing loaded").arg(info.fileName()));
    if (file.error() != QFileDevice::NoError)
        return fail(ErrorCode::Io, QStringLiteral("Cannot read %1: %2").arg(info.fileName(), file.errorString()), path);
    auto parsed = parse(data, format, category);
    if (!parsed)
        return std::unexpected(parsed.error());
    HotlistFileContents contents;
    contents.fileName = info.fileName();
    contents.sha256 = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    contents.parsed = std::move(*parsed);
    return contents;
}

} // namespace alpr
