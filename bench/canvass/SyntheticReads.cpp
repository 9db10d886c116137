#include "SyntheticReads.h"

#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QElapsedTimer>

#include <cmath>
#include <cstdio>

namespace alpr::bench {

namespace {
constexpr int kCorridors = 300;
constexpr int kUnits = 40;
constexpr int kPlatePool = 600000;
constexpr double kCorridorSigmaDegrees = 0.003; // ~300 m
} // namespace

SyntheticReads::SyntheticReads(quint32 seed) : m_random(seed), m_start(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC)
{
    for (int i = 0; i < kCorridors; ++i)
        m_corridors.append({kCentreLatitude + (m_random.generateDouble() * 2 - 1) * kHalfSpanDegrees,
                            kCentreLongitude + (m_random.generateDouble() * 2 - 1) * kHalfSpanDegrees * 1.29});
}

GeoPoint SyntheticReads::randomPosition()
{
    if (m_random.bounded(10) < 6) {
        // Box-Muller around a corridor.
        const GeoPoint& c = m_corridors[m_random.bounded(kCorridors)];
        const double u = std::max(1e-12, m_random.generateDouble()), v = m_random.generateDouble();
        const double r = std::sqrt(-2.0 * std::log(u)) * kCorridorSigmaDegrees;
        return {c.latitude + r * std::cos(2 * M_PI * v), c.longitude + r * std::sin(2 * M_PI * v) * 1.29};
    }
    return {kCentreLatitude + (m_random.generateDouble() * 2 - 1) * kHalfSpanDegrees,
            kCentreLongitude + (m_random.generateDouble() * 2 - 1) * kHalfSpanDegrees * 1.29};
}

GeoPoint SyntheticReads::randomScene()
{
    return randomPosition();
}

VoidResult SyntheticReads::generate(store::Database& db, qint64 count, int batchSize)
{
    return guarded([&] {
        static const char letters[] = "ABCDEFGHJKLMNPRSTUVWXYZ";
        QStringList plates;
        plates.reserve(kPlatePool);
        for (int i = 0; i < kPlatePool; ++i) {
            QString plate;
            for (int k = 0; k < 7; ++k)
                plate +=
                    k < 3 ? QLatin1Char(letters[m_random.bounded(23)]) : QLatin1Char(char('0' + m_random.bounded(10)));
            plates.append(plate);
        }
        QStringList units;
        {
            store::Transaction tx(db);
            auto unit = db.prepare(QStringLiteral("INSERT OR IGNORE INTO units(id, created_utc) VALUES (?1, ?2)"));
            for (int i = 0; i < kUnits; ++i) {
                units.append(QStringLiteral("CAR-%1").arg(i + 1, 2, 10, QLatin1Char('0')));
                unit.bind(1, units.last()).bind(2, m_start.toString(Qt::ISODate)).run();
            }
            tx.commit();
        }
        const qint64 startSecs = m_start.toSecsSinceEpoch();
        const double secsPerRead = double(kDays) * 86400.0 / double(count);
        const qint64 imported = QDateTime::currentSecsSinceEpoch();
        QElapsedTimer timer;
        timer.start();
        for (qint64 done = 0; done < count;) {
            store::Transaction tx(db);
            auto insert = db.prepare(
                QStringLiteral("INSERT INTO reads(plate, confidence, time_utc, lat, lon, unit_id, imported_utc) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
            const qint64 end = std::min(count, done + batchSize);
            for (; done < end; ++done) {
                // Skewed plate choice: a few vehicles pass often, most rarely.
                const double skew = m_random.generateDouble();
                const GeoPoint at = randomPosition();
                insert.bind(1, plates[int(skew * skew * kPlatePool)])
                    .bind(2, 0.6 + m_random.generateDouble() * 0.4)
                    .bind(3, startSecs + qint64(double(done) * secsPerRead))
                    .bind(4, at.latitude)
                    .bind(5, at.longitude)
                    .bind(6, units[m_random.bounded(kUnits)])
                    .bind(7, imported)
                    .run();
            }
            tx.commit();
            std::fprintf(stderr, "\r  generated %lld / %lld reads (%.0f reads/s)", qlonglong(done), qlonglong(count),
                         double(done) / (double(timer.elapsed()) / 1000.0 + 1e-9));
        }
        std::fprintf(stderr, "\n");
    });
}

} // namespace alpr::bench
