#pragma once

#include "common/Result.h"
#include "hotlists/HotlistParseResult.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace alpr {

enum class HotlistFormat { Ncic, CaDoj, Csv };

[[nodiscard]] QString hotlistFormatName(HotlistFormat format); ///< ncic, cadoj, csv
[[nodiscard]] std::optional<HotlistFormat> hotlistFormatFromName(const QString& name);

/// A hot-list file read and parsed: its bytes' SHA-256 and what the format's parser made of them.
struct HotlistFileContents {
    QString fileName;
    QString sha256;
    HotlistParseResult parsed;
};

/// Reads a hot-list file within a size limit and hands it to the format's parser.
class HotlistFile {
public:
    /// 1 million NCIC records are about 62 MB; the largest state extracts stay well under this.
    static constexpr qint64 kDefaultMaxBytes = 256LL * 1024 * 1024;

    /// Io when unreadable; InvalidInput when larger than maxBytes (decided from the file's size, before reading
    /// any of it) or when the parser rejects the whole file. category: for formats that do not name one per line.
    [[nodiscard]] static Result<HotlistFileContents> read(const QString& path, HotlistFormat format,
                                                          const QString& category, qint64 maxBytes = kDefaultMaxBytes);
    /// The parser for a format, on bytes already in memory.
    [[nodiscard]] static Result<HotlistParseResult> parse(const QByteArray& data, HotlistFormat format,
                                                          const QString& category);
};

} // namespace alpr
