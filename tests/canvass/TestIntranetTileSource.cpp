#include "map/IntranetTileSource.h"

#include <QDir>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace alpr;
using namespace alpr::ui;

namespace {

/// A one-file HTTP server on localhost: /15/9371/12537.png is a tile, everything else 404. It runs on the test's
/// thread; IntranetTileSource's own event loop drives it while waiting for the reply.
class TinyTileServer : public QObject {
public:
    static inline const QByteArray kTile = QByteArray("\x89PNG served tile");

    TinyTileServer()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    const QByteArray request = socket->readAll();
                    ++m_requests;
                    const bool known = request.startsWith("GET /osm/15/9371/12537.png ");
                    const QByteArray body = known ? kTile : QByteArray("no tile");
                    socket->write((known ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 404 Not Found\r\n") +
                                  QByteArray("Content-Type: image/png\r\nConnection: close\r\nContent-Length: ") +
                                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
            }
        });
    }
    [[nodiscard]] QString urlTemplate() const
    {
        return QStringLiteral("http://127.0.0.1:%1/osm/{z}/{x}/{y}.png").arg(m_server.serverPort());
    }
    [[nodiscard]] int requests() const { return m_requests; }
    void close() { m_server.close(); }

private:
    QTcpServer m_server;
    int m_requests = 0;
};

} // namespace

class TestIntranetTileSource : public QObject {
    Q_OBJECT

private slots:
    void fetchesThenServesFromCache()
    {
        TinyTileServer server;
        QTemporaryDir cache;
        IntranetTileSource source(server.urlTemplate(), map::TileDiskCache(cache.path(), 30));
        QCOMPARE(*source.tile({15, 9371, 12537}), TinyTileServer::kTile);
        QCOMPARE(server.requests(), 1);
        QVERIFY(QFile::exists(cache.filePath(QStringLiteral("15/9371/12537.tile"))));
        QCOMPARE(*source.tile({15, 9371, 12537}), TinyTileServer::kTile);
        QCOMPARE(server.requests(), 1); // fresh in the cache: the server is not asked again
        QCOMPARE(source.attribution(), QStringLiteral("© OpenStreetMap contributors"));
    }

    void missingTileIsTheMapsEdge()
    {
        TinyTileServer server;
        QTemporaryDir cache;
        IntranetTileSource source(server.urlTemplate(), map::TileDiskCache(cache.path(), 30));
        const auto tile = source.tile({15, 1, 1});
        QVERIFY(tile);
        QVERIFY(tile->isEmpty());
    }

    void staleTilesWhenTheServerIsDown()
    {
        TinyTileServer server;
        QTemporaryDir cache;
        const QString url = server.urlTemplate();
        // Max age -1: every cached tile is stale, so the server is always asked first.
        IntranetTileSource source(url, map::TileDiskCache(cache.path(), -1));
        QCOMPARE(*source.tile({15, 9371, 12537}), TinyTileServer::kTile);
        server.close();
        QCOMPARE(*source.tile({15, 9371, 12537}), TinyTileServer::kTile); // stale copy beats nothing
        const auto uncached = source.tile({15, 9371, 12538});
        QVERIFY(!uncached);
        QCOMPARE(uncached.error().code, ErrorCode::Io);
    }
};

QTEST_GUILESS_MAIN(TestIntranetTileSource)
#include "TestIntranetTileSource.moc"
