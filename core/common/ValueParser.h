#pragma once

#include "common/Result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace alpr {

/// A position typed as decimal degrees; ValueParser only returns ones on the globe.
struct LatLon {
    double latitude = 0.0;
    double longitude = 0.0;
};

/// Dates, times and positions as people type them in alprctl's options. One parser for every command, so that each
/// refuses the same bad input (empty, over-long, control characters, NaN, infinity, latitude 123) with a message
/// that quotes at most kQuotedCharacters of what was typed, and never passes such a value on to the store.
class ValueParser {
public:
    enum class DayEdge { Start, End }; ///< what a bare date means as a time: its first or its last millisecond
    static constexpr int kMaxTextLength = 10000; ///< a polygon of kMaxPositions points fits easily
    static constexpr int kMaxPositions = 1000;
    static constexpr int kQuotedCharacters = 40;

    /// YYYY-MM-DD.
    [[nodiscard]] static Result<QDate> date(const QString& text);
    /// ISO 8601 date and time (a time without a zone is UTC, as every time in the store), or a bare date taken as the
    /// start or end of that day in UTC. Returned in UTC.
    [[nodiscard]] static Result<QDateTime> utcTime(const QString& text, DayEdge bareDate = DayEdge::Start);
    /// "LAT,LON" in decimal degrees, latitude -90..90, longitude -180..180.
    [[nodiscard]] static Result<LatLon> position(const QString& text);
    /// "LAT,LON;LAT,LON;..." (empty parts skipped), at most kMaxPositions.
    [[nodiscard]] static Result<QList<LatLon>> positions(const QString& text);
    /// A finite decimal number; name is the option, for the message.
    [[nodiscard]] static Result<double> number(const QString& text, const QString& name);

    /// What was typed, cut to kQuotedCharacters and with control characters shown as '?', fit to quote in a message.
    [[nodiscard]] static QString quoted(const QString& text);
};

} // namespace alpr
