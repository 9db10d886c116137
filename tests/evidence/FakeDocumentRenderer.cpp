#include "FakeDocumentRenderer.h"

namespace alpr::test {

Result<QByteArray> FakeDocumentRenderer::renderReport(const EvidenceReportData& data, JobContext&)
{
    QByteArray out = "%PDF-1.4\n% report case " + data.caseInfo.number.toUtf8() + " purpose " + data.purpose.toUtf8() +
                     " by " + data.exportedBy.toUtf8() + " digest " + data.dataDigest.toLatin1() + "\n";
    for (const EvidenceReadEntry& e : data.reads) {
        out += "% read " + QByteArray::number(e.read.id) + " " + e.read.plate.toUtf8() + "\n";
        for (const QString& file : {e.cropFile, e.contextFile})
            if (!file.isEmpty() && !data.readFile(file).isEmpty())
                ++imagesSeen;
    }
    return out + "%%EOF\n";
}

Result<QByteArray> FakeDocumentRenderer::renderChainOfCustody(const EvidenceReportData& data)
{
    return QByteArray("%PDF-1.4\n% custody " + data.packageName.toUtf8() + " digest " + data.dataDigest.toLatin1() +
                      "\n%%EOF\n");
}

} // namespace alpr::test
