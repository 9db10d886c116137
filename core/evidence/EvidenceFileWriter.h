#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace alpr {

/// Where an evidence package is written: the file system of a USB stick or card, or any folder. An interface so tests
/// can inject a full or vanishing medium, which is the failure that matters on portable media.
class EvidenceFileWriter {
public:
    virtual ~EvidenceFileWriter() = default;

    [[nodiscard]] virtual bool isDirectory(const QString& path) const = 0;
    [[nodiscard]] virtual bool exists(const QString& path) const = 0;
    /// Creates the directory and any missing parents.
    [[nodiscard]] virtual VoidResult makeDirectory(const QString& path) = 0;
    /// Creates or replaces a file and flushes it to the medium before returning. Io with the system's reason.
    [[nodiscard]] virtual VoidResult writeFile(const QString& path, const QByteArray& bytes) = 0;
    [[nodiscard]] virtual Result<QByteArray> readFile(const QString& path) = 0;
    /// Renames within one file system (atomic there): how a complete package appears under its final name.
    [[nodiscard]] virtual VoidResult rename(const QString& from, const QString& to) = 0;
    /// Best effort: a removed medium cannot be cleaned up, which is why an unfinished package has a telling name.
    virtual void removeRecursively(const QString& path) = 0;
    /// Free bytes for this user at path, when the file system says.
    [[nodiscard]] virtual std::optional<qint64> bytesAvailable(const QString& path) const = 0;
};

} // namespace alpr
