#include "map/MapView.h"

#include "canvass/Geodesy.h"
#include "map/MarkerClusterer.h"
#include "map/WebMercator.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace alpr::ui {

namespace {

constexpr int kTileCacheTiles = 400;
constexpr int kParentFallbackLevels = 4;
constexpr int kOverZoomLevels = 2;
constexpr double kHandleRadius = 7.0;
constexpr double kMarkerRadius = 6.0;
constexpr double kHighlightRadius = 9.0;
constexpr int kKeyPanPixels = 80;
constexpr double kMinimumRadiusMetres = 10.0;
const QColor kAreaColour(0x15, 0x65, 0xc0);
const QColor kHighlightColour(0xff, 0xd6, 0x00);

double distance(const QPointF& a, const QPointF& b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

} // namespace

MapView::MapView(QWidget* parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(320, 240);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_pool.setMaxThreadCount(2);
    m_tiles.setMaxCost(kTileCacheTiles);
    m_centreWorld = map::WebMercator::project(39.2826, -76.5685, m_zoom);
}

MapView::~MapView()
{
    // Loaders post back to this object; none may still run when it goes.
    m_pool.clear();
    m_pool.waitForDone();
}

void MapView::setTileSource(std::shared_ptr<map::TileSource> source)
{
    ++m_generation;
    m_tiles.clear();
    m_missing.clear();
    m_pending.clear();
    m_source = std::move(source);
    if (m_source) {
        const int clamped = std::clamp(m_zoom, m_source->minZoom(), m_source->maxZoom() + kOverZoomLevels);
        if (clamped != m_zoom)
            zoomAround(clamped, QPointF(width() / 2.0, height() / 2.0));
    }
    update();
}

void MapView::setView(double latitude, double longitude, int zoom)
{
    m_zoom = m_source ? std::clamp(zoom, m_source->minZoom(), m_source->maxZoom() + kOverZoomLevels)
                      : std::clamp(zoom, 0, 20);
    m_centreWorld = map::WebMercator::project(latitude, longitude, m_zoom);
    update();
}

QPointF MapView::centre() const
{
    return map::WebMercator::unproject(m_centreWorld, m_zoom);
}

QPointF MapView::topLeftWorld() const
{
    return m_centreWorld - QPointF(width() / 2.0, height() / 2.0);
}

QPointF MapView::toScreen(double latitude, double longitude) const
{
    return map::WebMercator::project(latitude, longitude, m_zoom) - topLeftWorld();
}

QPoint MapView::screenPosition(double latitude, double longitude) const
{
    return toScreen(latitude, longitude).toPoint();
}

QPointF MapView::toGeo(const QPointF& screen) const
{
    return map::WebMercator::unproject(screen + topLeftWorld(), m_zoom);
}

void MapView::zoomAround(int newZoom, const QPointF& screenAnchor)
{
    const int lowest = m_source ? m_source->minZoom() : 0;
    const int highest = m_source ? m_source->maxZoom() + kOverZoomLevels : 20;
    newZoom = std::clamp(newZoom, lowest, highest);
    if (newZoom == m_zoom)
        return;
    const QPointF geo = toGeo(screenAnchor);
    m_zoom = newZoom;
    m_centreWorld =
        map::WebMercator::project(geo.y(), geo.x(), m_zoom) - (screenAnchor - QPointF(width() / 2.0, height() / 2.0));
    update();
}

void MapView::setMarkers(const QList<MapMarker>& markers)
{
    m_markers = markers;
    update();
}

void MapView::setHighlighted(const QSet<qint64>& ids)
{
    m_highlighted = ids;
    update();
}

void MapView::showMarkers(const QSet<qint64>& ids)
{
    double south = 90, north = -90, west = 180, east = -180;
    for (const MapMarker& m : m_markers) {
        if (!ids.contains(m.id))
            continue;
        south = std::min(south, m.latitude);
        north = std::max(north, m.latitude);
        west = std::min(west, m.longitude);
        east = std::max(east, m.longitude);
    }
    if (south > north)
        return;
    const int highest = m_source ? m_source->maxZoom() : 18;
    const int lowest = m_source ? m_source->minZoom() : 0;
    int zoom = highest;
    for (; zoom > lowest; --zoom) {
        const QPointF a = map::WebMercator::project(north, west, zoom);
        const QPointF b = map::WebMercator::project(south, east, zoom);
        if (b.x() - a.x() < width() * 0.8 && b.y() - a.y() < height() * 0.8)
            break;
    }
    setView((south + north) / 2.0, (west + east) / 2.0, zoom);
}

void MapView::setArea(const CanvassArea& area)
{
    m_area = area;
    m_hasArea = true;
    m_drawingPolygon = false;
    update();
    emit areaChanged(m_area);
}

void MapView::startPolygon()
{
    m_drawingPolygon = true;
    m_newPolygon.clear();
    setFocus();
    update();
}

void MapView::finishPolygon()
{
    if (m_newPolygon.size() >= 3) {
        m_area = CanvassArea::polygon(m_newPolygon);
        m_hasArea = true;
        emit areaChanged(m_area);
        emit areaEdited(m_area);
    }
    m_drawingPolygon = false;
    m_newPolygon.clear();
    update();
}

void MapView::requestTile(const map::TileKey& key)
{
    if (!m_source || m_pending.contains(key) || m_missing.contains(key))
        return;
    m_pending.insert(key);
    m_pool.start([this, source = m_source, key, generation = m_generation] {
        const auto bytes = source->tile(key);
        QImage image;
        if (bytes && !bytes->isEmpty() && image.loadFromData(*bytes))
            image = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
        QMetaObject::invokeMethod(
            this, [this, generation, key, image] { tileArrived(generation, key, image, image.isNull()); },
            Qt::QueuedConnection);
    });
}

void MapView::tileArrived(quint64 generation, const map::TileKey& key, const QImage& image, bool missing)
{
    if (generation != m_generation)
        return;
    m_pending.remove(key);
    if (missing)
        m_missing.insert(key);
    else
        m_tiles.insert(key, new QImage(image), 1);
    update();
    if (m_pending.isEmpty())
        emit tilesSettled();
}

QList<MarkerCluster> MapView::clusters() const
{
    QList<QPointF> world;
    QSet<int> separate;
    world.reserve(m_markers.size());
    for (int i = 0; i < m_markers.size(); ++i) {
        world.append(map::WebMercator::project(m_markers[i].latitude, m_markers[i].longitude, m_zoom));
        if (m_highlighted.contains(m_markers[i].id))
            separate.insert(i);
    }
    return MarkerClusterer::cluster(world, separate, kClusterCellPixels);
}

int MapView::visibleMarkerSymbols() const
{
    const QRectF view(topLeftWorld(), QSizeF(size()));
    const auto all = clusters();
    return int(std::count_if(all.begin(), all.end(),
                             [&](const MarkerCluster& c) { return !c.isCluster() && view.contains(c.position); }));
}

int MapView::visibleClusters() const
{
    const QRectF view(topLeftWorld(), QSizeF(size()));
    const auto all = clusters();
    return int(std::count_if(all.begin(), all.end(),
                             [&](const MarkerCluster& c) { return c.isCluster() && view.contains(c.position); }));
}

QList<QPointF> MapView::handles() const
{
    QList<QPointF> out;
    if (!m_hasArea)
        return out;
    const GeoPoint c = m_area.centre();
    out.append(toScreen(c.latitude, c.longitude));
    if (m_area.kind() == CanvassArea::Kind::Circle) {
        const GeoPoint east = Geodesy::destination(c, 90.0, m_area.radiusMetres());
        out.append(toScreen(east.latitude, east.longitude));
    } else {
        for (const GeoPoint& v : m_area.vertices())
            out.append(toScreen(v.latitude, v.longitude));
    }
    return out;
}

void MapView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0xe8, 0xe4, 0xdc));
    drawTiles(painter);
    painter.setRenderHint(QPainter::Antialiasing);
    drawArea(painter);
    drawMarkers(painter);
    drawOverlayText(painter);
}

