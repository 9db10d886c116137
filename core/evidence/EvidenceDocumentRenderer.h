#pragma once

#include "common/JobContext.h"
#include "common/Result.h"
#include "evidence/EvidenceReportData.h"

namespace alpr {

/// Draws the two documents of an evidence package. Core cannot draw (it links QtCore only); the PDF implementation
/// lives in ui/evidence (PdfEvidenceRenderer, QtGui) and the GUI and CLI hand it to EvidenceExporter. Called on the
/// export's worker thread.
class EvidenceDocumentRenderer {
public:
    virtual ~EvidenceDocumentRenderer() = default;

    /// The report: case, who exported, when, purpose, and each read with its images, time, place and unit.
    [[nodiscard]] virtual Result<QByteArray> renderReport(const EvidenceReportData& data, JobContext& job) = 0;
    /// The chain-of-custody sheet with lines for booking signatures.
    [[nodiscard]] virtual Result<QByteArray> renderChainOfCustody(const EvidenceReportData& data) = 0;
};

} // namespace alpr
