#include "transfers/OffloadWriter.h"

#include "transfers/TransferReadsFormat.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace alpr {

namespace {

Result<QString> sha256Of(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, QStringLiteral("%1 cannot be read").arg(path));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return fail(ErrorCode::Io, QStringLiteral("%1 cannot be read").arg(path));
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

OffloadWriter::OffloadWriter(const QString& directory, const QString& unitId, TransferManifest::ReadsFormat format)
    : m_directory(directory), m_unitId(unitId), m_format(format)
{
}

OffloadWriter::~OffloadWriter() = default;

VoidResult OffloadWriter::beginReadsFile(const QString& relativePath)
{
    const QString path = QDir(m_directory).filePath(relativePath);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return fail(ErrorCode::Io, QStringLiteral("%1 cannot be created").arg(QFileInfo(path).absolutePath()));
    m_readsFile = std::make_unique<QFile>(path);
    if (!m_readsFile->open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(ErrorCode::Io, QStringLiteral("%1 cannot be written").arg(path));
    m_files.append({relativePath, true});
    return {};
}

VoidResult OffloadWriter::writeLine(const QByteArray& line)
{
    if (!m_readsFile) {
        if (auto begun = beginReadsFile(QStringLiteral("reads.jsonl")); !begun)
            return begun;
    }
    if (m_readsFile->write(line + '\n') != line.size() + 1)
        return fail(ErrorCode::Io, QStringLiteral("%1 cannot be written").arg(m_readsFile->fileName()));
    return {};
}

VoidResult OffloadWriter::addRead(const TransferRead& read)
{
    if (auto written = writeLine(TransferReadsFormat::formatLine(read)); !written)
        return written;
    m_firstMs = m_readCount == 0 ? read.timeMs : std::min(m_firstMs, read.timeMs);
    m_lastMs = m_readCount == 0 ? read.timeMs : std::max(m_lastMs, read.timeMs);
    ++m_readCount;
    return {};
}

VoidResult OffloadWriter::addLine(const QByteArray& line, int readCount)
{
    if (auto written = writeLine(line); !written)
        return written;
    m_readCount += readCount;
    return {};
}

VoidResult OffloadWriter::addImage(const QString& relativePath, const QByteArray& bytes)
{
    const QString path = QDir(m_directory).filePath(relativePath);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return fail(ErrorCode::Io, QStringLiteral("%1 cannot be written").arg(path));
    m_files.append({relativePath, false});
    return {};
}

void OffloadWriter::setPeriod(const QDateTime& fromUtc, const QDateTime& toUtc)
{
    m_from = fromUtc.toUTC();
    m_to = toUtc.toUTC();
}

void OffloadWriter::addUndockEvent(const QDateTime& fromUtc, const QDateTime& toUtc)
{
    m_undockEvents.append({fromUtc.toUTC(), toUtc.toUTC()});
}

VoidResult OffloadWriter::finish()
{
    if (m_readsFile) {
        if (!m_readsFile->flush())
            return fail(ErrorCode::Io, QStringLiteral("%1 cannot be written").arg(m_readsFile->fileName()));
        m_readsFile->close();
    }
    QJsonArray files;
    for (const auto& [relative, isReads] : m_files) {
        const QString path = QDir(m_directory).filePath(relative);
        auto hash = sha256Of(path);
        if (!hash)
            return std::unexpected(hash.error());
        files.append(QJsonObject{{QStringLiteral("path"), relative},
                                 {QStringLiteral("kind"), isReads ? QStringLiteral("reads") : QStringLiteral("image")},
                                 {QStringLiteral("bytes"), QFileInfo(path).size()},
                                 {QStringLiteral("sha256"), *hash}});
    }
    const QDateTime from = m_from.isValid() ? m_from : QDateTime::fromMSecsSinceEpoch(m_firstMs / 1000 * 1000, Qt::UTC);
    const QDateTime to = m_to.isValid() ? m_to : QDateTime::fromMSecsSinceEpoch(m_lastMs / 1000 * 1000, Qt::UTC);
    QJsonObject manifest{{QStringLiteral("format"), QLatin1String(TransferManifest::kFormat)},
                         {QStringLiteral("reads_format"), TransferManifest::readsFormatName(m_format)},
                         {QStringLiteral("unit"), m_unitId},
                         {QStringLiteral("period"), QJsonObject{{QStringLiteral("from"), from.toString(Qt::ISODate)},
                                                                {QStringLiteral("to"), to.toString(Qt::ISODate)}}},
                         {QStringLiteral("read_count"), m_readCount},
                         {QStringLiteral("software"), QStringLiteral("alpr-workstation OffloadWriter")},
                         {QStringLiteral("files"), files}};
    if (!m_undockEvents.isEmpty()) {
        QJsonArray events;
        for (const TransferManifest::Interval& e : m_undockEvents)
            events.append(QJsonObject{{QStringLiteral("from"), e.fromUtc.toString(Qt::ISODate)},
                                      {QStringLiteral("to"), e.toUtc.toString(Qt::ISODate)}});
        manifest.insert(QStringLiteral("undock_events"), events);
    }
    // Written last and atomically: its presence is what tells a watched folder that the offload is complete.
    QSaveFile file(QDir(m_directory).filePath(QLatin1String(TransferManifest::kFileName)));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(manifest).toJson(QJsonDocument::Indented)) < 0 ||
        !file.commit())
        return fail(ErrorCode::Io, QStringLiteral("The manifest cannot be written in %1").arg(m_directory));
    return {};
}

} // namespace alpr
