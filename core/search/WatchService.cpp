#include "search/WatchService.h"

#include "accounts/Session.h"
#include "audit/AuditLog.h"
#include "reads/ReadRepository.h"
#include "search/PlateMatcher.h"
#include "search/ReadFinder.h"
#include "search/ReadIndexer.h"
#include "search/WatchMatcher.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace alpr {

namespace {

const QString kWatchPurpose = QStringLiteral("Major crime watch entry");

bool hasControl(const QString& text, bool allowNewlines)
{
    for (const QChar c : text)
        if ((c.unicode() < 0x20 && !(allowNewlines && (c == u'\n' || c == u'\t'))) || c.unicode() == 0x7f)
            return true;
    return false;
}

int knownCharacters(const PlatePattern& pattern)
{
    int n = 0;
    for (const PatternToken& t : pattern.tokens())
        n += t.kind == PatternToken::Kind::Set ? 1 : 0;
    return n;
}

constexpr auto kEntryColumns =
    "w.id, w.pattern, w.tolerance, w.case_number, w.crime_type, w.notes, w.created_utc, w.created_by, w.expires_utc, "
    "(SELECT count(*) FROM watch_hits h WHERE h.watch_id = w.id)";

WatchEntry entryFromRow(const store::Statement& s)
{
    WatchEntry e;
    e.id = s.int64(0);
    e.pattern = s.text(1);
    e.tolerance = int(s.int64(2));
    e.caseNumber = s.text(3);
    e.crimeType = s.text(4);
    e.notes = s.text(5);
    e.createdUtc = QDateTime::fromSecsSinceEpoch(s.int64(6), Qt::UTC);
    e.createdBy = s.text(7);
    e.expiresUtc = QDateTime::fromSecsSinceEpoch(s.int64(8), Qt::UTC);
    e.hitCount = int(s.int64(9));
    return e;
}

} // namespace

WatchService::WatchService(Session& session) : WatchService(session, session.database()) {}

WatchService::WatchService(Session& session, store::Database& connection) : m_session(session), m_db(connection) {}

