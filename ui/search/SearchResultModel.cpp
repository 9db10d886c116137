#include "search/SearchResultModel.h"

#include <QLocale>

#include <algorithm>
#include <numeric>

namespace alpr::ui {

SearchResultModel::SearchResultModel(QObject* parent) : QAbstractTableModel(parent) {}

void SearchResultModel::setHits(QList<SearchHit> hits)
{
    beginResetModel();
    m_hits = std::move(hits);
    m_order.resize(size_t(m_hits.size()));
    std::iota(m_order.begin(), m_order.end(), 0);
    m_loaded = std::min<int>(kPageRows, int(m_hits.size()));
    m_thumbnails.clear();
    endResetModel();
}

const SearchHit* SearchResultModel::hitAt(int row) const
{
    return row >= 0 && row < m_loaded ? &m_hits[m_order[size_t(row)]] : nullptr;
}

QList<SearchHit> SearchResultModel::orderedHits() const
{
    QList<SearchHit> out;
    out.reserve(m_hits.size());
    for (int i : m_order)
        out.append(m_hits[i]);
    return out;
}

void SearchResultModel::setThumbnail(qint64 imageId, const QPixmap& pixmap)
{
    m_thumbnails.insert(imageId, pixmap);
    for (int row = 0; row < m_loaded; ++row) // only the rows handed out so far can show it
        if (m_hits[m_order[size_t(row)]].read.cropImageId == imageId)
            emit dataChanged(index(row, CropColumn), index(row, CropColumn), {Qt::DecorationRole});
}

int SearchResultModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_loaded;
}

int SearchResultModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchResultModel::data(const QModelIndex& index, int role) const
{
    const SearchHit* hit = hitAt(index.row());
    if (!hit)
        return {};
    const PlateRead& r = hit->read;
    if (role == Qt::DecorationRole && index.column() == CropColumn && r.cropImageId) {
        const auto found = m_thumbnails.constFind(r.cropImageId);
        if (found == m_thumbnails.constEnd()) {
            const_cast<SearchResultModel*>(this)->m_thumbnails.insert(r.cropImageId, QPixmap());
            emit thumbnailNeeded(r.cropImageId);
            return {};
        }
        return found->isNull() ? QVariant() : QVariant(*found);
    }
    if (role == Qt::ToolTipRole && index.column() == MatchColumn)
        return hit->explanation;
    if (role == Qt::UserRole)
        return r.id;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case CropColumn:
        return r.cropImageId ? QVariant() : QVariant(tr("no image"));
    case PlateColumn:
        return r.plate;
    case MatchedColumn:
        return hit->alternativeRank == 0 ? tr("best reading")
                                         : tr("%1 (alt. %2)").arg(hit->matchedPlate).arg(hit->alternativeRank);
    case ConfidenceColumn:
        return QString::number(r.confidence, 'f', 2);
    case TimeColumn:
        return r.timeUtc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    case UnitColumn:
        return r.unitId;
    case PlaceColumn:
        return r.latitude && r.longitude
                   ? QStringLiteral("%1, %2").arg(*r.latitude, 0, 'f', 5).arg(*r.longitude, 0, 'f', 5)
                   : QString();
    case MatchColumn:
        return hit->explanation;
    default:
        return {};
    }
}

QVariant SearchResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CropColumn:
        return tr("Crop");
    case PlateColumn:
        return tr("Plate");
    case MatchedColumn:
        return tr("Matched reading");
    case ConfidenceColumn:
        return tr("Confidence");
    case TimeColumn:
        return tr("Time");
    case UnitColumn:
        return tr("Unit");
    case PlaceColumn:
        return tr("Place");
    case MatchColumn:
        return tr("Why it matched");
    default:
        return {};
    }
}

bool SearchResultModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_loaded < int(m_order.size());
}

void SearchResultModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid())
        return;
    const int more = std::min<int>(kPageRows, int(m_order.size()) - m_loaded);
    beginInsertRows({}, m_loaded, m_loaded + more - 1);
    m_loaded += more;
    endInsertRows();
}

void SearchResultModel::sort(int column, Qt::SortOrder order)
{
    auto key = [&](const SearchHit& h, const SearchHit& o) -> int { // <0, 0, >0
        const PlateRead& a = h.read;
        const PlateRead& b = o.read;
        switch (column) {
        case PlateColumn:
            return a.plate.compare(b.plate);
        case MatchedColumn:
            return h.matchedPlate.compare(o.matchedPlate);
        case ConfidenceColumn:
            return a.confidence < b.confidence ? -1 : a.confidence > b.confidence ? 1 : 0;
        case TimeColumn: {
            const qint64 ta = a.timeUtc.toSecsSinceEpoch(), tb = b.timeUtc.toSecsSinceEpoch();
            return ta < tb ? -1 : ta > tb ? 1 : 0;
        }
        case UnitColumn:
            return a.unitId.compare(b.unitId);
        case PlaceColumn:
            return a.latitude.value_or(0) < b.latitude.value_or(0)   ? -1
                   : a.latitude.value_or(0) > b.latitude.value_or(0) ? 1
                                                                     : 0;
        default:
            return SearchHit::ranksBefore(h, o) ? -1 : SearchHit::ranksBefore(o, h) ? 1 : 0; // rank
        }
    };
    emit layoutAboutToBeChanged();
    std::stable_sort(m_order.begin(), m_order.end(), [&](int x, int y) {
        const int c = key(m_hits[x], m_hits[y]);
        return order == Qt::AscendingOrder ? c < 0 : c > 0;
    });
    emit layoutChanged();
}

} // namespace alpr::ui
