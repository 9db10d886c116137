#include "hotlists/AlertQueueModel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace alpr::ui {

AlertQueueModel::AlertQueueModel(QObject* parent) : QAbstractTableModel(parent) {}

void AlertQueueModel::setAlerts(QList<Alert> alerts)
{
    beginResetModel();
    m_alerts = std::move(alerts);
    endResetModel();
}

const Alert* AlertQueueModel::alertAt(int row) const
{
    return row >= 0 && row < m_alerts.size() ? &m_alerts[row] : nullptr;
}

int AlertQueueModel::rowOf(qint64 alertId) const
{
    for (int i = 0; i < m_alerts.size(); ++i)
        if (m_alerts[i].id == alertId)
            return i;
    return -1;
}

int AlertQueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_alerts.size());
}

int AlertQueueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertQueueModel::data(const QModelIndex& index, int role) const
{
    const Alert* a = alertAt(index.row());
    if (!a)
        return {};
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Priority:
            return HotlistPriority::name(a->priority);
        case State:
            return alertStateName(a->state);
        case ReadTime:
            return a->read.timeUtc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case Plate:
            return a->matchedPlate == a->entryPlate
                       ? a->entryPlate
                       : QStringLiteral("%1 (read %2)").arg(a->entryPlate, a->matchedPlate);
        case PlateState:
            return a->entryState;
        case List:
            return QStringLiteral("%1 · %2").arg(a->listName, a->category);
        case Match:
            return a->retro ? tr("%1 (past read)").arg(a->matchKind) : a->matchKind;
        case Unit:
            return a->read.unitId;
        case Verification:
            return a->state == AlertState::Rejected ? tr("Rejected: %1").arg(a->rejectReason) : a->verificationText();
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Verification && !a->isVerified() &&
        a->state != AlertState::Rejected)
        return QBrush(QColor(0xb0, 0x00, 0x20));
    if (role == Qt::FontRole && (a->state == AlertState::New || (index.column() == Priority && a->priority == 1))) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::UserRole)
        return a->id;
    return {};
}

QVariant AlertQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const QStringList headers{tr("Priority"), tr("State"), tr("Read (UTC)"), tr("Plate"),       tr("St."),
                                     tr("List"),     tr("Match"), tr("Unit"),       tr("Verification")};
    return headers.value(section);
}

} // namespace alpr::ui
