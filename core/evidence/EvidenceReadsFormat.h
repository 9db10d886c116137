#pragma once

#include "evidence/EvidenceReportData.h"

#include <QByteArray>

namespace alpr {

/// The reads of a package as data files: CSV (RFC 4180, UTF-8, one row per read) for spreadsheets, JSON (with the
/// case, the export's circumstances and every alternative reading) as the complete machine-readable record.
class EvidenceReadsFormat {
public:
    static constexpr auto kFormatName = "alpr-evidence/1";

    [[nodiscard]] static QByteArray csv(const QList<EvidenceReadEntry>& reads);
    [[nodiscard]] static QByteArray json(const EvidenceReportData& data, const QList<CaseItem>& caseItems);
    /// "2026-06-01T12:00:00Z"
    [[nodiscard]] static QString timeText(const QDateTime& utc);
    /// "33.74012, -118.10455" or empty
    [[nodiscard]] static QString placeText(const PlateRead& read);
};

} // namespace alpr
