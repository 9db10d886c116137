#pragma once

#include "common/Result.h"
#include "transfers/TransferManifest.h"
#include "transfers/TransferRead.h"

#include <QFile>

#include <memory>

namespace alpr {

/// Writes an offload as a unit's software would: reads files, images, and last the manifest with every file's size
/// and SHA-256. The demo store, the benchmark and the tests make their offloads with it; a unit vendor can read it
/// as the reference for docs/transfers.md. Reads are streamed to disk, so a million-read offload needs little memory.
class OffloadWriter {
public:
    OffloadWriter(const QString& directory, const QString& unitId,
                  TransferManifest::ReadsFormat format = TransferManifest::ReadsFormat::AlprReads);
    ~OffloadWriter();
    OffloadWriter(const OffloadWriter&) = delete;
    OffloadWriter& operator=(const OffloadWriter&) = delete;

    /// Starts a new reads file (relative path); later reads go there.
    [[nodiscard]] VoidResult beginReadsFile(const QString& relativePath);
    /// A read in our format (alpr-reads/1).
    [[nodiscard]] VoidResult addRead(const TransferRead& read);
    /// A raw line (an OpenALPR result object) carrying readCount reads.
    [[nodiscard]] VoidResult addLine(const QByteArray& line, int readCount);
    [[nodiscard]] VoidResult addImage(const QString& relativePath, const QByteArray& bytes);
    void setPeriod(const QDateTime& fromUtc, const QDateTime& toUtc);
    void addUndockEvent(const QDateTime& fromUtc, const QDateTime& toUtc);
    /// Closes the reads file, hashes every file and writes manifest.json. The period defaults to the reads' span.
    [[nodiscard]] VoidResult finish();

    [[nodiscard]] qint64 readCount() const { return m_readCount; }

private:
    [[nodiscard]] VoidResult writeLine(const QByteArray& line);

    QString m_directory;
    QString m_unitId;
    TransferManifest::ReadsFormat m_format;
    std::unique_ptr<QFile> m_readsFile;
    QList<QPair<QString, bool>> m_files; ///< relative path, is a reads file
    QList<TransferManifest::Interval> m_undockEvents;
    QDateTime m_from;
    QDateTime m_to;
    qint64 m_firstMs = 0;
    qint64 m_lastMs = 0;
    qint64 m_readCount = 0;
};

} // namespace alpr
