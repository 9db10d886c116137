#include "FaultInjectingWriter.h"

namespace alpr::test {

namespace {
std::unexpected<Error> gone(const QString& path)
{
    return fail(ErrorCode::Io, QStringLiteral("Cannot write %1").arg(path), QStringLiteral("No such device"));
}
} // namespace

bool FaultInjectingWriter::isDirectory(const QString& path) const
{
    return !removed() && m_local.isDirectory(path);
}

bool FaultInjectingWriter::exists(const QString& path) const
{
    return !removed() && m_local.exists(path);
}

VoidResult FaultInjectingWriter::makeDirectory(const QString& path)
{
    return removed() ? gone(path) : m_local.makeDirectory(path);
}

VoidResult FaultInjectingWriter::writeFile(const QString& path, const QByteArray& bytes)
{
    if (removed())
        return gone(path);
    if (m_capacity >= 0 && m_used + bytes.size() > m_capacity) {
        const qint64 fits = m_capacity - m_used;
        (void)m_local.writeFile(path, bytes.left(fits));
        m_used = m_capacity;
        return fail(ErrorCode::Io, QStringLiteral("Writing %1 failed").arg(path),
                    QStringLiteral("No space left on device"));
    }
    QByteArray written = bytes;
    if (!m_corruptSuffix.isEmpty() && path.endsWith(m_corruptSuffix) && !written.isEmpty())
        written[written.size() / 2] = char(written[written.size() / 2] ^ 0x20);
    if (auto ok = m_local.writeFile(path, written); !ok)
        return ok;
    m_used += bytes.size();
    ++m_writes;
    return {};
}

Result<QByteArray> FaultInjectingWriter::readFile(const QString& path)
{
    if (removed())
        return gone(path);
    return m_local.readFile(path);
}

VoidResult FaultInjectingWriter::rename(const QString& from, const QString& to)
{
    return removed() ? gone(from) : m_local.rename(from, to);
}

void FaultInjectingWriter::removeRecursively(const QString& path)
{
    if (!removed())
        m_local.removeRecursively(path);
}

std::optional<qint64> FaultInjectingWriter::bytesAvailable(const QString& path) const
{
    return m_reportedFree ? m_reportedFree : m_local.bytesAvailable(path);
}

} // namespace alpr::test
