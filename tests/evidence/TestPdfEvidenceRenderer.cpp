// The PDF documents: page count from the number of reads, what the text says, and images embedded.
#include "SyntheticPlateImages.h"
#include "evidence/PdfEvidenceRenderer.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace alpr;
using alpr::test::SyntheticPlateImages;

namespace {

EvidenceReportData reportData(int reads, QMap<QString, QByteArray>& files)
{
    EvidenceReportData data;
    data.caseInfo.number = QStringLiteral("26-0200");
    data.caseInfo.title = QStringLiteral("Armed robbery, Main St");
    data.caseInfo.leadDetective = QStringLiteral("Det. Rivera");
    data.exportedBy = QStringLiteral("jdoe");
    data.exportedByFullName = QStringLiteral("Jane Doe");
    data.exportedByRole = QStringLiteral("Investigator");
    data.exportedUtc = QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
    data.workstation = QStringLiteral("ws-07");
    data.purpose = QStringLiteral("Booking into evidence");
    data.packageName = QStringLiteral("26-0200_20260601T120000Z");
    data.dataDigest = QString(64, QLatin1Char('a'));
    for (int i = 0; i < reads; ++i) {
        EvidenceReadEntry e;
        e.read.id = 100 + i;
        e.read.plate = QStringLiteral("7ABC%1").arg(100 + i);
        e.read.confidence = 0.93;
        e.read.timeUtc = data.exportedUtc.addDays(-i);
        e.read.latitude = 33.74;
        e.read.longitude = -118.10;
        e.read.unitId = QStringLiteral("UNIT-7");
        e.cropFile = QStringLiteral("images/read-%1-crop.jpg").arg(e.read.id);
        files.insert(e.cropFile, SyntheticPlateImages::crop(e.read.plate));
        if (i % 2 == 0) {
            e.contextFile = QStringLiteral("images/read-%1-context.jpg").arg(e.read.id);
            files.insert(e.contextFile, SyntheticPlateImages::context(e.read.plate, i));
        }
        data.reads.append(e);
    }
    data.readFile = [&files](const QString& path) { return files.value(path); };
    return data;
}

int pageCount(const QByteArray& pdf)
{
    return int(pdf.count("/Type /Page\n") + pdf.count("/Type /Page ") + pdf.count("/Type /Page/"));
}

QString pdfText(const QByteArray& pdf)
{
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        return {};
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("doc.pdf")));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(pdf);
    file.close();
    QProcess process;
    process.start(pdftotext, {QStringLiteral("-layout"), file.fileName(), QStringLiteral("-")});
    process.waitForFinished(20000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class TestPdfEvidenceRenderer : public QObject {
    Q_OBJECT

private slots:
    void reportHasAPageForEveryFewReads_data()
    {
        QTest::addColumn<int>("reads");
        QTest::addColumn<int>("pages");
        // Three reads fit under the header of page 1, four on each further page.
        QTest::newRow("none") << 0 << 1;
        QTest::newRow("three") << 3 << 1;
        QTest::newRow("four") << 4 << 2;
        QTest::newRow("seven") << 7 << 2;
        QTest::newRow("eight") << 8 << 3;
        QTest::newRow("twelve") << 12 << 4;
    }

    void reportHasAPageForEveryFewReads()
    {
        QFETCH(int, reads);
        QFETCH(int, pages);
        QMap<QString, QByteArray> files;
        const EvidenceReportData data = reportData(reads, files);
        JobContext job;
        auto pdf = PdfEvidenceRenderer().renderReport(data, job);
        QVERIFY(pdf.has_value());
        QVERIFY(pdf->startsWith("%PDF-"));
        QVERIFY(pdf->trimmed().endsWith("%%EOF"));
        QCOMPARE(pageCount(*pdf), pages);
        if (reads > 0)
            QVERIFY(pdf->count("/Subtype /Image") >= 1);
    }

    void reportSaysWhatTheRecordNeeds()
    {
        QMap<QString, QByteArray> files;
        const EvidenceReportData data = reportData(5, files);
        JobContext job;
        auto pdf = PdfEvidenceRenderer().renderReport(data, job);
        QVERIFY(pdf.has_value());
        const QString text = pdfText(*pdf);
        if (text.isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        for (const QString& expected :
             {QStringLiteral("ALPR Evidence Report"), QStringLiteral("26-0200"), QStringLiteral("Armed robbery"),
              QStringLiteral("Jane Doe (jdoe), Investigator"), QStringLiteral("Booking into evidence"),
              QStringLiteral("2026-06-01 12:00:00 UTC"), QStringLiteral("7ABC100"), QStringLiteral("7ABC104"),
              QStringLiteral("33.74000, -118.10000"), QStringLiteral("UNIT-7"), QStringLiteral("Page 1 of 2"),
              QStringLiteral("Page 2 of 2"), QStringLiteral("Crop: images/read-100-crop.jpg"), data.dataDigest})
            QVERIFY2(text.contains(expected), qPrintable(expected));
    }

    void custodySheetHasSignatureLines()
    {
        QMap<QString, QByteArray> files;
        const EvidenceReportData data = reportData(3, files);
        auto pdf = PdfEvidenceRenderer().renderChainOfCustody(data);
        QVERIFY(pdf.has_value());
        QCOMPARE(pageCount(*pdf), 1);
        const QString text = pdfText(*pdf);
        if (text.isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        for (const QString& expected :
             {QStringLiteral("Chain of Custody"), QStringLiteral("Released by"), QStringLiteral("Received by"),
              QStringLiteral("Signature"), QStringLiteral("26-0200_20260601T120000Z"), QStringLiteral("Property no.")})
            QVERIFY2(text.contains(expected), qPrintable(expected));
    }

    void cancelledReportStops()
    {
        QMap<QString, QByteArray> files;
        const EvidenceReportData data = reportData(4, files);
        JobContext job;
        job.cancel();
        auto pdf = PdfEvidenceRenderer().renderReport(data, job);
        QVERIFY(!pdf.has_value());
        QVERIFY(pdf.error().isCancellation());
    }
};

QTEST_MAIN(TestPdfEvidenceRenderer)
#include "TestPdfEvidenceRenderer.moc"
