#pragma once

#include "requests/AuditReportDocumentRenderer.h"

namespace alpr {

/// The audit program report as a PDF for the auditor's signature: the period, who made it, the chain verification
/// and anchor, each section of the report as a table, and a signature block. QtGui only (alprctl links it without
/// widgets); needs a QGuiApplication. Safe off the GUI thread (it paints onto the PDF only).
class AuditReportPdfRenderer final : public AuditReportDocumentRenderer {
public:
    [[nodiscard]] Result<QByteArray> render(const AuditProgramReport& report) override;
};

} // namespace alpr
