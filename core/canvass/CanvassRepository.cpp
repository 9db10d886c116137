#include "canvass/CanvassRepository.h"

#include "canvass/CanvassGrid.h"
#include "canvass/Geodesy.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QJsonDocument>

#include <algorithm>

namespace alpr {

namespace {

constexpr auto kColumns = "SELECT r.id, r.plate, r.confidence, r.time_utc, r.lat, r.lon, r.unit_id FROM reads AS r ";
// ?1..?4: west, east, south, north of one bounding box; ?5..?6: the window; ?7: a grid cell. The box test makes the
// scans comparable and lets the grid drop most of a cell's reads before the geodesic test.
constexpr auto kBoxAndWindow = "r.time_utc BETWEEN ?5 AND ?6 AND r.lat BETWEEN ?3 AND ?4 AND r.lon BETWEEN ?1 AND ?2";
constexpr int kCancelCheckRows = 4096;

QString sqlFor(CanvassRepository::Strategy strategy, bool postgres)
{
    if (postgres) {
        // PostgreSQL takes no index hints: its planner picks between the cell and time indexes from statistics.
        const QString where = strategy == CanvassRepository::Strategy::GridIndex
                                  ? QLatin1String(CanvassGrid::cellExpression(true)) + QStringLiteral(" = ?7 AND ")
                                  : QString();
        return QLatin1String(kColumns) + QStringLiteral("WHERE ") + where + QLatin1String(kBoxAndWindow);
    }
    switch (strategy) {
    case CanvassRepository::Strategy::GridIndex:
        // INDEXED BY: if the expression ever stops matching the index, prepare fails loudly instead of scanning.
        return QLatin1String(kColumns) + QStringLiteral("INDEXED BY reads_cell_time WHERE ") +
               QLatin1String(CanvassGrid::kCellExpression) + QStringLiteral(" = ?7 AND ") +
               QLatin1String(kBoxAndWindow);
    case CanvassRepository::Strategy::TimeIndex:
        return QLatin1String(kColumns) + QStringLiteral("INDEXED BY reads_time WHERE ") + QLatin1String(kBoxAndWindow);
    case CanvassRepository::Strategy::FullScan:
        break;
    }
    return QLatin1String(kColumns) + QStringLiteral("NOT INDEXED WHERE ") + QLatin1String(kBoxAndWindow);
}

} // namespace

Result<QList<CanvassRead>> CanvassRepository::findReads(const CanvassQuery& query, JobContext* job, Strategy strategy)
{
    if (auto valid = query.validate(); !valid)
        return std::unexpected(valid.error());
    return guardedResult([&]() -> Result<QList<CanvassRead>> {
        QList<CanvassRead> out;
        const CanvassArea& area = query.area;
        const GeoPoint centre = area.centre();
        const bool isCircle = area.kind() == CanvassArea::Kind::Circle;
        qint64 rows = 0;
        // One pass of a prepared statement: bound box and window, optionally one grid cell.
        auto collect = [&](store::Statement& statement) -> VoidResult {
            while (statement.step()) {
                if (job && ++rows % kCancelCheckRows == 0 && job->isCancelled())
                    return fail(ErrorCode::Cancelled, QStringLiteral("Canvass cancelled"));
                const GeoPoint position{statement.real(4), statement.real(5)};
                // The circle test is the distance itself; compute it once.
                const double distance = Geodesy::distanceMetres(centre, position);
                if (isCircle ? distance > area.radiusMetres() : !area.contains(position))
                    continue;
                if (out.size() >= kMaximumReads)
                    return fail(ErrorCode::InvalidInput,
                                QStringLiteral("More than %1 reads match: narrow the area or the time window")
                                    .arg(kMaximumReads));
                CanvassRead read;
                read.id = statement.int64(0);
                read.plate = statement.text(1);
                read.confidence = statement.real(2);
                read.timeUtc = QDateTime::fromSecsSinceEpoch(statement.int64(3), Qt::UTC);
                read.position = position;
                read.unitId = statement.text(6);
                read.distanceMetres = distance;
                out.append(std::move(read));
            }
            statement.reset();
            return {};
        };
        for (const GeoBox& box : area.boundingBoxes()) {
            QList<qint64> cells;
            Strategy used = strategy;
            if (strategy == Strategy::GridIndex) {
                cells = CanvassGrid::cellsCovering(box);
                if (cells.isEmpty())
                    used = Strategy::TimeIndex;
            }
            auto statement = m_db.prepare(sqlFor(used, m_db.isPostgres()));
            auto bindBox = [&] {
                statement.bind(1, box.minLongitude)
                    .bind(2, box.maxLongitude)
                    .bind(3, box.minLatitude)
                    .bind(4, box.maxLatitude)
                    .bind(5, query.fromUtc.toSecsSinceEpoch())
                    .bind(6, query.toUtc.toSecsSinceEpoch());
            };
            if (used != Strategy::GridIndex) {
                bindBox();
                if (auto collected = collect(statement); !collected)
                    return std::unexpected(collected.error());
                continue;
            }
            for (qint64 cell : cells) {
                bindBox(); // reset() clears the bindings
                statement.bind(7, cell);
                if (auto collected = collect(statement); !collected)
                    return std::unexpected(collected.error());
            }
        }
        std::sort(out.begin(), out.end(), [](const CanvassRead& a, const CanvassRead& b) {
            return a.timeUtc != b.timeUtc ? a.timeUtc < b.timeUtc : a.id < b.id;
        });
        return out;
    });
}

Result<QList<CanvassScene>> CanvassRepository::scenes(const QString& caseNumber)
{
    return guardedResult([&]() -> Result<QList<CanvassScene>> {
        QList<CanvassScene> out;
        auto statement = m_db.prepare(QStringLiteral(
            "SELECT id, case_number, label, area, from_utc, to_utc, created_by, created_utc FROM canvass_scenes "
            "WHERE case_number = ?1 ORDER BY id"));
        statement.bind(1, caseNumber.trimmed().toUpper());
        while (statement.step()) {
            auto area = CanvassArea::fromJson(QJsonDocument::fromJson(statement.text(3).toUtf8()).object());
            if (!area)
                return std::unexpected(area.error());
            CanvassScene scene;
            scene.id = statement.int64(0);
            scene.caseNumber = statement.text(1);
            scene.label = statement.text(2);
            scene.query.area = *area;
            scene.query.fromUtc = QDateTime::fromSecsSinceEpoch(statement.int64(4), Qt::UTC);
            scene.query.toUtc = QDateTime::fromSecsSinceEpoch(statement.int64(5), Qt::UTC);
            scene.createdBy = statement.text(6);
            scene.createdUtc = QDateTime::fromString(statement.text(7), Qt::ISODate);
            out.append(scene);
        }
        return out;
    });
}

qint64 CanvassRepository::insertScene(store::Transaction& transaction, const CanvassScene& scene)
{
    store::Database& db = transaction.database();
    auto statement = db.prepare(QStringLiteral(
        "INSERT INTO canvass_scenes(case_number, label, area, from_utc, to_utc, created_by, created_utc) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    statement.bind(1, scene.caseNumber.trimmed().toUpper())
        .bind(2, scene.label.trimmed())
        .bind(3, QString::fromUtf8(QJsonDocument(scene.query.area.toJson()).toJson(QJsonDocument::Compact)))
        .bind(4, scene.query.fromUtc.toSecsSinceEpoch())
        .bind(5, scene.query.toUtc.toSecsSinceEpoch())
        .bind(6, scene.createdBy)
        .bind(7, scene.createdUtc.toUTC().toString(Qt::ISODate))
        .run();
    return db.lastInsertRowId();
}

} // namespace alpr
