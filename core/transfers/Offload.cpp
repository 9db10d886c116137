#include "transfers/Offload.h"

#include "transfers/OpenAlprFormat.h"
#include "transfers/TransferReadsFormat.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace alpr {

namespace {

constexpr qint64 kChunkBytes = 1 << 20;
constexpr qint64 kMaxManifestBytes = 256 << 20;

std::unexpected<Error> rejected(const QString& reason)
{
    return fail(ErrorCode::VerificationFailed, reason);
}

} // namespace

Result<Offload> Offload::open(const QString& directory)
{
    const QFileInfo dir(directory);
    if (!dir.isDir())
        return fail(ErrorCode::NotFound, QStringLiteral("%1 is not a folder").arg(directory));
    QFile file(QDir(directory).filePath(QLatin1String(TransferManifest::kFileName)));
    if (!file.exists())
        return rejected(QStringLiteral("The offload has no %1: it is incomplete or not an offload")
                            .arg(QLatin1String(TransferManifest::kFileName)));
    if (file.size() > kMaxManifestBytes || !file.open(QIODevice::ReadOnly))
        return rejected(QStringLiteral("The offload's manifest cannot be read"));
    const QByteArray bytes = file.readAll();
    auto manifest = TransferManifest::parse(bytes);
    if (!manifest)
        return rejected(QStringLiteral("The offload's manifest is not valid: %1").arg(manifest.error().message));
    Offload offload;
    offload.m_directory = dir.absoluteFilePath();
    offload.m_manifest = *manifest;
    offload.m_manifestSha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    return offload;
}

qint64 Offload::totalBytes() const
{
    qint64 total = 0;
    for (const TransferManifest::File& f : m_manifest.files)
        total += f.bytes;
    return total;
}

Result<QList<TransferRead>> Offload::parseLine(const QByteArray& line) const
{
    if (m_manifest.readsFormat == TransferManifest::ReadsFormat::OpenAlpr)
        return OpenAlprFormat::parseLine(line);
    auto read = TransferReadsFormat::parseLine(line);
    if (!read)
        return std::unexpected(read.error());
    return QList<TransferRead>{*read};
}

VoidResult Offload::readLines(const TransferManifest::File& listed, const LineHandler& handler,
                              const std::function<void(qint64)>& onBytes, JobContext& job) const
{
    QFile file(QDir(m_directory).filePath(listed.path));
    if (!file.open(QIODevice::ReadOnly))
        return rejected(QStringLiteral("%1 is listed in the manifest but missing or unreadable").arg(listed.path));
    if (file.size() != listed.bytes)
        return rejected(file.size() < listed.bytes
                            ? QStringLiteral("%1 is truncated: %2 of %3 bytes").arg(listed.path).arg(file.size()).arg(listed.bytes)
                            : QStringLiteral("%1 is %2 bytes, the manifest says %3").arg(listed.path).arg(file.size()).arg(listed.bytes));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray pending;
    qint64 lineNumber = 0;
    std::optional<Error> firstProblem;
    auto handle = [&](const QByteArray& raw) {
        ++lineNumber;
        const QByteArray line = raw.endsWith('\r') ? raw.chopped(1) : raw;
        if (firstProblem || line.trimmed().isEmpty())
            return;
        if (auto handled = handler(line, lineNumber); !handled) {
            // A malformed line is the offload's fault and is reported with its place; anything else (the store,
            // cancellation) ends the walk as it is.
            if (handled.error().code == ErrorCode::InvalidInput)
                firstProblem = makeError(ErrorCode::VerificationFailed,
                                         QStringLiteral("%1 line %2: %3").arg(listed.path).arg(lineNumber).arg(handled.error().message),
                                         handled.error().detail);
            else
                firstProblem = handled.error();
        }
    };
    while (!file.atEnd()) {
        if (job.isCancelled())
            return fail(ErrorCode::Cancelled, QStringLiteral("Transfer cancelled"));
        const QByteArray chunk = file.read(kChunkBytes);
        if (chunk.isEmpty())
            return rejected(QStringLiteral("%1 cannot be read to its end").arg(listed.path));
        hash.addData(chunk);
        pending.append(chunk);
        qsizetype start = 0;
        for (qsizetype newline = pending.indexOf('\n'); newline >= 0; newline = pending.indexOf('\n', start)) {
            handle(pending.mid(start, newline - start));
            start = newline + 1;
        }
        pending.remove(0, start);
        if (pending.size() > 2 * (1 << 20))
            firstProblem = firstProblem.value_or(
                makeError(ErrorCode::VerificationFailed, QStringLiteral("%1 has a line over 1 MiB").arg(listed.path)));
        if (onBytes)
            onBytes(chunk.size());
        if (firstProblem && firstProblem->code != ErrorCode::VerificationFailed)
            break;
    }
    if (firstProblem && firstProblem->code != ErrorCode::VerificationFailed)
        return std::unexpected(*firstProblem);
    if (!pending.isEmpty())
        handle(pending);
    // A wrong hash explains a malformed line better than the line does: it is checked first.
    if (QString::fromLatin1(hash.result().toHex()) != listed.sha256)
        return rejected(QStringLiteral("%1 does not match its SHA-256 in the manifest: it was altered or damaged")
                            .arg(listed.path));
    if (firstProblem)
        return std::unexpected(*firstProblem);
    return {};
}

