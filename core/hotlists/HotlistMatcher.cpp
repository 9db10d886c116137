#include "hotlists/HotlistMatcher.h"

#include "hotlists/HotlistEntry.h"
#include "search/LookAlikeTable.h"
#include "search/PlateMatcher.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QHash>

#include <algorithm>

namespace alpr {

namespace {

// Readings per round of a retro search: bounds memory over months of reads.
constexpr int kRetroRoundReadings = 200000;

struct Candidate {
    QString matchedPlate;
    int rank = 0;
    bool exact = true;
    QString explanation;
    qint64 hotlistId = 0;
    QString listName;
    QString entryPlate;
    QString entryState;
    QString category;
    int priority = 3;
    QString reason;
    QString nic, ori, incidentDate, vehicle, recordText;

    [[nodiscard]] bool better(const Candidate& other) const
    {
        if (exact != other.exact)
            return exact;
        return rank < other.rank;
    }
};

QString lookAlikeExplanation(const QString& entryPlate, const QString& reading)
{
    auto pattern = PlatePattern::parse(entryPlate);
    if (!pattern)
        return QStringLiteral("look-alike");
    const auto match = PlateMatcher(*pattern, 1).match(reading);
    return match ? match->explanation() : QStringLiteral("look-alike");
}

} // namespace

HotlistMatcher::HotlistMatcher(store::Database& db, const QDateTime& nowUtc, Scope scope,
                               std::shared_ptr<const KeyFilter> filter)
    : m_db(db), m_now(nowUtc), m_scope(scope), m_filter(std::move(filter))
{
    // On the server the CLETS-derived fields may be unreadable to this user: the alert gets them by
    // alpr_fill_alert_clets() (postgresql/011_roles.sql) after the pass instead.
    m_lookup = std::make_unique<store::Statement>(db.prepare(
        QStringLiteral(
            "SELECT e.id, e.hotlist_id, e.plate, e.state, e.category, e.priority, e.lookalike, e.reason, %1, h.name "
            "FROM hotlist_entries e JOIN hotlists h ON h.id = "
            "e.hotlist_id WHERE e.canon = ?1 AND (e.expires_utc IS NULL OR e.expires_utc > ?2) AND (h.expires_utc IS "
            "NULL OR h.expires_utc > ?2) AND (?3 = 0 OR e.hotlist_id = ?3) AND (?4 = 0 OR e.id = ?4)")
            .arg(db.isPostgres() ? QStringLiteral("'', '', '', '', ''")
                                 : QStringLiteral("e.nic, e.ori, e.incident_date, e.vehicle, e.record_text"))));
    m_insert = std::make_unique<store::Statement>(db.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO alerts(created_utc, read_id, matched_plate, alt_rank, match_kind, explanation, retro, "
        "source, source_id, list_name, entry_plate, entry_state, category, priority, reason, nic, ori, incident_date, "
        "vehicle, record_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'hotlist', ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
        "?16, ?17, ?18, ?19)")));
}

HotlistMatcher::~HotlistMatcher() = default;

