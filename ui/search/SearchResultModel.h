#pragma once

#include "search/SearchResult.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPixmap>

#include <vector>

namespace alpr::ui {

/// Search hits for the results table. Holds all hits (a million is fine) but hands them to the view in pages
/// (canFetchMore/fetchMore), sorts with typed comparisons instead of QVariant, and shows plate crops that the page
/// loads on demand: thumbnailNeeded() asks, setThumbnail() answers.
class SearchResultModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        CropColumn,
        PlateColumn,
        MatchedColumn,
        ConfidenceColumn,
        TimeColumn,
        UnitColumn,
        PlaceColumn,
        MatchColumn,
        ColumnCount
    };
    static constexpr int kPageRows = 2000;

    explicit SearchResultModel(QObject* parent = nullptr);

    void setHits(QList<SearchHit> hits);
    [[nodiscard]] const SearchHit* hitAt(int row) const;
    /// All hits in the current sort order (what an export writes).
    [[nodiscard]] QList<SearchHit> orderedHits() const;
    [[nodiscard]] int totalHits() const { return int(m_order.size()); }
    void setThumbnail(qint64 imageId, const QPixmap& pixmap);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void thumbnailNeeded(qint64 imageId) const;

private:
    QList<SearchHit> m_hits;
    std::vector<int> m_order; ///< row -> index into m_hits
    int m_loaded = 0;
    QHash<qint64, QPixmap> m_thumbnails; ///< image id -> crop; a null pixmap = requested, not there yet
};

} // namespace alpr::ui
