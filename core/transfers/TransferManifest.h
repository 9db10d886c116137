#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QList>

namespace alpr {

/// The manifest of an offload (manifest.json, docs/transfers.md): which unit, what period, how many reads, and the
/// size and SHA-256 of every file. It is written last by the unit's offload software, so its presence marks the
/// offload complete.
struct TransferManifest {
    static constexpr auto kFileName = "manifest.json";
    static constexpr auto kFormat = "alpr-transfer/1";

    enum class ReadsFormat { AlprReads, OpenAlpr };

    struct File {
        QString path; ///< relative, '/'-separated, inside the offload
        QString sha256; ///< lower-case hex
        qint64 bytes = 0;
        bool isReads = false; ///< a reads file (JSON lines) rather than an image
    };
    struct Interval {
        QDateTime fromUtc;
        QDateTime toUtc;
    };

    ReadsFormat readsFormat = ReadsFormat::AlprReads;
    QString unitId;
    QDateTime periodFromUtc;
    QDateTime periodToUtc;
    qint64 readCount = 0;
    QList<File> files;
    QList<Interval> undockEvents; ///< when the unit's dock saw the ALPR removed
    QString software;

    /// InvalidInput with the reason for anything malformed: not JSON, another format, a path that leaves the
    /// offload, a bad hash, a period that ends before it starts, no reads file.
    [[nodiscard]] static Result<TransferManifest> parse(const QByteArray& json);
    [[nodiscard]] static QString readsFormatName(ReadsFormat format); ///< alpr-reads/1, openalpr
    [[nodiscard]] const File* file(const QString& path) const;
};

} // namespace alpr
