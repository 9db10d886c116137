#pragma once

#include "hotlists/Alert.h"

#include <QAbstractTableModel>

namespace alpr::ui {

/// The alert queue as a table: priority, state, read time, plate and state, list, match, unit, verification. An
/// alert not yet confirmed through CLETS/dispatch shows the UNVERIFIED warning in its verification column and in red.
class AlertQueueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Priority, State, ReadTime, Plate, PlateState, List, Match, Unit, Verification, ColumnCount };

    explicit AlertQueueModel(QObject* parent = nullptr);

    void setAlerts(QList<Alert> alerts);
    [[nodiscard]] const Alert* alertAt(int row) const;
    [[nodiscard]] int rowOf(qint64 alertId) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<Alert> m_alerts;
};

} // namespace alpr::ui
