#pragma once

#include "evidence/EvidenceDocumentRenderer.h"

namespace alpr::test {

/// Stands in for the PDF renderer in core tests (core links no QtGui): a small text document that carries what the
/// real one must show, so tests can check the exporter hands it the right data and images.
class FakeDocumentRenderer final : public EvidenceDocumentRenderer {
public:
    [[nodiscard]] Result<QByteArray> renderReport(const EvidenceReportData& data, JobContext& job) override;
    [[nodiscard]] Result<QByteArray> renderChainOfCustody(const EvidenceReportData& data) override;

    int imagesSeen = 0; ///< image files the report read back through data.readFile
};

} // namespace alpr::test
