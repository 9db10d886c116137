#pragma once

#include "canvass/CanvassResult.h"
#include "common/Result.h"

class QIODevice;

namespace alpr {

/// The file formats a canvass exports to without a GUI. They only write bytes; CanvassService::exportResult decides
/// where they go and audits them (the PDF, which needs QtGui, is written by the UI through the same service call).
class CanvassExport {
public:
    /// One row per read with its plate's totals; UTF-8, RFC 4180 quoting, and cells that a spreadsheet would run as
    /// a formula (=, +, -, @) prefixed with an apostrophe.
    [[nodiscard]] static VoidResult writeCsv(QIODevice& device, const CanvassResult& result);
    /// A KML document: the area as a polygon, one placemark with a timestamp per read, in folders per plate.
    [[nodiscard]] static VoidResult writeKml(QIODevice& device, const CanvassResult& result);
    /// "2026-06-01 18:00:00 – 20:00:00 UTC" style text for titles.
    [[nodiscard]] static QString describeWindow(const CanvassQuery& query);
};

} // namespace alpr
