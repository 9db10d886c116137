#pragma once

#include "hotlists/HotlistParseResult.h"

#include <QByteArray>

namespace alpr {

/// NCIC-style fixed-width extract, one record a line (LF or CRLF). 1-based columns: list type 1 (V stolen vehicle,
/// P stolen plate, W wanted person, M missing person, F felony vehicle, A Amber alert, anything else "other"), NIC
/// 2-10, ORI 11-19, incident date 20-27 (YYYYMMDD), plate 28-37, state 38-39, then, where present, licence year
/// 40-43, licence type 44-45, vehicle year 46-49, make 50-53, model 54-56, style 57-58, colour 59-61. A line too
/// short to hold the state, with an empty or invalid plate, an unknown state or a bad date is reported and skipped.
class NcicHotlistParser {
public:
    [[nodiscard]] static HotlistParseResult parse(const QByteArray& data);
};

} // namespace alpr