void MapView::drawTiles(QPainter& painter)
{
    if (!m_source)
        return;
    const QPointF topLeft = topLeftWorld();
    const int tileCount = 1 << m_zoom;
    const int size = map::WebMercator::kTileSize;
    const int firstX = int(std::floor(topLeft.x() / size)), lastX = int(std::floor((topLeft.x() + width()) / size));
    const int firstY = int(std::floor(topLeft.y() / size)), lastY = int(std::floor((topLeft.y() + height()) / size));
    const bool canFetch = m_zoom >= m_source->minZoom() && m_zoom <= m_source->maxZoom();
    for (int ty = std::max(0, firstY); ty <= std::min(tileCount - 1, lastY); ++ty) {
        for (int tx = firstX; tx <= lastX; ++tx) {
            const int wrappedX = ((tx % tileCount) + tileCount) % tileCount;
            const map::TileKey key{m_zoom, wrappedX, ty};
            const QRectF target(tx * double(size) - topLeft.x(), ty * double(size) - topLeft.y(), size, size);
            if (const QImage* image = m_tiles.object(key)) {
                painter.drawImage(target, *image);
                continue;
            }
            if (canFetch)
                requestTile(key);
            // Until the tile arrives (or beyond the source's deepest zoom), stretch a cached ancestor.
            for (int up = 1; up <= kParentFallbackLevels && m_zoom - up >= 0; ++up) {
                const map::TileKey parent{m_zoom - up, wrappedX >> up, ty >> up};
                if (const QImage* image = m_tiles.object(parent)) {
                    const double part = double(size) / double(1 << up);
                    const QRectF source((wrappedX & ((1 << up) - 1)) * part, (ty & ((1 << up) - 1)) * part, part, part);
                    painter.drawImage(target, *image, source);
                    break;
                }
                if (up == 1 && !m_missing.contains(parent) && m_zoom - 1 >= m_source->minZoom() &&
                    m_zoom - 1 <= m_source->maxZoom() && !canFetch)
                    requestTile(parent);
            }
        }
    }
}

