#pragma once

#include <QStringList>

class QTableWidget;
class QWidget;

namespace alpr::ui {

/// The read-only, row-selecting tables of the evidence pages, made and filled one way.
class EvidenceTable {
public:
    [[nodiscard]] static QTableWidget* create(QWidget* parent, const QString& objectName, const QStringList& headers);
    static void setRow(QTableWidget* table, int row, const QStringList& cells);
};

} // namespace alpr::ui