int HotlistMatcher::match(const NewReadingsByPlate& readingsByPlate)
{
    const LookAlikeTable& table = LookAlikeTable::standard();
    const qint64 now = m_now.toSecsSinceEpoch();
    // (entry, read) -> the best reading of that read for that entry: exact before look-alike, best rank first.
    QHash<QPair<qint64, qint64>, Candidate> best;
    for (auto it = readingsByPlate.constBegin(); it != readingsByPlate.constEnd(); ++it) {
        const QString& reading = it.key();
        const QString canonical = table.canonicalText(reading);
        if (m_filter && !std::binary_search(m_filter->begin(), m_filter->end(), key(canonical)))
            continue;
        m_lookup->bind(1, canonical).bind(2, now).bind(3, m_scope.hotlistId).bind(4, m_scope.entryId);
        while (m_lookup->step()) {
            Candidate c;
            c.entryPlate = m_lookup->text(2);
            c.exact = c.entryPlate == reading;
            if (!c.exact && m_lookup->int64(6) == 0)
                continue; // same canonical form, but this list matches exact plates only
            c.matchedPlate = reading;
            c.explanation = c.exact ? QStringLiteral("exact") : lookAlikeExplanation(c.entryPlate, reading);
            c.hotlistId = m_lookup->int64(1);
            c.entryState = m_lookup->text(3);
            c.category = m_lookup->text(4);
            c.priority = int(m_lookup->int64(5));
            c.reason = m_lookup->text(7);
            c.nic = m_lookup->text(8);
            c.ori = m_lookup->text(9);
            c.incidentDate = m_lookup->text(10);
            c.vehicle = m_lookup->text(11);
            c.recordText = m_lookup->text(12);
            c.listName = m_lookup->text(13);
            const qint64 entryId = m_lookup->int64(0);
            for (const WatchMatcher::Reading& r : it.value()) {
                c.rank = r.rank;
                auto existing = best.find({entryId, r.readId});
                if (existing == best.end())
                    best.insert({entryId, r.readId}, c);
                else if (c.better(*existing))
                    *existing = c;
            }
        }
        m_lookup->reset();
    }
    int inserted = 0;
    for (auto it = best.constBegin(); it != best.constEnd(); ++it) {
        const Candidate& c = it.value();
        m_insert->bind(1, now)
            .bind(2, it.key().second)
            .bind(3, c.matchedPlate)
            .bind(4, c.rank)
            .bind(5, c.exact ? QStringLiteral("exact") : QStringLiteral("look-alike"))
            .bind(6, c.explanation)
            .bind(7, m_scope.retro ? 1 : 0)
            .bind(8, c.hotlistId)
            .bind(9, c.listName)
            .bind(10, c.entryPlate)
            .bind(11, c.entryState)
            .bind(12, c.category)
            .bind(13, c.priority)
            .bind(14, c.reason)
            .bind(15, c.nic)
            .bind(16, c.ori)
            .bind(17, c.incidentDate)
            .bind(18, c.vehicle)
            .bind(19, c.recordText);
        m_insert->run();
        inserted += m_db.changes();
        m_insert->reset();
    }
    if (inserted > 0 && m_db.isPostgres())
        m_db.prepare(QStringLiteral("SELECT alpr_fill_alert_clets(?1)")).bind(1, now).run();
    if (!m_scope.retro && m_scope.hotlistId == 0 && m_scope.entryId == 0)
        inserted += alertWatchHits(m_db);
    return inserted;
}

int HotlistMatcher::matchPastReads(int days)
{
    auto s = m_db.prepare(
        QStringLiteral("SELECT reads.plate, reads.id, 0 FROM reads WHERE reads.time_utc >= ?1 UNION ALL "
                       "SELECT a.plate, a.read_id, a.rank FROM read_alternatives a JOIN reads ON reads.id = a.read_id "
                       "WHERE reads.time_utc >= ?1"));
    s.bind(1, m_now.addDays(-days).toSecsSinceEpoch());
    int alerts = 0;
    NewReadingsByPlate round;
    int readings = 0;
    while (s.step()) {
        round[s.text(0)].append({s.int64(1), int(s.int64(2))});
        if (++readings == kRetroRoundReadings) {
            alerts += match(round);
            round.clear();
            readings = 0;
        }
    }
    if (!round.isEmpty())
        alerts += match(round);
    return alerts;
}

quint64 HotlistMatcher::key(const QString& canonical)
{
    quint64 h = 14695981039346656037ULL;
    for (const QChar c : canonical) {
        h ^= c.unicode();
        h *= 1099511628211ULL;
    }
    return h;
}

HotlistMatcher::KeyFilter HotlistMatcher::loadKeys(store::Database& db)
{
    KeyFilter keys;
    auto s = db.prepare(QStringLiteral("SELECT canon FROM hotlist_entries"));
    while (s.step())
        keys.push_back(key(s.text(0)));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

int HotlistMatcher::alertWatchHits(store::Database& db)
{
    auto s = db.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO alerts(created_utc, read_id, matched_plate, alt_rank, match_kind, explanation, retro, "
        "source, source_id, list_name, entry_plate, entry_state, category, priority, reason) "
        "SELECT h.found_utc, h.read_id, h.matched_plate, h.alt_rank, 'partial', h.explanation, "
        "CASE h.kind WHEN 'retro' THEN 1 ELSE 0 END, 'watch', h.watch_id, 'Watch ' || w.case_number, w.pattern, '', "
        "?1, ?2, w.crime_type FROM watch_hits h JOIN watch_entries w ON w.id = h.watch_id WHERE NOT EXISTS "
        "(SELECT 1 FROM alerts a WHERE a.source = 'watch' AND a.source_id = h.watch_id AND a.entry_plate = "
        "w.pattern AND a.read_id = h.read_id)"));
    s.bind(1, HotlistCategory::Watch).bind(2, HotlistPriority::Medium).run();
    return db.changes();
}

} // namespace alpr
