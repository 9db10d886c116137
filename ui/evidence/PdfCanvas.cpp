#include "evidence/PdfCanvas.h"

#include <QGuiApplication>
#include <QImage>
#include <QPageSize>

namespace alpr {

namespace {
const QColor kRuleColor(0x80, 0x80, 0x80);
} // namespace

int PdfCanvas::mm(double millimetres)
{
    return qRound(millimetres * kDpi / 25.4);
}

VoidResult PdfCanvas::requireGuiApplication()
{
    if (qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return {};
    return std::unexpected(
        makeError(ErrorCode::Unsupported, QStringLiteral("Drawing the PDF documents needs a GUI application object"),
                  QStringLiteral("construct QGuiApplication (QT_QPA_PLATFORM=offscreen is enough) before exporting")));
}

PdfCanvas::PdfCanvas(const QString& title) : m_buffer(&m_bytes)
{
    m_buffer.open(QIODevice::WriteOnly);
    m_writer = std::make_unique<QPdfWriter>(&m_buffer);
    m_writer->setPageSize(QPageSize(QPageSize::Letter));
    m_writer->setResolution(kDpi);
    m_writer->setPageMargins(QMarginsF(0, 0, 0, 0));
    m_writer->setTitle(title);
    m_writer->setCreator(QStringLiteral("ALPR Investigator Workstation"));
    m_painter.begin(m_writer.get());
    m_width = m_writer->width();
    m_height = m_writer->height();
}

int PdfCanvas::text(int x, int y, int width, const QString& text, double points, bool bold)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(points);
    font.setBold(bold);
    m_painter.setFont(font);
    m_painter.setPen(Qt::black);
    const QRect box(x, y, width, m_height);
    const QRect used = m_painter.boundingRect(box, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
    m_painter.drawText(box, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
    return y + used.height();
}

int PdfCanvas::field(int y, const QString& label, const QString& value)
{
    text(left(), y, mm(40), label, 9.5, true);
    return std::max(
        text(left() + mm(42), y, contentWidth() - mm(42), value.isEmpty() ? QStringLiteral("-") : value, 9.5),
        y + mm(5));
}

void PdfCanvas::rule(int y)
{
    m_painter.setPen(QPen(kRuleColor, mm(0.2)));
    m_painter.drawLine(left(), y, right(), y);
}

void PdfCanvas::footer(const QString& leftText, int page, int pages)
{
    const int y = m_height - mm(kMarginMm + kFooterMm - 4);
    rule(y);
    text(left(), y + mm(1.5), contentWidth() - mm(30), leftText, 7.5);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(7.5);
    m_painter.setFont(font);
    m_painter.drawText(QRect(left(), y + mm(1.5), contentWidth(), mm(5)), Qt::AlignRight | Qt::AlignTop,
                       QStringLiteral("Page %1 of %2").arg(page).arg(pages));
}

void PdfCanvas::image(const QRect& box, const QByteArray& encoded, const QString& missingText)
{
    QImage image;
    if (!encoded.isEmpty())
        image.loadFromData(encoded);
    m_painter.setPen(QPen(kRuleColor, mm(0.2)));
    if (image.isNull()) {
        m_painter.drawRect(box);
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(8);
        m_painter.setFont(font);
        m_painter.drawText(box, Qt::AlignCenter | Qt::TextWordWrap, missingText);
        return;
    }
    const QSize scaled = image.size().scaled(box.size(), Qt::KeepAspectRatio);
    const QRect target(box.topLeft(), scaled);
    m_painter.drawImage(target, image);
    m_painter.drawRect(target);
}

QByteArray PdfCanvas::finish()
{
    m_painter.end();
    m_writer.reset();
    return m_bytes;
}

} // namespace alpr
