#include "evidence/LocalEvidenceFileWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace alpr {

namespace {

QString systemReason(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

bool LocalEvidenceFileWriter::isDirectory(const QString& path) const
{
    return QFileInfo(path).isDir();
}

bool LocalEvidenceFileWriter::exists(const QString& path) const
{
    return QFileInfo::exists(path);
}

VoidResult LocalEvidenceFileWriter::makeDirectory(const QString& path)
{
    if (QDir().mkpath(path))
        return {};
    return fail(ErrorCode::Io, QStringLiteral("Cannot create the folder %1").arg(QDir::toNativeSeparators(path)),
                systemReason(errno));
}

VoidResult LocalEvidenceFileWriter::writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(ErrorCode::Io,
                    QStringLiteral("Cannot create %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    if (file.write(bytes) != bytes.size() || !file.flush())
        return fail(ErrorCode::Io,
                    QStringLiteral("Writing %1 failed: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    // A USB stick's write cache is where a pulled stick loses data; fsync makes the read-back check meaningful.
    if (::fsync(file.handle()) != 0) {
        const int error = errno;
        return fail(ErrorCode::Io, QStringLiteral("Writing %1 to the medium failed: %2")
                                       .arg(QDir::toNativeSeparators(path), systemReason(error)));
    }
    file.close();
    if (file.error() != QFileDevice::NoError)
        return fail(ErrorCode::Io,
                    QStringLiteral("Writing %1 failed: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

Result<QByteArray> LocalEvidenceFileWriter::readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io,
                    QStringLiteral("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return fail(ErrorCode::Io,
                    QStringLiteral("Reading %1 failed: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return bytes;
}

VoidResult LocalEvidenceFileWriter::rename(const QString& from, const QString& to)
{
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0)
        return {};
    const int error = errno;
    return fail(ErrorCode::Io,
                QStringLiteral("Cannot rename %1 to %2: %3")
                    .arg(QDir::toNativeSeparators(from), QDir::toNativeSeparators(to), systemReason(error)));
}

void LocalEvidenceFileWriter::removeRecursively(const QString& path)
{
    QDir(path).removeRecursively();
}

std::optional<qint64> LocalEvidenceFileWriter::bytesAvailable(const QString& path) const
{
    const QStorageInfo storage(path);
    if (!storage.isValid() || !storage.isReady())
        return std::nullopt;
    return storage.bytesAvailable();
}

} // namespace alpr
