#pragma once

#include "canvass/GeoBox.h"

#include <QList>

namespace alpr {

/// The cells of the reads_cell_time index (migration 004): 0.01 degree squares keyed by an integer that SQLite
/// computes from each row with kCellExpression. C++ computes the same integer (the same double multiplication, the
/// same truncation towards zero), so a canvass seeks exactly the cells its area can touch, each over its window.
class CanvassGrid {
public:
    static constexpr double kCellsPerDegree = 100.0;
    /// Must match the indexed expression in 004_canvass.sql character for character (the planner matches it).
    static constexpr auto kCellExpression =
        "((CAST(r.lat * 100 AS INTEGER) + 9000) * 40000 + CAST(r.lon * 100 AS INTEGER) + 18000)";
    /// The same cell on PostgreSQL (postgresql/004_canvass.sql), where ::bigint rounds and trunc() truncates.
    static constexpr auto kPostgresCellExpression =
        "((trunc(r.lat * 100)::bigint + 9000) * 40000 + trunc(r.lon * 100)::bigint + 18000)";
    [[nodiscard]] static const char* cellExpression(bool postgres)
    {
        return postgres ? kPostgresCellExpression : kCellExpression;
    }
    /// Past this many cells a canvass walks the time index instead (only very large polygons get there).
    static constexpr qsizetype kMaximumCells = 40000;

    [[nodiscard]] static qint64 cell(double latitude, double longitude)
    {
        return (qint64(latitude * 100) + 9000) * 40000 + qint64(longitude * 100) + 18000;
    }

    /// Every cell a point inside box can fall in; empty when there would be more than kMaximumCells.
    [[nodiscard]] static QList<qint64> cellsCovering(const GeoBox& box)
    {
        const qint64 firstRow = qint64(box.minLatitude * 100), lastRow = qint64(box.maxLatitude * 100);
        const qint64 firstColumn = qint64(box.minLongitude * 100), lastColumn = qint64(box.maxLongitude * 100);
        QList<qint64> cells;
        if ((lastRow - firstRow + 1) * (lastColumn - firstColumn + 1) > kMaximumCells)
            return cells;
        for (qint64 row = firstRow; row <= lastRow; ++row) {
            for (qint64 column = firstColumn; column <= lastColumn; ++column)
                cells.append((row + 9000) * 40000 + column + 18000);
        }
        return cells;
    }
};

} // namespace alpr