void MapView::drawArea(QPainter& painter)
{
    if (m_drawingPolygon) {
        QPolygonF line;
        for (const GeoPoint& p : m_newPolygon)
            line.append(toScreen(p.latitude, p.longitude));
        painter.setPen(QPen(kAreaColour, 2, Qt::DashLine));
        painter.drawPolyline(line);
        painter.setBrush(Qt::white);
        for (const QPointF& p : line)
            painter.drawEllipse(p, kHandleRadius - 2, kHandleRadius - 2);
        return;
    }
    if (!m_hasArea)
        return;
    QPolygonF outline;
    for (const GeoPoint& p : m_area.outline(120))
        outline.append(toScreen(p.latitude, p.longitude));
    QColor fill = kAreaColour;
    fill.setAlpha(40);
    painter.setPen(QPen(kAreaColour, 2.5));
    painter.setBrush(fill);
    painter.drawPolygon(outline);
    painter.setPen(QPen(kAreaColour, 2));
    painter.setBrush(Qt::white);
    const QList<QPointF> points = handles();
    for (int i = 0; i < points.size(); ++i) {
        if (i == 0)
            painter.drawRect(QRectF(points[i] - QPointF(kHandleRadius, kHandleRadius),
                                    QSizeF(2 * kHandleRadius, 2 * kHandleRadius)));
        else
            painter.drawEllipse(points[i], kHandleRadius, kHandleRadius);
    }
}

