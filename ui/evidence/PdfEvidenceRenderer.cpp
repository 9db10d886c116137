#include "evidence/PdfEvidenceRenderer.h"

#include "evidence/EvidenceReadsFormat.h"
#include "evidence/PdfCanvas.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

namespace alpr {

namespace {

constexpr double kReadBlockMm = 52.0;
constexpr double kCropWidthMm = 55.0;
constexpr double kCropHeightMm = 22.0;
constexpr double kContextWidthMm = 55.0;
constexpr double kContextHeightMm = 44.0;
constexpr int kCustodyRows = 10;

int mm(double millimetres)
{
    return PdfCanvas::mm(millimetres);
}

VoidResult requireGuiApplication()
{
    return PdfCanvas::requireGuiApplication();
}

QString footerText(const EvidenceReportData& data)
{
    return QStringLiteral("Case %1 · package %2 · ALPR data: official law enforcement use only, not open to public "
                          "review")
        .arg(data.caseInfo.number, data.packageName);
}

QString exporterText(const EvidenceReportData& data)
{
    const QString name = data.exportedByFullName.isEmpty()
                             ? data.exportedBy
                             : QStringLiteral("%1 (%2)").arg(data.exportedByFullName, data.exportedBy);
    return QStringLiteral("%1, %2").arg(name, data.exportedByRole);
}

QString utcText(const QDateTime& t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

// The case and export block both documents open with; returns the y below it.
int circumstances(PdfCanvas& canvas, int y, const EvidenceReportData& data)
{
    const Case& c = data.caseInfo;
    y = canvas.field(y, QStringLiteral("Case"), QStringLiteral("%1 — %2").arg(c.number, c.title));
    y = canvas.field(y, QStringLiteral("Lead detective"), c.leadDetective);
    y = canvas.field(y, QStringLiteral("Exported by"), exporterText(data));
    y = canvas.field(y, QStringLiteral("Exported at"), utcText(data.exportedUtc));
    y = canvas.field(y, QStringLiteral("Workstation"), data.workstation);
    y = canvas.field(y, QStringLiteral("Purpose"), data.purpose);
    y = canvas.field(y, QStringLiteral("Package"), data.packageName);
    if (!data.redaction.isEmpty())
        y = canvas.field(y, QStringLiteral("Redaction"), data.redaction);
    y = canvas.field(y, QStringLiteral("Reads"), QString::number(data.reads.size()));
    y = canvas.field(y, QStringLiteral("Data digest"),
                     QStringLiteral("SHA-256 %1 (over the manifest lines of "
                                    "reads.csv, reads.json and images/)")
                         .arg(data.dataDigest));
    return y;
}

QString readDetails(const EvidenceReadEntry& e)
{
    const PlateRead& r = e.read;
    QStringList alternatives;
    for (const PlateCandidate& c : r.alternatives)
        alternatives.append(QStringLiteral("%1 (%2)").arg(c.plate).arg(c.confidence, 0, 'f', 2));
    QString source = r.sourceFile;
    if (r.sourceOffsetMs)
        source += QStringLiteral(" at %1 s").arg(double(*r.sourceOffsetMs) / 1000.0, 0, 'f', 1);
    if (r.frame)
        source += QStringLiteral(", frame %1").arg(*r.frame);
    const QString place = EvidenceReadsFormat::placeText(r);
    QStringList files;
    if (!e.cropFile.isEmpty())
        files.append(QStringLiteral("Crop: ") + e.cropFile);
    if (!e.contextFile.isEmpty())
        files.append(QStringLiteral("Context: ") + e.contextFile);
    return QStringLiteral("Time: %1\nPlace: %2\nUnit: %3\nConfidence: %4\nAlternatives: %5\nSource: %6\n%7")
        .arg(utcText(r.timeUtc), place.isEmpty() ? QStringLiteral("not recorded") : place, r.unitId)
        .arg(r.confidence, 0, 'f', 2)
        .arg(alternatives.isEmpty() ? QStringLiteral("none") : alternatives.join(QStringLiteral(", ")),
             source.isEmpty() ? QStringLiteral("-") : source, files.join(QLatin1Char('\n')));
}

} // namespace

Result<QByteArray> PdfEvidenceRenderer::renderReport(const EvidenceReportData& data, JobContext& job)
{
    if (auto gui = requireGuiApplication(); !gui)
        return std::unexpected(gui.error());
    PdfCanvas canvas(QStringLiteral("ALPR evidence report, case %1").arg(data.caseInfo.number));
    int page = 1;
    int y = canvas.top();
    y = canvas.text(canvas.left(), y, canvas.contentWidth(), QStringLiteral("ALPR Evidence Report"), 18, true);
    y += mm(3);
    y = circumstances(canvas, y, data) + mm(3);
    canvas.rule(y);
    y += mm(5);
    // Fixed-height blocks below the header make the page count known before the first footer ("page i of n").
    const int blockHeight = mm(kReadBlockMm);
    const int perFirstPage = (canvas.bottom() - y) / blockHeight;
    const int perPage = std::max(1, (canvas.bottom() - canvas.top()) / blockHeight);
    const int rest = std::max(0, int(data.reads.size()) - perFirstPage);
    const int pages = 1 + (rest + perPage - 1) / perPage;
    int onPage = 0;
    for (qsizetype i = 0; i < data.reads.size(); ++i) {
        if (job.isCancelled())
            return fail(ErrorCode::Cancelled, QStringLiteral("Export cancelled"));
        if (onPage == (page == 1 ? perFirstPage : perPage)) {
            canvas.footer(footerText(data), page, pages);
            canvas.newPage();
            ++page;
            onPage = 0;
            y = canvas.top();
        }
        const EvidenceReadEntry& e = data.reads[i];
        const int textLeft = canvas.left() + mm(kCropWidthMm + kContextWidthMm + 6);
        canvas.image(QRect(canvas.left(), y, mm(kCropWidthMm), mm(kCropHeightMm)),
                     e.cropFile.isEmpty() ? QByteArray() : data.readFile(e.cropFile), QStringLiteral("no plate crop"));
        canvas.image(QRect(canvas.left() + mm(kCropWidthMm + 3), y, mm(kContextWidthMm), mm(kContextHeightMm)),
                     e.contextFile.isEmpty() ? QByteArray() : data.readFile(e.contextFile),
                     QStringLiteral("no context image"));
        int ty = canvas.text(textLeft, y, canvas.right() - textLeft,
                             QStringLiteral("%1   read %2").arg(e.read.plate).arg(e.read.id), 12, true);
        canvas.text(textLeft, ty + mm(1), canvas.right() - textLeft, readDetails(e), 8);
        y += blockHeight;
        canvas.rule(y - mm(3));
        ++onPage;
    }
    if (data.reads.isEmpty())
        canvas.text(canvas.left(), y, canvas.contentWidth(), QStringLiteral("No reads."), 10);
    canvas.footer(footerText(data), page, pages);
    return canvas.finish();
}

Result<QByteArray> PdfEvidenceRenderer::renderChainOfCustody(const EvidenceReportData& data)
{
    if (auto gui = requireGuiApplication(); !gui)
        return std::unexpected(gui.error());
    PdfCanvas canvas(QStringLiteral("Chain of custody, case %1").arg(data.caseInfo.number));
    int y = canvas.top();
    y = canvas.text(canvas.left(), y, canvas.contentWidth(), QStringLiteral("Chain of Custody — Digital Evidence"), 18,
                    true);
    y += mm(3);
    y = circumstances(canvas, y, data);
    y = canvas.field(y, QStringLiteral("Item"),
                     QStringLiteral("Portable medium holding folder %1 (ALPR reads, images, report; verify with "
                                    "MANIFEST.sha256)")
                         .arg(data.packageName));
    y = canvas.field(y, QStringLiteral("Manifest SHA-256"),
                     QStringLiteral("as printed by the workstation at export and kept in its audit trail:\n"
                                    "________________________________________________________________"));
    y += mm(4);
    canvas.rule(y);
    y += mm(3);

    const QStringList headers{QStringLiteral("Date / time"), QStringLiteral("Released by (name, ID)"),
                              QStringLiteral("Received by (name, ID)"), QStringLiteral("Purpose / location"),
                              QStringLiteral("Signature")};
    const QList<double> widths{0.16, 0.22, 0.22, 0.2, 0.2};
    const int rowHeight = mm(13);
    // As many signature lines as fit above the booking line and the note (10 on an ordinary case).
    const int rows = std::clamp((canvas.bottom() - y - mm(8) - mm(30)) / rowHeight, 4, kCustodyRows);
    int x = canvas.left();
    QList<int> columns;
    for (double w : widths) {
        columns.append(x);
        x += int(canvas.contentWidth() * w);
    }
    columns.append(canvas.right());
    QPainter& p = canvas.painter();
    for (int c = 0; c < headers.size(); ++c)
        canvas.text(columns[c] + mm(1), y + mm(1), columns[c + 1] - columns[c] - mm(2), headers[c], 8.5, true);
    const int tableTop = y;
    y += mm(8);
    p.setPen(QPen(Qt::black, mm(0.25)));
    for (int r = 0; r <= rows; ++r)
        p.drawLine(canvas.left(), y + r * rowHeight, canvas.right(), y + r * rowHeight);
    p.drawLine(canvas.left(), tableTop, canvas.right(), tableTop);
    for (int column : columns)
        p.drawLine(column, tableTop, column, y + rows * rowHeight);
    y += rows * rowHeight + mm(6);
    y = canvas.text(canvas.left(), y, canvas.contentWidth(),
                    QStringLiteral("Booked into evidence by: ______________________________   Property no.: "
                                   "________________   Date: ____________"),
                    9.5);
    y += mm(4);
    canvas.text(canvas.left(), y, canvas.contentWidth(),
                QStringLiteral("Each person who takes custody signs a line. Anyone can check that the package is "
                               "complete and unaltered with `sha256sum -c MANIFEST.sha256` in its folder, or with "
                               "`alprctl evidence verify FOLDER`."),
                8.5);
    canvas.footer(footerText(data), 1, 1);
    return canvas.finish();
}

} // namespace alpr
