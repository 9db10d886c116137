#pragma once

#include "requests/AuditProgramReport.h"

#include <QByteArray>

namespace alpr {

/// The audit program report as one CSV table (RFC 4180, UTF-8) for spreadsheets and scripts:
/// section,subject,metric,value,detail. Each line of the PDF has its row; the chain anchor is in the "chain" section.
class AuditReportCsv {
public:
    [[nodiscard]] static QByteArray render(const AuditProgramReport& report);
    [[nodiscard]] static QString field(const QString& value); ///< quoted when it holds a comma, quote or line break
};

} // namespace alpr
