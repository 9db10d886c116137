#pragma once

#include "canvass/CanvassArea.h"
#include "map/MapMarker.h"
#include "map/TileKey.h"
#include "map/TileSource.h"

#include <QCache>
#include <QImage>
#include <QSet>
#include <QThreadPool>
#include <QWidget>

#include <memory>

namespace alpr::ui {

struct MarkerCluster;

/// A slippy map without QtLocation: raster tiles from any map::TileSource, fetched and decoded on the view's own
/// pool (never on the GUI thread), drawn with the source's attribution. Pan by dragging or with the arrow keys,
/// zoom with the wheel or +/-. Shows markers (clustered when they would overlap; highlighted ones always alone)
/// and one canvass area, a circle or a polygon, editable by dragging its handles: the centre moves it, the east
/// handle sets the radius, a polygon's corners move one by one. A polygon is drawn by clicking its corners after
/// startPolygon() and finished with a double click or Enter.
class MapView : public QWidget {
    Q_OBJECT
public:
    static constexpr double kClusterCellPixels = 44.0;

    explicit MapView(QWidget* parent = nullptr);
    ~MapView() override;

    void setTileSource(std::shared_ptr<map::TileSource> source);
    [[nodiscard]] std::shared_ptr<map::TileSource> tileSource() const { return m_source; }
    void setView(double latitude, double longitude, int zoom);
    [[nodiscard]] int zoom() const { return m_zoom; }
    /// x = longitude, y = latitude.
    [[nodiscard]] QPointF centre() const;

    void setMarkers(const QList<MapMarker>& markers);
    [[nodiscard]] const QList<MapMarker>& markers() const { return m_markers; }
    void setHighlighted(const QSet<qint64>& ids);
    [[nodiscard]] const QSet<qint64>& highlighted() const { return m_highlighted; }
    /// Zooms and centres so that every given marker is in view (at most the source's maximum zoom).
    void showMarkers(const QSet<qint64>& ids);

    void setArea(const CanvassArea& area);
    [[nodiscard]] const CanvassArea& area() const { return m_area; }
    [[nodiscard]] bool hasArea() const { return m_hasArea; }
    void startPolygon();

    /// What is drawn now, for tests and the PDF: single markers and clusters in view.
    [[nodiscard]] int visibleMarkerSymbols() const;
    [[nodiscard]] int visibleClusters() const;
    /// Tiles requested and not yet delivered.
    [[nodiscard]] int pendingTiles() const { return int(m_pending.size()); }
    [[nodiscard]] QPoint screenPosition(double latitude, double longitude) const;

signals:
    void markerClicked(qint64 id);
    /// The user finished moving or reshaping the area (not emitted by setArea()).
    void areaEdited(const alpr::CanvassArea& area);
    /// Any change of the area, by setArea() or while the user drags (for labels that follow it live).
    void areaChanged(const alpr::CanvassArea& area);
    void tilesSettled();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    enum class Drag { None, Pan, AreaCentre, Radius, Vertex };

    [[nodiscard]] QPointF topLeftWorld() const;
    [[nodiscard]] QPointF toScreen(double latitude, double longitude) const;
    [[nodiscard]] QPointF toGeo(const QPointF& screen) const; ///< x = longitude, y = latitude
    void zoomAround(int newZoom, const QPointF& screenAnchor);
    void requestTile(const map::TileKey& key);
    void tileArrived(quint64 generation, const map::TileKey& key, const QImage& image, bool missing);
    [[nodiscard]] QList<MarkerCluster> clusters() const;
    [[nodiscard]] QList<QPointF> handles() const; ///< screen positions: centre, then radius or vertices
    void drawTiles(QPainter& painter);
    void drawArea(QPainter& painter);
    void drawMarkers(QPainter& painter);
    void drawOverlayText(QPainter& painter);
    void finishPolygon();

    std::shared_ptr<map::TileSource> m_source;
    QThreadPool m_pool;
    quint64 m_generation = 0;
    QCache<map::TileKey, QImage> m_tiles;
    QSet<map::TileKey> m_missing;
    QSet<map::TileKey> m_pending;
    int m_zoom = 15;
    QPointF m_centreWorld; ///< world pixels at m_zoom

    QList<MapMarker> m_markers;
    QSet<qint64> m_highlighted;
    CanvassArea m_area;
    bool m_hasArea = false;
    bool m_drawingPolygon = false;
    QList<GeoPoint> m_newPolygon;

    Drag m_drag = Drag::None;
    int m_dragVertex = -1;
    QPoint m_pressPosition;
    QPointF m_pressCentreWorld;
    bool m_moved = false;
};

} // namespace alpr::ui
