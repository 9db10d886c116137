#include "evidence/CaseCache.h"

#include "accounts/Role.h"
#include "accounts/Session.h"
#include "audit/AuditAnchor.h"
#include "audit/AuditLog.h"
#include "evidence/CaseService.h"
#include "evidence/EvidenceJson.h"
#include "search/ReadIndexer.h"
#include "store/Database.h"
#include "store/PostgresConnection.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QDir>
#include <QJsonObject>
#include <QUuid>

namespace alpr {

namespace {

using store::Database;

constexpr auto kCacheIdKey = "cache.id";
constexpr auto kCacheCaseKey = "cache.case";
constexpr auto kCacheServerKey = "cache.server";

// What travels, in an order that inserts every row after the rows its foreign keys name; ?1 is the case's id, and
// temp.cache_reads holds the ids of the reads attached to it.
struct Part {
    const char* table;
    const char* where;
};
constexpr Part kParts[] = {
    {"units", "id IN (SELECT unit_id FROM reads WHERE id IN (SELECT id FROM temp.cache_reads))"},
    {"images", "id IN (SELECT crop_image_id FROM reads WHERE id IN (SELECT id FROM temp.cache_reads)) OR "
               "id IN (SELECT context_image_id FROM reads WHERE id IN (SELECT id FROM temp.cache_reads))"},
    {"reads", "id IN (SELECT id FROM temp.cache_reads)"},
    {"read_alternatives", "read_id IN (SELECT id FROM temp.cache_reads)"},
    {"cases", "id = ?1"},
    {"case_items", "case_id = ?1 AND kind = 'read'"},
};

/// The rows of one table that the where clause picks, from the server to the cache, ids and all. The columns are
/// the cache's (the engines share the schema of versions 1 to 10, and the server's own later steps add no column
/// to these tables); images arrive sealed and are stored in clear, the cache being encrypted as a whole. Returns
/// the number of rows. Throws ErrorException.
qint64 copyRows(Database& server, Database& cache, const Part& part, qint64 caseId)
{
    const QString table = QLatin1String(part.table);
    QStringList columns;
    QStringList types;
    {
        auto info = cache.prepare(QStringLiteral("PRAGMA table_info(%1)").arg(Database::quotedIdentifier(table)));
        while (info.step()) {
            columns.append(Database::quotedIdentifier(info.text(1)));
            types.append(info.text(2).toUpper());
        }
    }
    const QString where = QLatin1String(part.where);
    auto rows = server.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE %3")
                                   .arg(columns.join(u", "), Database::quotedIdentifier(table), where));
    if (where.contains(QLatin1String("?1")))
        rows.bind(1, caseId);
    auto insert = cache.prepare(QStringLiteral("INSERT INTO %1(%2) VALUES (%3)")
                                    .arg(Database::quotedIdentifier(table), columns.join(u", "),
                                         Database::placeholders(1, int(columns.size()))));
    qint64 count = 0;
    while (rows.step()) {
        for (int i = 0; i < columns.size(); ++i) {
            if (rows.isNull(i))
                insert.bind(i + 1, nullptr);
            else if (types[i] == QLatin1String("INTEGER"))
                insert.bind(i + 1, rows.int64(i));
            else if (types[i] == QLatin1String("REAL"))
                insert.bind(i + 1, rows.real(i));
            else if (types[i] == QLatin1String("BLOB"))
                insert.bind(i + 1, server.unsealed(rows.blob(i)));
            else
                insert.bind(i + 1, rows.text(i));
        }
        insert.run();
        ++count;
    }
    return count;
}

QString setting(Database& db, const char* key)
{
    auto s = db.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?1"));
    s.bind(1, QString::fromLatin1(key));
    return s.step() ? s.text(0) : QString();
}

SessionOptions cacheSessionOptions(const Session& server)
{
    SessionOptions o;
    o.clock = &server.clock();
    o.workstation = server.workstation();
    o.kdfIterations = server.kdfIterations();
    return o;
}

VoidResult requireServer(Session& server)
{
    if (!server.database().isPostgres())
        return fail(ErrorCode::Unsupported, QStringLiteral("A case cache is taken from a department server store; "
                                                           "this store is already on this workstation"));
    return {};
}

// The server's audit records about a cache, for the one user: "case.cache" when it was made, "case.cache.returned".
qint64 serverRecordsAbout(Database& db, const QString& action, const QString& user, const QString& cacheId)
{
    auto s = db.prepare(QStringLiteral("SELECT count(*) FROM audit WHERE action = ?1 AND \"user\" = ?2 AND object "
                                       "= ?3"));
    s.bind(1, action).bind(2, user).bind(3, QString(QStringLiteral("cache:") + cacheId));
    return s.step() ? s.int64(0) : 0;
}

} // namespace

