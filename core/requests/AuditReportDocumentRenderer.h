#pragma once

#include "common/Result.h"
#include "requests/AuditProgramReport.h"

namespace alpr {

/// Draws an audit program report as a document for the auditor's signature. Core cannot draw (QtCore only): the PDF
/// implementation is ui/requests/AuditReportPdfRenderer (QtGui, no widgets), which the GUI and alprctl supply.
class AuditReportDocumentRenderer {
public:
    virtual ~AuditReportDocumentRenderer() = default;
    [[nodiscard]] virtual Result<QByteArray> render(const AuditProgramReport& report) = 0;
};

} // namespace alpr