Result<WatchEntry> WatchService::add(const NewWatchEntry& input)
{
    if (auto allowed = m_session.require(Permission::SearchReads, QStringLiteral("enter watch entries")); !allowed)
        return std::unexpected(allowed.error());
    auto pattern = PlatePattern::parse(input.pattern);
    if (!pattern)
        return std::unexpected(pattern.error());
    if (knownCharacters(*pattern) < kMinKnownCharacters)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("A watch entry needs at least %1 known characters; a broader pattern would flag a "
                                   "large share of all traffic")
                        .arg(kMinKnownCharacters));
    if (input.tolerance < 0 || input.tolerance > PlateMatcher::kMaxTolerance)
        return fail(ErrorCode::InvalidInput, QStringLiteral("The tolerance is 0, 1 or 2"));
    const QString crimeType = input.crimeType.trimmed();
    if (crimeType.isEmpty() || crimeType.size() > 80 || hasControl(crimeType, false))
        return fail(ErrorCode::InvalidInput, QStringLiteral("Give the crime type: one line, at most 80 characters"));
    if (input.notes.size() > 2000 || hasControl(input.notes, true))
        return fail(ErrorCode::InvalidInput, QStringLiteral("Notes are at most 2000 characters of plain text"));
    const QDateTime now = m_session.clock().nowUtc();
    if (!input.expiresUtc.isValid() || input.expiresUtc <= now || input.expiresUtc > now.addDays(kMaxExpiryDays))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The expiry must be in the future and at most %1 days ahead").arg(kMaxExpiryDays));
    const AccessPurpose purpose{kWatchPurpose + QStringLiteral(": ") + crimeType, input.caseNumber};
    auto policy = guarded([&] { return AccessPurposePolicy::load(m_db); });
    if (!policy)
        return std::unexpected(policy.error());
    if (auto valid = policy->validate(purpose); !valid)
        return std::unexpected(valid.error());

    return guardedResult([&]() -> Result<WatchEntry> {
        store::Transaction tx(m_db);
        // Reads imported before this moment are indexed (and matched against older entries) first, so the retro
        // search below and ReadIndexer together see every read exactly once for this entry.
        ReadIndexer::indexPending(tx, now);
        auto insert = m_db.prepare(QStringLiteral(
            "INSERT INTO watch_entries(pattern, tolerance, case_number, crime_type, notes, created_utc, created_by, "
            "expires_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
        insert.bind(1, pattern->text())
            .bind(2, input.tolerance)
            .bind(3, purpose.caseNumber.trimmed().toUpper())
            .bind(4, crimeType)
            .bind(5, input.notes)
            .bind(6, now.toSecsSinceEpoch())
            .bind(7, m_session.account().name)
            .bind(8, input.expiresUtc.toSecsSinceEpoch())
            .run();
        const qint64 id = m_db.lastInsertRowId();
        const SearchResult retro = ReadFinder(m_db).find(*pattern, input.tolerance, {}, kMaxRetroHits);
        for (const SearchHit& hit : retro.hits)
            WatchMatcher::insertHit(m_db, id, hit, true, now);
        QJsonObject parameters{{QStringLiteral("pattern"), pattern->text()},
                               {QStringLiteral("tolerance"), input.tolerance},
                               {QStringLiteral("crimeType"), crimeType},
                               {QStringLiteral("expires"), input.expiresUtc.toUTC().toString(Qt::ISODate)}};
        AuditLog::append(tx, m_session.auditRecord(
                                 QStringLiteral("watch.add"), QStringLiteral("watch:%1").arg(id),
                                 QString::fromUtf8(QJsonDocument(parameters).toJson(QJsonDocument::Compact)), purpose,
                                 QStringLiteral("retro hits: %1%2")
                                     .arg(retro.hits.size())
                                     .arg(retro.truncated ? QStringLiteral(" (truncated)") : QString())));
        tx.commit();
        return load(id);
    });
}

Result<WatchEntry> WatchService::load(qint64 watchId)
{
    return guardedResult([&]() -> Result<WatchEntry> {
        auto s = m_db.prepare(
            QStringLiteral("SELECT %1 FROM watch_entries w WHERE w.id = ?1").arg(QLatin1String(kEntryColumns)));
        s.bind(1, watchId);
        if (!s.step())
            return fail(ErrorCode::NotFound, QStringLiteral("Watch entry %1 does not exist").arg(watchId));
        return entryFromRow(s);
    });
}

Result<QList<WatchEntry>> WatchService::list(bool includeExpired)
{
    if (auto allowed = m_session.require(Permission::SearchReads, QStringLiteral("list watch entries")); !allowed)
        return std::unexpected(allowed.error());
    return guarded([&] {
        // New reads may have arrived through a path that did not index them yet; hit counts must be current.
        store::Transaction tx(m_db);
        ReadIndexer::indexPending(tx, m_session.clock().nowUtc());
        tx.commit();
        auto s = m_db.prepare(QStringLiteral("SELECT %1 FROM watch_entries w WHERE ?1 OR w.expires_utc > ?2 "
                                             "ORDER BY w.id DESC")
                                  .arg(QLatin1String(kEntryColumns)));
        s.bind(1, includeExpired ? 1 : 0).bind(2, m_session.clock().nowUtc().toSecsSinceEpoch());
        QList<WatchEntry> out;
        while (s.step())
            out.append(entryFromRow(s));
        return out;
    });
}

Result<QList<WatchHit>> WatchService::hits(qint64 watchId)
{
    if (auto allowed = m_session.require(Permission::SearchReads, QStringLiteral("review watch hits")); !allowed)
        return std::unexpected(allowed.error());
    auto entry = load(watchId);
    if (!entry)
        return std::unexpected(entry.error());
    return guarded([&] {
        store::Transaction tx(m_db);
        ReadIndexer::indexPending(tx, m_session.clock().nowUtc());
        auto s = m_db.prepare(
            QStringLiteral("SELECT %1, h.kind, h.matched_plate, h.alt_rank, h.score, h.explanation, h.found_utc "
                           "FROM watch_hits h JOIN reads ON reads.id = h.read_id WHERE h.watch_id = ?1")
                .arg(QLatin1String(ReadRepository::kReadColumns)));
        s.bind(1, watchId);
        QList<WatchHit> out;
        while (s.step()) {
            WatchHit w;
            w.watchId = watchId;
            w.hit.read = ReadRepository::readFromRow(s);
            w.retro = s.text(12) == QStringLiteral("retro");
            w.hit.matchedPlate = s.text(13);
            w.hit.alternativeRank = int(s.int64(14));
            w.hit.score = int(s.int64(15));
            w.hit.explanation = s.text(16);
            w.foundUtc = QDateTime::fromSecsSinceEpoch(s.int64(17), Qt::UTC);
            out.append(w);
        }
        std::sort(out.begin(), out.end(),
                  [](const WatchHit& a, const WatchHit& b) { return SearchHit::ranksBefore(a.hit, b.hit); });
        const AccessPurpose purpose{QStringLiteral("Watch entry review: ") + entry->crimeType, entry->caseNumber};
        AuditLog::append(tx,
                         m_session.auditRecord(QStringLiteral("watch.hits"), QStringLiteral("watch:%1").arg(watchId),
                                               {}, purpose, QStringLiteral("results: %1").arg(out.size())));
        tx.commit();
        return out;
    });
}

} // namespace alpr