Result<CaseCache::Made> CaseCache::make(Session& server, const QString& password, const QString& caseNumber,
                                        const AccessPurpose& purpose, const QString& into)
{
    if (auto onServer = requireServer(server); !onServer)
        return std::unexpected(onServer.error());
    if (auto allowed = server.require(Permission::ExportEvidence, QStringLiteral("take a case's reads off the server"));
        !allowed)
        return std::unexpected(allowed.error());
    AccessPurpose access = purpose;
    const QString number = caseNumber.trimmed().toUpper();
    if (access.caseNumber.trimmed().isEmpty())
        access.caseNumber = number;
    else if (access.caseNumber.trimmed().toUpper() != number)
        return fail(
            ErrorCode::InvalidInput,
            QStringLiteral("The purpose names case %1, the cache is of case %2").arg(access.caseNumber, number));
    if (auto valid = server.purposePolicy().validate(access); !valid)
        return std::unexpected(valid.error());
    if (Session::storeExists(into))
        return fail(ErrorCode::InvalidInput, QStringLiteral("%1 already holds a store").arg(into));
    if (QDir(into).exists() && !QDir(into).isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("%1 is not empty").arg(into));
    auto found = CaseService(server).find(number);
    if (!found)
        return std::unexpected(found.error());

    const QString cacheId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const bool folderExisted = QDir(into).exists(); // and is empty (above): on failure it is left empty again
    auto body = [&]() -> Result<Made> {
        Database& db = server.database();
        // One server transaction: the copy reads one snapshot, and the server's record of it commits only if the
        // cache is complete.
        store::Transaction serverTx(db);
        db.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS cache_reads(id BIGINT PRIMARY KEY); "
                               "DELETE FROM temp.cache_reads"));
        db.prepare(QStringLiteral("INSERT INTO temp.cache_reads(id) SELECT read_id FROM case_item_reads "
                                  "WHERE case_id = ?1 AND read_id IN (SELECT id FROM reads)"))
            .bind(1, found->id)
            .run();
        auto anchor = AuditLog::anchor(db);
        if (!anchor)
            return std::unexpected(anchor.error());

        auto cacheSession = Session::initializeStore(into, server.account().name, password,
                                                     server.account().trainingUntil, cacheSessionOptions(server));
        if (!cacheSession)
            return std::unexpected(cacheSession.error());
        Database& cache = (*cacheSession)->database();
        Made made;
        made.cacheId = cacheId;
        {
            store::Transaction cacheTx(cache);
            // The store was made with its first account a Commander; the cache's one account is the user as the
            // server knows them.
            const Account& account = server.account();
            cache.prepare(QStringLiteral("UPDATE accounts SET role = ?1, full_name = ?2, clets = ?3 WHERE name = ?4"))
                .bind(1, roleName(account.role))
                .bind(2, account.fullName)
                .bind(3, qint64(account.cletsAuthorized ? 1 : 0))
                .bind(4, account.name)
                .run();
            qint64 rows = 0;
            for (const Part& part : kParts) {
                const qint64 copied = copyRows(db, cache, part, found->id);
                rows += copied;
                if (QLatin1String(part.table) == QLatin1String("reads"))
                    made.reads = copied;
                else if (QLatin1String(part.table) == QLatin1String("images"))
                    made.images = copied;
            }
            auto put = cache.prepare(QStringLiteral("INSERT OR REPLACE INTO settings(key, value) VALUES (?1, ?2)"));
            put.bind(1, QString::fromLatin1(kCacheIdKey)).bind(2, cacheId).run();
            put.bind(1, QString::fromLatin1(kCacheCaseKey)).bind(2, number).run();
            put.bind(1, QString::fromLatin1(kCacheServerKey)).bind(2, db.postgres()->description()).run();
            AuditLog::append(
                cacheTx,
                (*cacheSession)
                    ->auditRecord(QStringLiteral("case.cache.made"), QStringLiteral("cache:") + cacheId,
                                  evidence::compactJson({{QStringLiteral("case"), number},
                                                         {QStringLiteral("server"), db.postgres()->description()},
                                                         {QStringLiteral("server_audit"), anchor->toString()},
                                                         {QStringLiteral("reads"), made.reads},
                                                         {QStringLiteral("images"), made.images},
                                                         {QStringLiteral("rows"), rows}}),
                                  access));
            cacheTx.commit();
        }
        {
            // Searchable offline as any store (the server's index is not copied: it lives in other tables there).
            store::Transaction indexTx(cache);
            ReadIndexer::indexPending(indexTx, server.clock().nowUtc());
            indexTx.commit();
        }
        cacheSession->reset(); // closes the cache before the server commits, so a failure can still remove it
        AuditLog::append(serverTx, server.auditRecord(QStringLiteral("case.cache"), QStringLiteral("cache:") + cacheId,
                                                      evidence::compactJson({{QStringLiteral("case"), number},
                                                                             {QStringLiteral("reads"), made.reads},
                                                                             {QStringLiteral("images"), made.images},
                                                                             {QStringLiteral("into"), into}}),
                                                      access));
        serverTx.commit();
        return made;
    };
    auto result = guardedResult(body);
    if (!result) {
        QDir(into).removeRecursively();
        if (folderExisted)
            QDir().mkpath(into);
    }
    return result;
}

