#pragma once

#include "audit/AuditRecord.h"

#include <QAbstractTableModel>

namespace alpr::ui {

class AuditTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Seq, Time, User, Workstation, Action, Object, Purpose, Case, Outcome, Parameters, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setRecords(QList<AuditRecord> records);
    /// Marks a record as the first broken one after a failed verification (shown in red).
    void setBrokenSeq(qint64 seq);
    [[nodiscard]] const AuditRecord& record(int row) const { return m_records.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<AuditRecord> m_records;
    qint64 m_brokenSeq = 0;
};

} // namespace alpr::ui
