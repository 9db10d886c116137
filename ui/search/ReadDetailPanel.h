#pragma once

#include "reads/PlateRead.h"

#include <QImage>
#include <QWidget>

class QLabel;
class QListWidget;

namespace alpr::ui {

/// One read in full: its context image and crop, when, where, which unit, and every reading the recogniser
/// offered (best first, then the alternatives with their confidence). Shows what it is given; the page fetches it
/// through the audited SearchService::viewRead.
class ReadDetailPanel : public QWidget {
    Q_OBJECT
public:
    explicit ReadDetailPanel(QWidget* parent = nullptr);

    void showRead(const PlateRead& read, const QString& explanation, const QImage& context, const QImage& crop);
    void showMessage(const QString& message);
    void clear();

private:
    QLabel* m_titleLabel;
    QLabel* m_contextImageLabel;
    QLabel* m_cropImageLabel;
    QLabel* m_factsLabel;
    QListWidget* m_readingsListWidget;
};

} // namespace alpr::ui
