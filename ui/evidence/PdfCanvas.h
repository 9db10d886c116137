#pragma once

#include "common/Result.h"

#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>

#include <memory>

namespace alpr {

/// A Letter-size PDF drawn into memory at 300 dpi, with the page geometry and the text, field, rule, image and
/// footer helpers the workstation's documents share (evidence report, custody sheet, audit report). Coordinates are
/// device pixels; mm() converts. QtGui only, so alprctl can use it without widgets; needs a QGuiApplication.
class PdfCanvas {
public:
    static constexpr int kDpi = 300;
    static constexpr double kMarginMm = 15.0;
    static constexpr double kFooterMm = 12.0;

    explicit PdfCanvas(const QString& title);

    [[nodiscard]] static int mm(double millimetres);
    /// Unsupported when no QGuiApplication exists (fonts and the PDF engine need one).
    [[nodiscard]] static VoidResult requireGuiApplication();

    QPainter& painter() { return m_painter; }
    [[nodiscard]] int left() const { return mm(kMarginMm); }
    [[nodiscard]] int right() const { return m_width - mm(kMarginMm); }
    [[nodiscard]] int top() const { return mm(kMarginMm); }
    [[nodiscard]] int bottom() const { return m_height - mm(kMarginMm + kFooterMm); }
    [[nodiscard]] int contentWidth() const { return right() - left(); }

    void newPage() { m_writer->newPage(); }
    /// Draws text at y in the given point size and returns the y below it.
    int text(int x, int y, int width, const QString& text, double points, bool bold = false);
    /// "Label: value" lines with the labels in a column of their own.
    int field(int y, const QString& label, const QString& value);
    void rule(int y);
    void footer(const QString& leftText, int page, int pages);
    /// Draws an image scaled into the box (kept in proportion), or a framed note when there is none.
    void image(const QRect& box, const QByteArray& encoded, const QString& missingText);
    QByteArray finish();

private:
    QByteArray m_bytes;
    QBuffer m_buffer;
    std::unique_ptr<QPdfWriter> m_writer;
    QPainter m_painter;
    int m_width = 0;
    int m_height = 0;
};

} // namespace alpr
