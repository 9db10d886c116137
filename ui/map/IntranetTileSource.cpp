#include "map/IntranetTileSource.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

namespace alpr::ui {

namespace {
constexpr int kTimeoutMs = 10000;
}

IntranetTileSource::IntranetTileSource(QString urlTemplate, map::TileDiskCache cache, QString attribution)
    : m_urlTemplate(std::move(urlTemplate)), m_cache(std::move(cache)),
      m_attribution(attribution.isEmpty() ? map::defaultAttribution() : std::move(attribution))
{
}

Result<QByteArray> IntranetTileSource::tile(const map::TileKey& key)
{
    if (!key.isValid())
        return QByteArray();
    const map::TileDiskCache::Entry cached = m_cache.lookup(key);
    if (cached.fresh)
        return cached.bytes;
    QString address = m_urlTemplate;
    address.replace(QLatin1String("{z}"), QString::number(key.zoom))
        .replace(QLatin1String("{x}"), QString::number(key.x))
        .replace(QLatin1String("{y}"), QString::number(key.y));
    QNetworkAccessManager network;
    QNetworkRequest request{QUrl(address)};
    request.setTransferTimeout(kTimeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("alpr-workstation"));
    QNetworkReply* reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::NoError) {
        const QByteArray bytes = reply->readAll();
        m_cache.store(key, bytes);
        return bytes;
    }
    if (status == 404)
        return QByteArray(); // the server has no tile here: the map's edge
    if (!cached.bytes.isEmpty())
        return cached.bytes; // stale beats nothing while the server is unreachable
    return fail(ErrorCode::Io, QStringLiteral("The tile server did not answer"), reply->errorString());
}

QString IntranetTileSource::describe() const
{
    return QStringLiteral("tile server %1 (cache %2)").arg(m_urlTemplate, m_cache.directory());
}

} // namespace alpr::ui
