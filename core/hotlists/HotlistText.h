#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace alpr {

/// Line splitting and field checks shared by the hot-list parsers.
class HotlistText {
public:
    /// The file's lines without their LF or CRLF; a final line without a newline counts, an empty last one not.
    [[nodiscard]] static QList<QByteArray> splitLines(const QByteArray& data);
    /// Why a line is not text (a NUL or control byte, invalid UTF-8), or nothing when it is.
    [[nodiscard]] static std::optional<QString> notTextReason(const QByteArray& line);
    /// US states, DC, territories, Canadian provinces, and US/GV for federal plates.
    [[nodiscard]] static bool isStateCode(const QString& code);
    /// YYYYMMDD -> YYYY-MM-DD; nothing when it is not a date.
    [[nodiscard]] static std::optional<QString> compactDate(const QString& yyyymmdd);
    /// Whether free text typed by a user (a list name, a reason, a dispatch reference) holds a control character
    /// (C0 or DEL), which would break the audit record and the CSV exports.
    [[nodiscard]] static bool hasControlCharacters(const QString& text);
    /// Plate text normalized (PlateText) or an error reason.
    [[nodiscard]] static std::optional<QString> plateProblem(const QString& normalized);
};

} // namespace alpr
