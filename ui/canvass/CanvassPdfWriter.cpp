#include "canvass/CanvassPdfWriter.h"

#include "canvass/CanvassExport.h"

#include <QIODevice>
#include <QPainter>
#include <QPdfWriter>

namespace alpr::ui {

namespace {

/// Top-to-bottom text layout with page breaks, in device units of the PDF.
class PageCursor {
public:
    PageCursor(QPdfWriter& writer, QPainter& painter) : m_writer(writer), m_painter(painter) {}

    [[nodiscard]] int width() const { return m_painter.viewport().width(); }
    [[nodiscard]] int y() const { return m_y; }
    void advance(int height) { m_y += height; }
    void ensure(int height)
    {
        if (m_y + height > m_painter.viewport().height()) {
            m_writer.newPage();
            m_y = 0;
        }
    }
    void line(const QString& text, bool bold = false, double pointSize = 9.0)
    {
        QFont font(QStringLiteral("Sans Serif"));
        font.setPointSizeF(pointSize);
        font.setBold(bold);
        m_painter.setFont(font);
        const int height = QFontMetrics(font, &m_writer).height();
        ensure(height);
        m_painter.drawText(QRect(0, m_y, width(), height), Qt::AlignLeft | Qt::AlignVCenter, text);
        m_y += height;
    }
    void columns(const QStringList& cells, const QList<double>& widths, bool bold = false)
    {
        QFont font(QStringLiteral("Sans Serif"));
        font.setPointSizeF(8.0);
        font.setBold(bold);
        m_painter.setFont(font);
        const int height = QFontMetrics(font, &m_writer).height() + 4;
        ensure(height);
        double x = 0;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const int w = int(widths.value(i) * width());
            m_painter.drawText(QRect(int(x), m_y, w - 8, height), Qt::AlignLeft | Qt::AlignVCenter,
                               QFontMetrics(font, &m_writer).elidedText(cells[i], Qt::ElideRight, w - 8));
            x += w;
        }
        m_y += height;
    }

private:
    QPdfWriter& m_writer;
    QPainter& m_painter;
    int m_y = 0;
};

QString utc(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

VoidResult CanvassPdfWriter::write(QIODevice& device, const CanvassResult& result, const QImage& mapImage,
                                   const QString& generatedBy)
{
    QPdfWriter writer(&device);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setResolution(150);
    writer.setTitle(QStringLiteral("Canvass, case %1").arg(result.purpose.caseNumber));
    writer.setCreator(QStringLiteral("ALPR investigator workstation"));
    QPainter painter;
    if (!painter.begin(&writer))
        return fail(ErrorCode::Io, QStringLiteral("The PDF could not be started"), device.errorString());
    PageCursor page(writer, painter);
    page.line(QStringLiteral("ALPR canvass — case %1").arg(result.purpose.caseNumber), true, 14);
    page.advance(10);
    page.line(QStringLiteral("Purpose: %1").arg(result.purpose.purpose));
    page.line(QStringLiteral("Area: %1").arg(result.query.area.describe()));
    page.line(QStringLiteral("Window: %1").arg(CanvassExport::describeWindow(result.query)));
    page.line(QStringLiteral("Result: %1 reads of %2 plates; audit record %3; %4")
                  .arg(result.reads.size())
                  .arg(result.plates.size())
                  .arg(result.auditSeq)
                  .arg(generatedBy));
    page.advance(12);
    if (!mapImage.isNull()) {
        const int width = page.width();
        const int height = int(double(width) * mapImage.height() / std::max(1, mapImage.width()));
        page.ensure(height);
        painter.drawImage(QRect(0, page.y(), width, height), mapImage);
        painter.setPen(QPen(Qt::black, 2));
        painter.drawRect(QRect(0, page.y(), width, height));
        page.advance(height + 12);
    }
    const QList<double> plateWidths{0.14, 0.07, 0.2, 0.2, 0.19, 0.2};
    page.line(QStringLiteral("Plates"), true, 11);
    page.columns({QStringLiteral("Plate"), QStringLiteral("Reads"), QStringLiteral("First seen (UTC)"),
                  QStringLiteral("Last seen (UTC)"), QStringLiteral("Units"), QStringLiteral("Also at scenes")},
                 plateWidths, true);
    for (const CanvassPlateGroup& g : result.plates)
        page.columns({g.plate, QString::number(g.count), utc(g.firstSeenUtc), utc(g.lastSeenUtc),
                      g.units.join(QStringLiteral(", ")), g.otherScenes.join(QStringLiteral("; "))},
                     plateWidths);
    page.advance(12);
    const QList<double> readWidths{0.2, 0.13, 0.12, 0.14, 0.14, 0.1, 0.1};
    page.line(QStringLiteral("Reads"), true, 11);
    page.columns({QStringLiteral("Time (UTC)"), QStringLiteral("Plate"), QStringLiteral("Unit"),
                  QStringLiteral("Latitude"), QStringLiteral("Longitude"), QStringLiteral("Distance"),
                  QStringLiteral("Read id")},
                 readWidths, true);
    for (const CanvassRead& r : result.reads)
        page.columns({utc(r.timeUtc), r.plate, r.unitId, QString::number(r.position.latitude, 'f', 6),
                      QString::number(r.position.longitude, 'f', 6),
                      QStringLiteral("%1 m").arg(r.distanceMetres, 0, 'f', 0), QString::number(r.id)},
                     readWidths);
    if (!painter.end())
        return fail(ErrorCode::Io, QStringLiteral("The PDF could not be written"), device.errorString());
    return {};
}

} // namespace alpr::ui
