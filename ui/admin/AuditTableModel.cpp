#include "admin/AuditTableModel.h"

#include <QBrush>

namespace alpr::ui {

void AuditTableModel::setRecords(QList<AuditRecord> records)
{
    beginResetModel();
    m_records = std::move(records);
    endResetModel();
}

void AuditTableModel::setBrokenSeq(qint64 seq)
{
    m_brokenSeq = seq;
    if (!m_records.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int AuditTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int AuditTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const AuditRecord& r = m_records.at(index.row());
    if (role == Qt::BackgroundRole && m_brokenSeq != 0 && r.seq == m_brokenSeq)
        return QBrush(QColor(255, 190, 190));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Seq: return r.seq;
    case Time: return r.timeUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    case User: return r.user;
    case Workstation: return r.workstation;
    case Action: return r.action;
    case Object: return r.object;
    case Purpose: return r.purpose;
    case Case: return r.caseNumber;
    case Outcome: return r.outcome;
    case Parameters: return r.parameters;
    default: return {};
    }
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char* const names[] = {"#", "Time", "User", "Workstation", "Action", "Object", "Purpose", "Case",
                                        "Outcome", "Parameters"};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace alpr::ui
