#pragma once

#include "audit/AccessPurpose.h"
#include "common/Result.h"
#include "search/SearchQuery.h"
#include "search/SearchResult.h"

#include <memory>

namespace alpr {

class ReaderConnections;
class Session;

namespace store {
class Database;
}

/// Partial-plate search over all reads, the one door to read data for the search page and `alprctl search`.
/// Every call that shows read data needs the SearchReads permission and a valid purpose and case number, and
/// writes its audit record (query, filters, purpose, case, result count) in the same transaction as the access.
/// Not thread-safe: one service per connection. A worker thread passes its own connection (Session::openConnection)
/// and may use the Session meanwhile only for its const members.
class SearchService {
public:
    explicit SearchService(Session& session);
    SearchService(Session& session, store::Database& connection);
    ~SearchService();

    /// InvalidInput for a hostile or malformed pattern or filter, PurposeRequired without purpose or case,
    /// PermissionDenied for a role that may not search.
    [[nodiscard]] Result<SearchResult> search(const SearchQuery& query, const AccessPurpose& purpose);

    /// One read with all its readings (alternatives), audited as a view of that read.
    [[nodiscard]] Result<PlateRead> viewRead(qint64 readId, const AccessPurpose& purpose);
    /// Image bytes of a read already shown by an audited search or view (thumbnails, the context image).
    [[nodiscard]] Result<QByteArray> image(qint64 imageId);

    /// Writes the hits as CSV (atomically) and audits the export with the query it came from and the count.
    [[nodiscard]] Result<qint64> exportCsv(const QList<SearchHit>& hits, const QString& path, const SearchQuery& query,
                                           const AccessPurpose& purpose);

    /// The checks search() makes before touching data, for forms that want to say what is wrong early.
    [[nodiscard]] static VoidResult validate(const SearchQuery& query);
    /// The query as compact JSON, as the audit trail records it.
    [[nodiscard]] static QString describe(const SearchQuery& query);

private:
    [[nodiscard]] VoidResult checkAccess(const AccessPurpose& purpose);

    Session& m_session;
    store::Database& m_db;
    /// More connections of this session, so a broad search reads the index on several cores.
    std::unique_ptr<ReaderConnections> m_readers;
};

} // namespace alpr