void MapView::drawMarkers(QPainter& painter)
{
    const QPointF topLeft = topLeftWorld();
    const QRectF view = QRectF(rect()).adjusted(-20, -20, 20, 20);
    QList<const MarkerCluster*> highlighted;
    const QList<MarkerCluster> all = clusters();
    QFont font = painter.font();
    font.setBold(true);
    painter.setFont(font);
    for (const MarkerCluster& c : all) {
        const QPointF p = c.position - topLeft;
        if (!view.contains(p))
            continue;
        if (c.isCluster()) {
            const double radius = 11.0 + 3.0 * std::log2(double(c.markerIndexes.size()));
            QColor colour = m_markers[c.markerIndexes.first()].colour;
            colour.setAlpha(215);
            painter.setPen(QPen(Qt::white, 2));
            painter.setBrush(colour);
            painter.drawEllipse(p, radius, radius);
            painter.setPen(Qt::white);
            painter.drawText(QRectF(p.x() - radius, p.y() - radius, 2 * radius, 2 * radius), Qt::AlignCenter,
                             QString::number(c.markerIndexes.size()));
            continue;
        }
        const MapMarker& m = m_markers[c.markerIndexes.first()];
        if (m_highlighted.contains(m.id)) {
            highlighted.append(&c); // drawn last, on top
            continue;
        }
        painter.setPen(QPen(Qt::white, 1.5));
        painter.setBrush(m.colour);
        painter.drawEllipse(p, kMarkerRadius, kMarkerRadius);
    }
    for (const MarkerCluster* c : highlighted) {
        const QPointF p = c->position - topLeft;
        painter.setPen(QPen(Qt::black, 2));
        painter.setBrush(kHighlightColour);
        painter.drawEllipse(p, kHighlightRadius, kHighlightRadius);
    }
}

void MapView::drawOverlayText(QPainter& painter)
{
    QFont font = painter.font();
    font.setBold(false);
    font.setPointSizeF(std::max(7.0, font.pointSizeF() - 1));
    painter.setFont(font);
    const QFontMetrics metrics(font);
    if (!m_source) {
        painter.setPen(Qt::black);
        painter.drawText(rect(), Qt::AlignCenter,
                         tr("No map source: choose an MBTiles file or tile folder in the settings"));
        return;
    }
    // Attribution, as the tile licence requires, bottom right.
    const QString attribution = m_source->attribution();
    QRect box = metrics.boundingRect(attribution).adjusted(-6, -3, 6, 3);
    box.moveBottomRight(rect().bottomRight() - QPoint(2, 2));
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 255, 255, 210));
    painter.drawRect(box);
    painter.setPen(QColor(0x33, 0x33, 0x33));
    painter.drawText(box, Qt::AlignCenter, attribution);

    // Scale bar, bottom left: the longest round distance under 120 px.
    const double metresPerPixel = map::WebMercator::metresPerPixel(centre().y(), m_zoom);
    double metres = 1;
    for (double candidate : {5., 10., 20., 50., 100., 200., 500., 1000., 2000., 5000., 10000., 20000., 50000.}) {
        if (candidate / metresPerPixel <= 120)
            metres = candidate;
    }
    const int pixels = int(metres / metresPerPixel);
    const QPoint origin(10, height() - 12);
    painter.setPen(QPen(Qt::black, 2));
    painter.drawLine(origin, origin + QPoint(pixels, 0));
    painter.drawLine(origin, origin - QPoint(0, 5));
    painter.drawLine(origin + QPoint(pixels, 0), origin + QPoint(pixels, -5));
    painter.drawText(origin + QPoint(4, -6), metres >= 1000 ? tr("%1 km").arg(metres / 1000) : tr("%1 m").arg(metres));

    if (m_drawingPolygon) {
        const QString hint = tr("Click the corners of the area; double-click or Enter to finish, Esc to cancel");
        QRect hintBox = metrics.boundingRect(hint).adjusted(-8, -4, 8, 4);
        hintBox.moveTopLeft(QPoint(8, 8));
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(255, 255, 255, 230));
        painter.drawRect(hintBox);
        painter.setPen(Qt::black);
        painter.drawText(hintBox, Qt::AlignCenter, hint);
    }
}