Result<CaseCache::Returned> CaseCache::giveBack(Session& server, const QString& password, const QString& cacheDirectory)
{
    if (auto onServer = requireServer(server); !onServer)
        return std::unexpected(onServer.error());
    if (!Session::storeExists(cacheDirectory))
        return fail(ErrorCode::NotFound, QStringLiteral("There is no store in %1").arg(cacheDirectory));
    auto cacheSession = Session::login(cacheDirectory, server.account().name, password, cacheSessionOptions(server));
    if (!cacheSession) {
        Error e = cacheSession.error();
        e.message = QStringLiteral("Cannot open the cache in %1 (it opens with the password it was made with): %2")
                        .arg(cacheDirectory, e.message);
        return std::unexpected(e);
    }
    Returned returned;
    auto body = [&]() -> Result<Returned> {
        Database& cache = (*cacheSession)->database();
        returned.cacheId = setting(cache, kCacheIdKey);
        if (returned.cacheId.isEmpty())
            return fail(ErrorCode::InvalidInput, QStringLiteral("%1 is a store, not a case cache").arg(cacheDirectory));
        Database& db = server.database();
        const QString user = server.account().name;
        if (serverRecordsAbout(db, QStringLiteral("case.cache"), user, returned.cacheId) == 0)
            return fail(ErrorCode::InvalidInput,
                        QStringLiteral("This cache was not made from this store by %1; it was not returned").arg(user));
        if (serverRecordsAbout(db, QStringLiteral("case.cache.returned"), user, returned.cacheId) > 0)
            return returned; // returned before; the folder outlived it
        auto verified = AuditLog::verify(cache);
        if (!verified)
            return std::unexpected(verified.error());
        if (!verified->intact)
            return fail(ErrorCode::VerificationFailed,
                        QStringLiteral("The cache's audit trail does not verify at record %1 (%2); it was not "
                                       "returned. Keep the folder for the auditor.")
                            .arg(verified->firstBadSeq)
                            .arg(verified->reason));
        auto records = AuditLog::list(cache, {});
        if (!records)
            return std::unexpected(records.error());
        auto head = AuditLog::anchor(cache);
        if (!head)
            return std::unexpected(head.error());
        // Everything after the cache was made (store.init and case.cache.made are the server's own record of it).
        qint64 madeAt = 0;
        for (const AuditRecord& r : *records)
            if (r.action == QLatin1String("case.cache.made"))
                madeAt = r.seq;
        store::Transaction tx(db);
        for (const AuditRecord& r : *records) {
            if (r.seq <= madeAt)
                continue;
            const QJsonObject original{{QStringLiteral("cache"), returned.cacheId},
                                       {QStringLiteral("seq"), r.seq},
                                       {QStringLiteral("time"), r.timeUtc.toString(Qt::ISODateWithMs)},
                                       {QStringLiteral("workstation"), r.workstation},
                                       {QStringLiteral("action"), r.action},
                                       {QStringLiteral("parameters"), r.parameters},
                                       {QStringLiteral("hash"), r.hash}};
            AuditLog::append(tx,
                             server.auditRecord(QStringLiteral("case.cache.access"), r.object,
                                                evidence::compactJson(original), {r.purpose, r.caseNumber}, r.outcome));
            ++returned.records;
        }
        AuditLog::append(
            tx, server.auditRecord(QStringLiteral("case.cache.returned"), QStringLiteral("cache:") + returned.cacheId,
                                   evidence::compactJson({{QStringLiteral("records"), returned.records},
                                                          {QStringLiteral("cache_audit"), head->toString()}})));
        tx.commit();
        return returned;
    };
    auto result = guardedResult(body);
    cacheSession->reset();
    if (result && !QDir(cacheDirectory).removeRecursively())
        return fail(ErrorCode::Io, QStringLiteral("The cache's records are on the server, but its folder %1 could not "
                                                  "be removed; delete it")
                                       .arg(cacheDirectory));
    return result;
}

} // namespace alpr
