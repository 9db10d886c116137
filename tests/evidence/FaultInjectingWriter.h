#pragma once

#include "evidence/LocalEvidenceFileWriter.h"

namespace alpr::test {

/// The real file system with the faults portable media have: filling up, being pulled out, returning other bytes
/// than were written, or reporting little free space. Needs no root and no special file system.
class FaultInjectingWriter final : public EvidenceFileWriter {
public:
    /// Writes beyond this many bytes in all fail like a full disk (the partial file stays, as on a real one).
    void setCapacity(qint64 bytes) { m_capacity = bytes; }
    /// After this many successful file writes the medium is gone: everything fails, nothing can be cleaned up.
    void setRemovedAfterWrites(int writes) { m_removedAfterWrites = writes; }
    /// Files whose name ends with this are written with one byte changed.
    void setCorruptSuffix(const QString& suffix) { m_corruptSuffix = suffix; }
    void setReportedFreeBytes(std::optional<qint64> bytes) { m_reportedFree = bytes; }
    [[nodiscard]] int writes() const { return m_writes; }

    [[nodiscard]] bool isDirectory(const QString& path) const override;
    [[nodiscard]] bool exists(const QString& path) const override;
    [[nodiscard]] VoidResult makeDirectory(const QString& path) override;
    [[nodiscard]] VoidResult writeFile(const QString& path, const QByteArray& bytes) override;
    [[nodiscard]] Result<QByteArray> readFile(const QString& path) override;
    [[nodiscard]] VoidResult rename(const QString& from, const QString& to) override;
    void removeRecursively(const QString& path) override;
    [[nodiscard]] std::optional<qint64> bytesAvailable(const QString& path) const override;

private:
    [[nodiscard]] bool removed() const { return m_removedAfterWrites >= 0 && m_writes >= m_removedAfterWrites; }

    LocalEvidenceFileWriter m_local;
    qint64 m_capacity = -1;
    qint64 m_used = 0;
    int m_removedAfterWrites = -1;
    int m_writes = 0;
    QString m_corruptSuffix;
    std::optional<qint64> m_reportedFree;
};

} // namespace alpr::test