Result<OffloadCheck> Offload::verify(JobContext& job) const
{
    // Every file in the folder must be listed: an unlisted reads file would be data silently left behind.
    QSet<QString> listed;
    for (const TransferManifest::File& f : m_manifest.files)
        listed.insert(f.path);
    QDirIterator it(m_directory, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    const QDir root(m_directory);
    while (it.hasNext()) {
        const QString relative = root.relativeFilePath(it.next());
        if (relative == QLatin1String(TransferManifest::kFileName) || QFileInfo(relative).fileName().startsWith(QLatin1Char('.')))
            continue;
        if (!listed.contains(relative))
            return rejected(QStringLiteral("%1 is in the offload but not in its manifest").arg(relative));
    }

    OffloadCheck check;
    const qint64 total = std::max<qint64>(1, totalBytes());
    const qint64 periodEndMs = m_manifest.periodToUtc.toMSecsSinceEpoch() + 999;
    const qint64 periodStartMs = m_manifest.periodFromUtc.toMSecsSinceEpoch();
    auto progress = [&](qint64 bytes) {
        check.bytes += bytes;
        job.reportProgress(check.bytes, total, QStringLiteral("Verifying"));
    };
    for (const TransferManifest::File& f : m_manifest.files) {
        if (!f.isReads) {
            auto bytes = image(f.path);
            if (!bytes)
                return std::unexpected(bytes.error());
            progress(f.bytes);
            continue;
        }
        auto verified = readLines(
            f,
            [&](const QByteArray& line, qint64) -> VoidResult {
                auto reads = parseLine(line);
                if (!reads)
                    return std::unexpected(reads.error());
                if (reads->isEmpty())
                    ++check.linesWithoutReads;
                for (const TransferRead& t : *reads) {
                    if (!t.unitId.isEmpty() && t.unitId != m_manifest.unitId)
                        return fail(ErrorCode::InvalidInput,
                                    QStringLiteral("the read names unit %1, the manifest %2").arg(t.unitId, m_manifest.unitId));
                    if (t.timeMs < periodStartMs || t.timeMs > periodEndMs)
                        return fail(ErrorCode::InvalidInput,
                                    QStringLiteral("the read at %1 is outside the period the manifest declares")
                                        .arg(t.read.timeUtc.toString(Qt::ISODate)));
                    for (const QString& image : {t.cropFile, t.contextFile}) {
                        if (image.isEmpty() || listed.contains(image))
                            continue;
                        // The daemon's frames are optional (store_plates); our format names only images it wrote.
                        if (m_manifest.readsFormat == TransferManifest::ReadsFormat::AlprReads)
                            return fail(ErrorCode::InvalidInput,
                                        QStringLiteral("the read names %1, which is not in the manifest").arg(image));
                    }
                    if (!check.firstReadUtc.isValid() || t.read.timeUtc < check.firstReadUtc)
                        check.firstReadUtc = t.read.timeUtc;
                    if (!check.lastReadUtc.isValid() || t.read.timeUtc > check.lastReadUtc)
                        check.lastReadUtc = t.read.timeUtc;
                    ++check.reads;
                }
                return {};
            },
            progress, job);
        if (!verified)
            return std::unexpected(verified.error());
    }
    if (check.reads != m_manifest.readCount)
        return rejected(QStringLiteral("The manifest declares %1 reads; the offload holds %2")
                            .arg(m_manifest.readCount)
                            .arg(check.reads));
    return check;
}

VoidResult Offload::forEachBatch(qint64 skip, int batchSize, const BatchHandler& handler, JobContext& job) const
{
    QSet<QString> listed;
    for (const TransferManifest::File& f : m_manifest.files)
        listed.insert(f.path);
    qint64 seen = 0;
    QList<TransferRead> batch;
    auto flush = [&]() -> VoidResult {
        if (batch.isEmpty())
            return {};
        auto handled = guarded([&] { handler(batch, seen); });
        batch.clear();
        return handled;
    };
    for (const TransferManifest::File& f : m_manifest.files) {
        if (!f.isReads)
            continue;
        auto walked = readLines(
            f,
            [&](const QByteArray& line, qint64) -> VoidResult {
                auto reads = parseLine(line);
                if (!reads)
                    return std::unexpected(reads.error());
                for (TransferRead& t : *reads) {
                    if (++seen <= skip)
                        continue;
                    if (!listed.contains(t.contextFile))
                        t.contextFile.clear();
                    if (!listed.contains(t.cropFile))
                        t.cropFile.clear();
                    batch.append(std::move(t));
                    if (batch.size() >= batchSize) {
                        if (auto flushed = flush(); !flushed)
                            return flushed;
                        if (job.isCancelled())
                            return fail(ErrorCode::Cancelled, QStringLiteral("Transfer cancelled"));
                    }
                }
                return {};
            },
            {}, job);
        if (!walked)
            return walked;
    }
    return flush();
}

Result<QByteArray> Offload::image(const QString& relativePath) const
{
    const TransferManifest::File* listed = m_manifest.file(relativePath);
    if (!listed)
        return rejected(QStringLiteral("%1 is not in the manifest").arg(relativePath));
    QFile file(QDir(m_directory).filePath(relativePath));
    if (!file.open(QIODevice::ReadOnly))
        return rejected(QStringLiteral("%1 is listed in the manifest but missing or unreadable").arg(relativePath));
    if (file.size() != listed->bytes)
        return rejected(QStringLiteral("%1 is %2 bytes, the manifest says %3").arg(relativePath).arg(file.size()).arg(listed->bytes));
    const QByteArray bytes = file.readAll();
    if (QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()) != listed->sha256)
        return rejected(QStringLiteral("%1 does not match its SHA-256 in the manifest: it was altered or damaged")
                            .arg(relativePath));
    return bytes;
}

} // namespace alpr
