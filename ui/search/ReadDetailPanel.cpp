#include "search/ReadDetailPanel.h"

#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QVBoxLayout>

namespace alpr::ui {

namespace {
constexpr int kContextWidth = 360;
constexpr int kCropWidth = 180;
} // namespace

ReadDetailPanel::ReadDetailPanel(QWidget* parent)
    : QWidget(parent), m_titleLabel(new QLabel(this)), m_contextImageLabel(new QLabel(this)),
      m_cropImageLabel(new QLabel(this)), m_factsLabel(new QLabel(this)), m_readingsListWidget(new QListWidget(this))
{
    setObjectName(QStringLiteral("readDetailPanel"));
    m_titleLabel->setObjectName(QStringLiteral("detailTitleLabel"));
    m_contextImageLabel->setObjectName(QStringLiteral("contextImageLabel"));
    m_cropImageLabel->setObjectName(QStringLiteral("cropImageLabel"));
    m_factsLabel->setObjectName(QStringLiteral("detailFactsLabel"));
    m_readingsListWidget->setObjectName(QStringLiteral("readingsListWidget"));
    QFont title = m_titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.4);
    title.setBold(true);
    m_titleLabel->setFont(title);
    m_contextImageLabel->setMinimumSize(kContextWidth, kContextWidth * 9 / 16);
    m_contextImageLabel->setAlignment(Qt::AlignCenter);
    m_factsLabel->setWordWrap(true);
    m_factsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_contextImageLabel);
    layout->addWidget(m_cropImageLabel);
    layout->addWidget(m_factsLabel);
    layout->addWidget(new QLabel(tr("All readings:"), this));
    layout->addWidget(m_readingsListWidget, 1);
    clear();
}

void ReadDetailPanel::showRead(const PlateRead& read, const QString& explanation, const QImage& context,
                               const QImage& crop)
{
    m_titleLabel->setText(read.plate);
    m_contextImageLabel->setPixmap(
        context.isNull() ? QPixmap()
                         : QPixmap::fromImage(context.scaledToWidth(kContextWidth, Qt::SmoothTransformation)));
    if (context.isNull())
        m_contextImageLabel->setText(tr("No context image stored"));
    m_cropImageLabel->setPixmap(
        crop.isNull() ? QPixmap() : QPixmap::fromImage(crop.scaledToWidth(kCropWidth, Qt::SmoothTransformation)));
    QString place = tr("unknown place");
    if (read.latitude && read.longitude)
        place = QStringLiteral("%1, %2").arg(*read.latitude, 0, 'f', 5).arg(*read.longitude, 0, 'f', 5);
    m_factsLabel->setText(tr("Read %1 at %2 by %3\nPlace: %4\nConfidence %5\nMatch: %6")
                              .arg(read.id)
                              .arg(read.timeUtc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")),
                                   read.unitId, place, QString::number(read.confidence, 'f', 3), explanation));
    m_readingsListWidget->clear();
    m_readingsListWidget->addItem(tr("%1  (best, %2)").arg(read.plate, QString::number(read.confidence, 'f', 3)));
    for (const PlateCandidate& c : read.alternatives)
        m_readingsListWidget->addItem(tr("%1  (alternative, %2)").arg(c.plate, QString::number(c.confidence, 'f', 3)));
}

void ReadDetailPanel::showMessage(const QString& message)
{
    clear();
    m_factsLabel->setText(message);
}

void ReadDetailPanel::clear()
{
    m_titleLabel->clear();
    m_contextImageLabel->clear();
    m_cropImageLabel->clear();
    m_factsLabel->setText(tr("Select a read to see it in full. Viewing a read is recorded in the audit trail."));
    m_readingsListWidget->clear();
}

} // namespace alpr::ui
