#include "search/SearchService.h"

#include "accounts/Session.h"
#include "audit/AuditLog.h"
#include "reads/ReadRepository.h"
#include "search/PlateMatcher.h"
#include "search/PlatePattern.h"
#include "search/ReadFinder.h"
#include "search/ReadIndexer.h"
#include "search/ReaderConnections.h"
#include "store/Database.h"
#include "store/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

namespace alpr {

namespace {

constexpr int kMaxUnits = 100;

VoidResult validateUnits(const QStringList& units)
{
    static const QRegularExpression unitFormat(QStringLiteral("^[A-Za-z0-9_.:-]{1,64}$"));
    if (units.size() > kMaxUnits)
        return fail(ErrorCode::InvalidInput, QStringLiteral("Filter by at most %1 units").arg(kMaxUnits));
    for (const QString& unit : units)
        if (!unitFormat.match(unit).hasMatch())
            return fail(ErrorCode::InvalidInput,
                        QStringLiteral("A unit id is 1-64 letters, digits, '-', '_', '.' or ':'"));
    return {};
}

// Spreadsheets run cells that start with these as formulas; a unit id or street name must stay text.
QString csvField(const QString& value)
{
    QString v = value;
    if (!v.isEmpty() && QStringLiteral("=+-@").contains(v[0]))
        v.prepend(QLatin1Char('\''));
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n')))
        v = QLatin1Char('"') + v.replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
    return v;
}

} // namespace

SearchService::SearchService(Session& session) : SearchService(session, session.database()) {}

SearchService::SearchService(Session& session, store::Database& connection)
    : m_session(session), m_db(connection),
      m_readers(std::make_unique<ReaderConnections>([&session] { return session.openConnection(); }))
{
}

SearchService::~SearchService() = default;

VoidResult SearchService::validate(const SearchQuery& query)
{
    if (auto pattern = PlatePattern::parse(query.pattern); !pattern)
        return std::unexpected(pattern.error());
    if (query.tolerance < 0 || query.tolerance > PlateMatcher::kMaxTolerance)
        return fail(ErrorCode::InvalidInput, QStringLiteral("The tolerance is 0, 1 or 2"));
    const SearchFilters& f = query.filters;
    if (f.fromUtc.isValid() && f.toUtc.isValid() && f.fromUtc > f.toUtc)
        return fail(ErrorCode::InvalidInput, QStringLiteral("The time range ends before it starts"));
    if (f.minConfidence && !(*f.minConfidence >= 0.0 && *f.minConfidence <= 1.0))
        return fail(ErrorCode::InvalidInput, QStringLiteral("The minimum confidence is between 0 and 1"));
    if (f.area && !f.area->isValid())
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The map rectangle is not a valid south-west/north-east box"));
    if (query.limit < 1 || query.limit > SearchQuery::kMaxLimit)
        return fail(ErrorCode::InvalidInput, QStringLiteral("The result limit is 1 to %1").arg(SearchQuery::kMaxLimit));
    return validateUnits(f.units);
}

QString SearchService::describe(const SearchQuery& query)
{
    QJsonObject o;
    auto pattern = PlatePattern::parse(query.pattern);
    o.insert(QStringLiteral("pattern"), pattern ? pattern->text() : QStringLiteral("(invalid)"));
    o.insert(QStringLiteral("tolerance"), query.tolerance);
    const SearchFilters& f = query.filters;
    if (f.fromUtc.isValid())
        o.insert(QStringLiteral("from"), f.fromUtc.toUTC().toString(Qt::ISODate));
    if (f.toUtc.isValid())
        o.insert(QStringLiteral("to"), f.toUtc.toUTC().toString(Qt::ISODate));
    if (!f.units.isEmpty())
        o.insert(QStringLiteral("units"), QJsonArray::fromStringList(f.units));
    if (f.minConfidence)
        o.insert(QStringLiteral("minConfidence"), *f.minConfidence);
    if (f.area)
        o.insert(QStringLiteral("area"), QJsonArray{f.area->south, f.area->west, f.area->north, f.area->east});
    o.insert(QStringLiteral("limit"), query.limit);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

VoidResult SearchService::checkAccess(const AccessPurpose& purpose)
{
    if (auto allowed = m_session.require(Permission::SearchReads, QStringLiteral("search ALPR reads")); !allowed)
        return allowed;
    auto policy = guarded([&] { return AccessPurposePolicy::load(m_db); });
    if (!policy)
        return std::unexpected(policy.error());
    return policy->validate(purpose);
}

Result<SearchResult> SearchService::search(const SearchQuery& query, const AccessPurpose& purpose)
{
    if (auto access = checkAccess(purpose); !access)
        return std::unexpected(access.error());
    if (auto valid = validate(query); !valid)
        return std::unexpected(valid.error());
    const PlatePattern pattern = *PlatePattern::parse(query.pattern);
    return guarded([&] {
        {
            // Index maintenance, not an access: committed on its own, so that the reader connections see it.
            store::Transaction indexing(m_db, store::Transaction::Mode::Access);
            ReadIndexer::indexPending(indexing, m_session.clock().nowUtc());
            indexing.commit();
        }
        store::Transaction tx(m_db, store::Transaction::Mode::Access);
        SearchResult result =
            ReadFinder(m_db, m_readers.get()).find(pattern, query.tolerance, query.filters, query.limit);
        const QString outcome = QStringLiteral("results: %1%2")
                                    .arg(result.hits.size())
                                    .arg(result.truncated ? QStringLiteral(" (truncated at the limit)") : QString());
        const AuditRecord record =
            AuditLog::append(tx, m_session.auditRecord(QStringLiteral("search.plate"), QStringLiteral("reads"),
                                                       describe(query), purpose, outcome));
        tx.commit();
        result.auditSeq = record.seq;
        return result;
    });
}

Result<PlateRead> SearchService::viewRead(qint64 readId, const AccessPurpose& purpose)
{
    if (auto access = checkAccess(purpose); !access)
        return std::unexpected(access.error());
    return guardedResult([&]() -> Result<PlateRead> {
        store::Transaction tx(m_db);
        auto found = ReadRepository(m_db).find(readId);
        if (!found)
            return std::unexpected(found.error());
        if (!found->has_value())
            return fail(ErrorCode::NotFound, QStringLiteral("Read %1 does not exist").arg(readId));
        AuditLog::append(
            tx, m_session.auditRecord(QStringLiteral("read.view"), QStringLiteral("read:%1").arg(readId), {}, purpose));
        tx.commit();
        return **found;
    });
}

Result<QByteArray> SearchService::image(qint64 imageId)
{
    if (auto allowed = m_session.require(Permission::SearchReads, QStringLiteral("view read images")); !allowed)
        return std::unexpected(allowed.error());
    return ReadRepository(m_db).image(imageId);
}

Result<qint64> SearchService::exportCsv(const QList<SearchHit>& hits, const QString& path, const SearchQuery& query,
                                        const AccessPurpose& purpose)
{
    if (auto access = checkAccess(purpose); !access)
        return std::unexpected(access.error());
    if (auto allowed = m_session.require(Permission::ExportEvidence, QStringLiteral("export reads")); !allowed)
        return std::unexpected(allowed.error());
    return guardedResult([&]() -> Result<qint64> {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
            return fail(ErrorCode::Io, QStringLiteral("Cannot write %1").arg(path), file.errorString());
        QByteArray csv = "id,plate,matched_plate,reading,confidence,time_utc,lat,lon,unit,match\n";
        for (const SearchHit& h : hits) {
            const PlateRead& r = h.read;
            const QStringList fields{QString::number(r.id),
                                     r.plate,
                                     h.matchedPlate,
                                     h.alternativeRank == 0 ? QStringLiteral("best")
                                                            : QStringLiteral("alternative %1").arg(h.alternativeRank),
                                     QString::number(r.confidence, 'f', 3),
                                     r.timeUtc.toUTC().toString(Qt::ISODate),
                                     r.latitude ? QString::number(*r.latitude, 'f', 6) : QString(),
                                     r.longitude ? QString::number(*r.longitude, 'f', 6) : QString(),
                                     r.unitId,
                                     h.explanation};
            QStringList escaped;
            for (const QString& f : fields)
                escaped << csvField(f);
            csv += escaped.join(QLatin1Char(',')).toUtf8() + '\n';
        }
        file.write(csv);
        // The audit record and the file stand or fall together: commit the record only once the file is in place.
        store::Transaction tx(m_db);
        AuditLog::append(tx, m_session.auditRecord(QStringLiteral("search.export"), QStringLiteral("file:") + path,
                                                   describe(query), purpose,
                                                   QStringLiteral("exported: %1").arg(hits.size())));
        if (!file.commit())
            return fail(ErrorCode::Io, QStringLiteral("Cannot write %1").arg(path), file.errorString());
        tx.commit();
        return qint64(hits.size());
    });
}

} // namespace alpr
