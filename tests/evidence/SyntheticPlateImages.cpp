#include "SyntheticPlateImages.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>

namespace alpr::test {

namespace {

QByteArray jpeg(const QImage& image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 85);
    return bytes;
}

void drawPlate(QPainter& p, const QRect& r, const QString& plate)
{
    p.setPen(QPen(QColor(40, 40, 40), std::max(2, r.height() / 30)));
    p.setBrush(QColor(245, 245, 240));
    p.drawRoundedRect(r, r.height() / 10, r.height() / 10);
    QFont header(QStringLiteral("DejaVu Serif"));
    header.setItalic(true);
    header.setPixelSize(r.height() / 5);
    p.setFont(header);
    p.setPen(QColor(200, 30, 30));
    p.drawText(r.adjusted(0, r.height() / 20, 0, 0), Qt::AlignHCenter | Qt::AlignTop, QStringLiteral("California"));
    QFont text(QStringLiteral("DejaVu Sans Mono"));
    text.setBold(true);
    text.setPixelSize(r.height() * 5 / 10);
    p.setFont(text);
    p.setPen(QColor(20, 40, 120));
    p.drawText(r.adjusted(0, r.height() / 6, 0, 0), Qt::AlignCenter, plate);
}

} // namespace

QByteArray SyntheticPlateImages::crop(const QString& plate)
{
    QImage image(320, 150, QImage::Format_RGB32);
    image.fill(QColor(90, 90, 95));
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    drawPlate(p, QRect(15, 12, 290, 126), plate);
    p.end();
    return jpeg(image);
}

QByteArray SyntheticPlateImages::context(const QString& plate, int variant)
{
    static const QColor kCars[] = {QColor(150, 20, 25), QColor(30, 60, 130), QColor(200, 200, 205), QColor(35, 35, 38)};
    QImage image(960, 540, QImage::Format_RGB32);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(0, 0, 960, 250, QColor(150, 180, 210));  // sky
    p.fillRect(0, 180, 960, 90, QColor(120, 130, 120)); // buildings' shade
    p.fillRect(0, 250, 960, 290, QColor(70, 70, 75));   // road
    p.fillRect(0, 395, 960, 8, QColor(230, 200, 60));   // lane line
    const QColor car = kCars[variant % 4];
    p.setPen(Qt::NoPen);
    p.setBrush(car.darker(120));
    p.drawRoundedRect(QRect(250, 170, 460, 150), 40, 40); // cabin
    p.setBrush(QColor(60, 80, 100));
    p.drawRoundedRect(QRect(290, 190, 380, 90), 20, 20); // rear window
    p.setBrush(car);
    p.drawRoundedRect(QRect(190, 280, 580, 170), 30, 30); // body
    p.setBrush(QColor(180, 20, 20));
    p.drawRect(QRect(205, 320, 90, 35)); // tail lights
    p.drawRect(QRect(665, 320, 90, 35));
    p.setBrush(QColor(20, 20, 20));
    p.drawRect(QRect(220, 440, 90, 45)); // tyres
    p.drawRect(QRect(650, 440, 90, 45));
    drawPlate(p, QRect(405, 360, 150, 70), plate);
    p.setPen(Qt::white);
    QFont stamp(QStringLiteral("DejaVu Sans Mono"));
    stamp.setPixelSize(18);
    p.setFont(stamp);
    p.drawText(QRect(12, 510, 936, 24), Qt::AlignLeft, QStringLiteral("UNIT-7  CAM 2  synthetic test image"));
    p.end();
    return jpeg(image);
}

} // namespace alpr::test