void MapView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const QPointF pos = event->position();
    m_pressPosition = event->position().toPoint();
    m_pressCentreWorld = m_centreWorld;
    m_moved = false;
    if (m_drawingPolygon) {
        const QPointF geo = toGeo(pos);
        m_newPolygon.append({geo.y(), geo.x()});
        update();
        return;
    }
    const QList<QPointF> points = handles();
    for (int i = 0; i < points.size(); ++i) {
        if (distance(points[i], pos) <= kHandleRadius + 3) {
            m_drag = i == 0                                       ? Drag::AreaCentre
                     : m_area.kind() == CanvassArea::Kind::Circle ? Drag::Radius
                                                                  : Drag::Vertex;
            m_dragVertex = i - 1;
            return;
        }
    }
    const QPointF topLeft = topLeftWorld();
    for (const MarkerCluster& c : clusters()) {
        const QPointF p = c.position - topLeft;
        const double radius = c.isCluster() ? 11.0 + 3.0 * std::log2(double(c.markerIndexes.size())) : kHighlightRadius;
        if (distance(p, pos) > radius)
            continue;
        const int highest = m_source ? m_source->maxZoom() + kOverZoomLevels : 20;
        if (c.isCluster() && m_zoom < highest)
            zoomAround(m_zoom + 2, p);
        else
            emit markerClicked(m_markers[c.markerIndexes.first()].id);
        return;
    }
    m_drag = Drag::Pan;
    setCursor(Qt::ClosedHandCursor);
}

void MapView::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    if ((pos.toPoint() - m_pressPosition).manhattanLength() > 2)
        m_moved = true;
    const QPointF geo = toGeo(pos);
    const GeoPoint at{geo.y(), geo.x()};
    switch (m_drag) {
    case Drag::None:
        return;
    case Drag::Pan:
        m_centreWorld = m_pressCentreWorld - (pos - QPointF(m_pressPosition));
        break;
    case Drag::AreaCentre:
        if (m_area.kind() == CanvassArea::Kind::Circle) {
            m_area = CanvassArea::circle(at, m_area.radiusMetres());
        } else {
            const GeoPoint from = m_area.centre();
            QList<GeoPoint> moved = m_area.vertices();
            for (GeoPoint& v : moved)
                v = {v.latitude + at.latitude - from.latitude, v.longitude + at.longitude - from.longitude};
            m_area = CanvassArea::polygon(moved);
        }
        break;
    case Drag::Radius:
        m_area =
            CanvassArea::circle(m_area.centre(), std::clamp(Geodesy::distanceMetres(m_area.centre(), at),
                                                            kMinimumRadiusMetres, CanvassArea::kMaximumRadiusMetres));
        break;
    case Drag::Vertex: {
        QList<GeoPoint> vertices = m_area.vertices();
        if (m_dragVertex >= 0 && m_dragVertex < vertices.size())
            vertices[m_dragVertex] = at;
        m_area = CanvassArea::polygon(vertices);
        break;
    }
    }
    if (m_drag != Drag::Pan)
        emit areaChanged(m_area);
    update();
}

void MapView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const Drag finished = m_drag;
    m_drag = Drag::None;
    unsetCursor();
    if (finished != Drag::None && finished != Drag::Pan && m_moved)
        emit areaEdited(m_area);
}

void MapView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (m_drawingPolygon && event->button() == Qt::LeftButton)
        finishPolygon();
    else if (event->button() == Qt::LeftButton)
        zoomAround(m_zoom + 1, event->position());
}

void MapView::wheelEvent(QWheelEvent* event)
{
    const int steps = event->angleDelta().y() / 120;
    if (steps != 0)
        zoomAround(m_zoom + (steps > 0 ? 1 : -1), event->position());
    event->accept();
}

void MapView::keyPressEvent(QKeyEvent* event)
{
    const QPointF middle(width() / 2.0, height() / 2.0);
    switch (event->key()) {
    case Qt::Key_Left:
        m_centreWorld -= QPointF(kKeyPanPixels, 0);
        break;
    case Qt::Key_Right:
        m_centreWorld += QPointF(kKeyPanPixels, 0);
        break;
    case Qt::Key_Up:
        m_centreWorld -= QPointF(0, kKeyPanPixels);
        break;
    case Qt::Key_Down:
        m_centreWorld += QPointF(0, kKeyPanPixels);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
    case Qt::Key_PageUp:
        zoomAround(m_zoom + 1, middle);
        return;
    case Qt::Key_Minus:
    case Qt::Key_PageDown:
        zoomAround(m_zoom - 1, middle);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_drawingPolygon)
            finishPolygon();
        return;
    case Qt::Key_Escape:
        if (m_drawingPolygon) {
            m_drawingPolygon = false;
            m_newPolygon.clear();
        }
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    update();
}

} // namespace alpr::ui
