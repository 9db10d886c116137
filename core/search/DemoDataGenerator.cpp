#include "search/DemoDataGenerator.h"

#include "accounts/Session.h"
#include "audit/AuditLog.h"
#include "reads/ReadRepository.h"
#include "search/DemoPlateImage.h"
#include "search/LookAlikeTable.h"
#include "search/ReadIndexer.h"
#include "store/Transaction.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <functional>
#include <memory>
#include <random>

namespace alpr {

namespace {

constexpr qint64 kReadsPerTransaction = 200000;
constexpr qint64 kBulkCacheKiB = -1048576; // negative: KiB, as PRAGMA cache_size takes it (1 GiB)
constexpr double kFrequentShare = 0.3;     // share of reads from the frequent vehicles (commuters, locals)
constexpr double kFrequentVehicles = 0.005;
constexpr double kMisreadShare = 0.07;      // best reading has a look-alike error; the truth is the runner-up
constexpr double kAlternativesShare = 0.35; // a correct best reading with look-alike runner-ups

struct StreetPoint {
    double lat;
    double lon;
};

quint64 mix(quint64 x)
{
    // splitmix64: a vehicle's plate and home streets follow from its number without storing millions of plates.
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

QList<StreetPoint> loadStreetPoints()
{
    QList<StreetPoint> points;
    QFile file(QStringLiteral(":/alpr/demo/streets.csv"));
    if (!file.open(QIODevice::ReadOnly))
        return points;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        if (line.startsWith('#') || line.startsWith("lat"))
            continue;
        const QList<QByteArray> parts = line.split(',');
        bool okLat = false, okLon = false;
        const double lat = parts.value(0).toDouble(&okLat);
        const double lon = parts.value(1).toDouble(&okLon);
        if (okLat && okLon)
            points.append({lat, lon});
    }
    return points;
}

// Weighted US formats: digit/letter templates ('9' a digit, 'A' a letter).
struct PlateFormat {
    const char* layout;
    int weight;
};
constexpr PlateFormat kFormats[] = {
    {"9AA9999", 30}, // Maryland, Virginia style
    {"AAA9999", 25}, // many eastern states
    {"9AAA999", 15}, // California style
    {"AAA999", 10},  {"999AAA", 6}, {"AA99999", 6}, {"9A99999", 4}, {"AAAA99", 2}, {"AAA99", 2},
};

QString makePlate(quint64 h)
{
    int total = 0;
    for (const PlateFormat& f : kFormats)
        total += f.weight;
    int pick = int(h % quint64(total));
    h /= quint64(total);
    const char* layout = kFormats[0].layout;
    for (const PlateFormat& f : kFormats) {
        if (pick < f.weight) {
            layout = f.layout;
            break;
        }
        pick -= f.weight;
    }
    QString plate;
    for (const char* c = layout; *c; ++c) {
        h = mix(h);
        plate += *c == '9' ? QLatin1Char(char('0' + h % 10)) : QLatin1Char(char('A' + h % 26));
    }
    return plate;
}

// One look-alike substitution at a random position, if the plate has a character with a look-alike.
QString misread(const QString& plate, std::mt19937_64& rng)
{
    const LookAlikeTable& table = LookAlikeTable::standard();
    QString out = plate;
    for (int attempt = 0; attempt < 4; ++attempt) {
        const int pos = int(rng() % quint64(plate.size()));
        const int s = LookAlikeTable::symbolOf(plate[pos]);
        std::uint64_t others = table.groupMask(s) & ~(std::uint64_t(1) << s);
        if (!others)
            continue;
        int k = int(rng() % quint64(std::popcount(others)));
        while (k-- > 0)
            others &= others - 1;
        out[pos] = LookAlikeTable::charOf(std::countr_zero(others));
        return out;
    }
    return out;
}

} // namespace

qint64 DemoDataGenerator::vehicleCount() const
{
    return std::max<qint64>(50, m_options.reads / 2);
}

QString DemoDataGenerator::plateOfVehicle(qint64 vehicle) const
{
    return makePlate(mix(m_options.seed * 0x100000001B3ULL + quint64(vehicle)));
}

Result<qint64> DemoDataGenerator::run(Session& session, JobContext& job)
{
    if (auto allowed = session.require(Permission::ImportReads, QStringLiteral("generate demo reads")); !allowed)
        return std::unexpected(allowed.error());
    if (m_options.reads < 1 || m_options.reads > kMaxReads)
        return fail(ErrorCode::InvalidInput, QStringLiteral("Generate 1 to %1 reads").arg(kMaxReads));
    if (m_options.months < 1 || m_options.vehicleUnits < 1 || m_options.fixedCameras < 0)
        return fail(ErrorCode::InvalidInput, QStringLiteral("Months and vehicle units must be at least 1"));
    const QList<StreetPoint> streets = loadStreetPoints();
    if (streets.isEmpty())
        return fail(ErrorCode::Internal, QStringLiteral("The demo street points are missing from this build"));

    const QDateTime end = m_options.endUtc.isValid() ? m_options.endUtc.toUTC() : session.clock().nowUtc();
    const qint64 endSecs = end.toSecsSinceEpoch();
    const qint64 startSecs = end.addMonths(-m_options.months).toSecsSinceEpoch();
    const qint64 spanSecs = endSecs - startSecs;
    const qint64 vehicles = vehicleCount();
    const qint64 frequent = std::max<qint64>(5, qint64(double(vehicles) * kFrequentVehicles));
    const int unitCount = m_options.vehicleUnits + m_options.fixedCameras;
    // One unit's shift a batch: enough of them that even a small demo set has reads from every unit.
    const qint64 readsPerBatch = std::clamp<qint64>(m_options.reads / 50, 50, 10000);
    std::mt19937_64 rng(m_options.seed);
    std::uniform_real_distribution<double> unit01(0.0, 1.0);

    store::Database& db = session.database();
    qint64 done = 0;
    auto inserted = guardedResult([&]() -> Result<qint64> {
        // The plate indexes grow at random places; a bulk load of millions of reads needs more of them in memory
        // than the everyday cache holds. Restored however the run ends.
        // A server sizes its own buffers.
        const qint64 cacheSize = db.isPostgres() ? 0 : db.queryInt64(QStringLiteral("PRAGMA cache_size"));
        if (!db.isPostgres())
            db.exec(QStringLiteral("PRAGMA cache_size = %1").arg(kBulkCacheKiB));
        const std::unique_ptr<void, std::function<void(void*)>> restoreCache(&db, [&](void*) {
            try {
                if (!db.isPostgres())
                    db.exec(QStringLiteral("PRAGMA cache_size = %1").arg(cacheSize));
            } catch (const ErrorException&) {
                // The connection keeps the bigger cache; nothing is lost but memory.
            }
        });
        while (done < m_options.reads) {
            if (job.isCancelled())
                break;
            store::Transaction tx(db);
            const qint64 txStart = done;
            const qint64 txEnd = std::min(m_options.reads, done + kReadsPerTransaction);
            while (done < txEnd) {
                const int unit = int(rng() % quint64(unitCount));
                const bool fixed = unit >= m_options.vehicleUnits;
                const QString unitId =
                    fixed ? QStringLiteral("CAM-%1").arg(unit - m_options.vehicleUnits + 1, 2, 10, QLatin1Char('0'))
                          : QStringLiteral("UNIT-%1").arg(unit + 1, 2, 10, QLatin1Char('0'));
                const StreetPoint camera = streets[int(mix(quint64(unit) + m_options.seed) % quint64(streets.size()))];
                QList<PlateRead> batch;
                const qint64 batchEnd = std::min(txEnd, done + readsPerBatch);
                batch.reserve(batchEnd - done);
                for (; done < batchEnd; ++done) {
                    const bool regular = unit01(rng) < kFrequentShare;
                    const qint64 vehicle =
                        regular ? qint64(rng() % quint64(frequent)) : qint64(rng() % quint64(vehicles));
                    const QString truth = plateOfVehicle(vehicle);
                    PlateRead r;
                    r.unitId = unitId;
                    // Time advances through the run as it would through imports, so the time indexes grow at
                    // their end instead of at random; daytime-heavy by moving most night reads into the day.
                    const double slot =
                        (double(txStart) + unit01(rng) * double(txEnd - txStart)) / double(m_options.reads);
                    qint64 t = startSecs + qint64(slot * double(spanSecs));
                    const int hour = int((t % 86400) / 3600);
                    if (hour < 6 && unit01(rng) < 0.6)
                        t += 9 * 3600;
                    r.timeUtc = QDateTime::fromSecsSinceEpoch(std::min(t, endSecs), Qt::UTC);
                    // Regulars are seen near their own streets; others anywhere a unit drives.
                    const StreetPoint p =
                        fixed ? camera
                        : regular
                            ? streets[int(mix(quint64(vehicle) * 31 + quint64(rng() % 3)) % quint64(streets.size()))]
                            : streets[int(rng() % quint64(streets.size()))];
                    r.latitude = p.lat;
                    r.longitude = p.lon;
                    r.confidence = std::round((0.55 + 0.44 * std::sqrt(unit01(rng))) * 1000.0) / 1000.0;
                    const double ocr = unit01(rng);
                    if (ocr < kMisreadShare) {
                        r.plate = misread(truth, rng);
                        r.confidence = std::round(r.confidence * 0.8 * 1000.0) / 1000.0;
                        if (r.plate != truth)
                            r.alternatives.append({truth, std::round(r.confidence * 900.0) / 1000.0});
                    } else {
                        r.plate = truth;
                        if (ocr < kMisreadShare + kAlternativesShare) {
                            const QString alt = misread(truth, rng);
                            if (alt != truth)
                                r.alternatives.append({alt, std::round(r.confidence * 500.0) / 1000.0});
                        }
                    }
                    if (done >= m_options.reads - m_options.imageReads)
                        r.cropImage = DemoPlateImage::png(r.plate);
                    batch.append(std::move(r));
                }
                std::sort(batch.begin(), batch.end(),
                          [](const PlateRead& a, const PlateRead& b) { return a.timeUtc < b.timeUtc; });
                ReadRepository(db).insert(tx, batch);
            }
            // One record per transaction: whatever a cancel or crash leaves committed is accounted for.
            const QJsonObject parameters{{QStringLiteral("seed"), QString::number(m_options.seed)},
                                         {QStringLiteral("requested"), m_options.reads},
                                         {QStringLiteral("months"), m_options.months}};
            AuditLog::append(
                tx, session.auditRecord(QStringLiteral("demo.generate"), QStringLiteral("reads"),
                                        QString::fromUtf8(QJsonDocument(parameters).toJson(QJsonDocument::Compact)), {},
                                        QStringLiteral("inserted: %1 of %2").arg(done - txStart).arg(done)));
            tx.commit();
            job.reportProgress(done, m_options.reads, QStringLiteral("Generating demo reads"));
        }
        // Indexed once at the end: for millions of reads the index is then rebuilt in key order.
        job.reportProgress(done, m_options.reads, QStringLiteral("Indexing plates"));
        store::Transaction tx(db);
        ReadIndexer::indexPending(tx, session.clock().nowUtc());
        tx.commit();
        return done;
    });
    return inserted;
}

} // namespace alpr
