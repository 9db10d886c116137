#pragma once

#include "common/JobContext.h"
#include "common/Result.h"
#include "transfers/TransferManifest.h"
#include "transfers/TransferRead.h"

#include <functional>

namespace alpr {

/// What verification found in an offload.
struct OffloadCheck {
    qint64 reads = 0;
    qint64 linesWithoutReads = 0; ///< OpenALPR heartbeats and other non-result lines
    QDateTime firstReadUtc;
    QDateTime lastReadUtc;
    qint64 bytes = 0;
};

/// A unit's offload in a folder: its manifest and the files it lists. Knows nothing of the store: verify() proves
/// the folder is what the manifest says (every file there, none extra, sizes, SHA-256, every read parses, the read
/// count, the period, one unit) and forEachBatch() hands the reads over for storing. Files are streamed, never
/// held whole, so a million-read offload needs little memory.
class Offload {
public:
    /// Reads and parses the manifest. VerificationFailed when there is none or it is malformed.
    [[nodiscard]] static Result<Offload> open(const QString& directory);

    [[nodiscard]] const TransferManifest& manifest() const { return m_manifest; }
    [[nodiscard]] const QString& manifestSha256() const { return m_manifestSha256; }
    [[nodiscard]] const QString& directory() const { return m_directory; }
    [[nodiscard]] qint64 totalBytes() const;

    /// VerificationFailed with the reason a person can act on (which file is truncated or altered, which line is
    /// malformed, how many reads were declared and found); Cancelled when the job is.
    [[nodiscard]] Result<OffloadCheck> verify(JobContext& job) const;

    /// Called with up to batchSize reads and the number of reads handed over so far, this batch included. It may
    /// throw ErrorException (it runs inside the store's transaction); that ends the walk with the error.
    using BatchHandler = std::function<void(QList<TransferRead>& batch, qint64 readsDone)>;
    /// Hands the reads over in manifest order, skipping the first `skip` (a resumed import). Each reads file is
    /// hashed again as it is read, so a file changed since verify() stops the walk with VerificationFailed.
    [[nodiscard]] VoidResult forEachBatch(qint64 skip, int batchSize, const BatchHandler& handler, JobContext& job) const;

    /// The bytes of a listed image, checked against its SHA-256.
    [[nodiscard]] Result<QByteArray> image(const QString& relativePath) const;

private:
    Offload() = default;
    using LineHandler = std::function<VoidResult(const QByteArray& line, qint64 lineNumber)>;
    [[nodiscard]] VoidResult readLines(const TransferManifest::File& file, const LineHandler& handler,
                                       const std::function<void(qint64)>& onBytes, JobContext& job) const;
    [[nodiscard]] Result<QList<TransferRead>> parseLine(const QByteArray& line) const;

    QString m_directory;
    TransferManifest m_manifest;
    QString m_manifestSha256;
};

} // namespace alpr
