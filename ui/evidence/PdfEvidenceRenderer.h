#pragma once

#include "evidence/EvidenceDocumentRenderer.h"

namespace alpr {

/// The evidence documents as PDF, drawn with QPdfWriter and QPainter (QtGui, no widgets, so alprctl can link it).
/// US Letter, 300 dpi. Needs a QGuiApplication to exist (fonts come from the platform plugin; "offscreen" serves a
/// command-line tool) and returns an Unsupported error otherwise. Safe on a worker thread.
class PdfEvidenceRenderer final : public EvidenceDocumentRenderer {
public:
    [[nodiscard]] Result<QByteArray> renderReport(const EvidenceReportData& data, JobContext& job) override;
    [[nodiscard]] Result<QByteArray> renderChainOfCustody(const EvidenceReportData& data) override;
};

} // namespace alpr
