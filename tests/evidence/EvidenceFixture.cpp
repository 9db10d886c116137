#include "EvidenceFixture.h"

#include "reads/ReadRepository.h"
#include "store/Transaction.h"

#include <QTest>

namespace alpr::test {

QByteArray EvidenceFixture::image(const QString& plate, const QString& role, bool png)
{
    QByteArray bytes = png ? QByteArray("\x89PNG\r\n\x1a\n", 8) : QByteArray("\xFF\xD8\xFF\xE0", 4);
    bytes += "IMG-" + plate.toLatin1() + "-" + role.toLatin1() + ";";
    bytes += QByteArray(512, char(plate.size() + role.size()));
    return bytes;
}

PlateRead EvidenceFixture::read(const QString& plate, const QDateTime& timeUtc, bool withImages)
{
    PlateRead r;
    r.plate = plate;
    r.confidence = 0.91;
    r.timeUtc = timeUtc;
    r.latitude = 33.7401;
    r.longitude = -118.1045;
    r.unitId = QStringLiteral("UNIT-7");
    r.sourceFile = QStringLiteral("camera7/2024-03-01.mp4");
    r.sourceOffsetMs = 12500;
    r.frame = 375;
    r.alternatives = {{plate.left(plate.size() - 1) + QLatin1Char('8'), 0.41}};
    if (withImages) {
        r.cropImage = image(plate, QStringLiteral("crop"));
        r.contextImage = image(plate, QStringLiteral("context"), true);
    }
    return r;
}

QList<PlateRead> EvidenceFixture::insert(Session& session, QList<PlateRead> reads)
{
    auto inserted = guarded([&] {
        store::Transaction tx(session.database());
        ReadRepository(session.database()).insert(tx, reads);
        tx.commit();
    });
    if (!inserted)
        qWarning("EvidenceFixture: %s", qPrintable(inserted.error().toString()));
    return reads;
}

} // namespace alpr::test
