#pragma once

#include "evidence/EvidenceFileWriter.h"

namespace alpr {

/// The real file system (QFile, fsync, QStorageInfo).
class LocalEvidenceFileWriter final : public EvidenceFileWriter {
public:
    [[nodiscard]] bool isDirectory(const QString& path) const override;
    [[nodiscard]] bool exists(const QString& path) const override;
    [[nodiscard]] VoidResult makeDirectory(const QString& path) override;
    [[nodiscard]] VoidResult writeFile(const QString& path, const QByteArray& bytes) override;
    [[nodiscard]] Result<QByteArray> readFile(const QString& path) override;
    [[nodiscard]] VoidResult rename(const QString& from, const QString& to) override;
    void removeRecursively(const QString& path) override;
    [[nodiscard]] std::optional<qint64> bytesAvailable(const QString& path) const override;
};

} // namespace alpr
