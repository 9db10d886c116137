#include "hotlists/HotlistService.h"

#include "accounts/Session.h"
#include "audit/AuditLog.h"
#include "hotlists/HotlistMatcher.h"
#include "hotlists/HotlistText.h"
#include "reads/PlateText.h"
#include "search/LookAlikeTable.h"
#include "search/ReadIndexer.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>

namespace alpr {

namespace {

const AccessPurpose kMaintenancePurpose{QStringLiteral("Hot-list maintenance"), {}};

QString json(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::optional<QDateTime> expiryTime(const store::Statement& s, int column)
{
    if (s.isNull(column))
        return std::nullopt;
    return QDateTime::fromSecsSinceEpoch(s.int64(column), Qt::UTC);
}

std::optional<qint64> optionalSecs(const std::optional<QDateTime>& t)
{
    return t ? std::optional<qint64>(t->toSecsSinceEpoch()) : std::nullopt;
}

QString defaultCategory(HotlistFormat format)
{
    return format == HotlistFormat::CaDoj ? HotlistCategory::StolenVehicle : HotlistCategory::Other;
}

// Inserts one entry (throws). The canonical form is the search's, so that matching is one key lookup.
void insertEntry(store::Statement& insert, qint64 hotlistId, const HotlistEntryInput& e, int priority, bool lookAlike,
                 qint64 nowSecs, const QString& user)
{
    insert.bind(1, hotlistId)
        .bind(2, e.plate)
        .bind(3, LookAlikeTable::standard().canonicalText(e.plate))
        .bind(4, e.state)
        .bind(5, e.category)
        .bind(6, priority)
        .bind(7, lookAlike ? 1 : 0)
        .bind(8, e.reason)
        .bind(9, e.notes)
        .bind(10, optionalSecs(e.expiresUtc))
        .bind(11, e.clets.nic)
        .bind(12, e.clets.ori)
        .bind(13, e.clets.incidentDate)
        .bind(14, e.clets.vehicle)
        .bind(15, e.clets.recordText)
        .bind(16, nowSecs)
        .bind(17, user);
    insert.run();
    insert.reset();
}

// Every change to the entries sets a new generation, so each process's key filter (HotlistMatching) reloads. Random
// rather than counted: a process that opens several stores (tests) must not take one store's keys for another's.
void bumpGeneration(store::Database& db)
{
    db.prepare(QStringLiteral("UPDATE settings SET value = ?1 WHERE key = 'hotlist.generation'"))
        .bind(1, QString::number(QRandomGenerator::global()->generate64(), 16))
        .run();
}

constexpr auto kInsertEntrySql =
    "INSERT INTO hotlist_entries(hotlist_id, plate, canon, state, category, priority, lookalike, reason, notes, "
    "expires_utc, nic, ori, incident_date, vehicle, record_text, created_utc, created_by) VALUES (?1, ?2, ?3, ?4, "
    "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)";

constexpr auto kListColumns =
    "h.id, h.name, h.source, h.category, h.priority, h.lookalike, h.expires_utc, h.created_utc, h.refreshed_utc, "
    "(SELECT count(*) FROM hotlist_entries e WHERE e.hotlist_id = h.id), "
    "(SELECT coalesce(max(v.version), 0) FROM hotlist_versions v WHERE v.hotlist_id = h.id)";

Hotlist listFromRow(const store::Statement& s, const QDateTime& now, int staleHours)
{
    Hotlist h;
    h.id = s.int64(0);
    h.name = s.text(1);
    h.source = s.text(2);
    h.category = s.text(3);
    h.priority = int(s.int64(4));
    h.lookAlike = s.int64(5) != 0;
    h.expiresUtc = expiryTime(s, 6);
    h.createdUtc = QDateTime::fromSecsSinceEpoch(s.int64(7), Qt::UTC);
    h.refreshedUtc = QDateTime::fromSecsSinceEpoch(s.int64(8), Qt::UTC);
    h.entryCount = int(s.int64(9));
    h.version = int(s.int64(10));
    h.stale = h.source != QLatin1String("manual") && h.refreshedUtc.addSecs(qint64(staleHours) * 3600) < now;
    return h;
}

} // namespace

HotlistService::HotlistService(Session& session) : HotlistService(session, session.database()) {}

HotlistService::HotlistService(Session& session, store::Database& connection) : m_session(session), m_db(connection) {}

VoidResult HotlistService::requireReader() const
{
    if (m_session.can(Permission::ManageHotlists))
        return {};
    return m_session.require(Permission::VerifyAlerts, QStringLiteral("view hot lists"));
}

Result<HotlistFileContents> HotlistService::preview(const QString& path, HotlistFormat format, const QString& category,
                                                    qint64 maxBytes)
{
    if (auto allowed = m_session.require(Permission::ManageHotlists, QStringLiteral("load hot lists")); !allowed)
        return std::unexpected(allowed.error());
    return HotlistFile::read(path, format, category.isEmpty() ? defaultCategory(format) : category, maxBytes);
}

Result<HotlistImportReport> HotlistService::importFile(const QString& path, const HotlistImportOptions& options,
                                                       qint64 maxBytes)
{
    auto file = preview(path, options.format, options.category, maxBytes);
    if (!file)
        return std::unexpected(file.error());
    return import(*file, options);
}

Result<HotlistImportReport> HotlistService::import(const HotlistFileContents& file, const HotlistImportOptions& options)
{
    if (auto allowed = m_session.require(Permission::ManageHotlists, QStringLiteral("load hot lists")); !allowed)
        return std::unexpected(allowed.error());
    const QString name = options.name.trimmed();
    if (name.isEmpty() || name.size() > kMaxNameLength || HotlistText::hasControlCharacters(name))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("Give the list a name: one line, at most %1 characters").arg(kMaxNameLength));
    if (name.compare(kManualListName, Qt::CaseInsensitive) == 0)
        return fail(
            ErrorCode::InvalidInput,
            QStringLiteral("\"%1\" holds manual entries; it cannot be loaded from a file").arg(kManualListName));
    const QString category = options.category.isEmpty() ? defaultCategory(options.format) : options.category;
    if (!isKnownHotlistCategory(category))
        return fail(ErrorCode::InvalidInput, QStringLiteral("Unknown category \"%1\"").arg(category));
    if (options.priority < 0 || options.priority > HotlistPriority::Low)
        return fail(ErrorCode::InvalidInput, QStringLiteral("The priority is 1 (high), 2 or 3 (low)"));
    const QDateTime now = m_session.clock().nowUtc();
    if (options.expiresUtc && (*options.expiresUtc <= now || *options.expiresUtc > now.addDays(kMaxExpiryDays)))
        return fail(
            ErrorCode::InvalidInput,
            QStringLiteral("The list's expiry must be in the future and at most %1 days ahead").arg(kMaxExpiryDays));
    if (file.parsed.entries.isEmpty())
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("%1 has no valid entry (%2 lines rejected); nothing loaded, the list in force stays")
                        .arg(file.fileName)
                        .arg(file.parsed.errors.size()));
    const int listPriority = options.priority > 0 ? options.priority : HotlistPriority::forCategory(category);

    return guardedResult([&]() -> Result<HotlistImportReport> {
        store::Transaction tx(m_db);
        // Reads that arrived before this load are matched against the list as it was, so none is lost or doubled.
        ReadIndexer::indexPending(tx, now);
        const HotlistSettings settings = HotlistSettings::load(m_db);
        qint64 listId = 0;
        {
            auto find = m_db.prepare(QStringLiteral("SELECT id, source FROM hotlists WHERE name = ?1"));
            find.bind(1, name);
            if (find.step()) {
                if (find.text(1) == QLatin1String("manual"))
                    return fail(ErrorCode::InvalidInput, QStringLiteral("That name belongs to the manual list"));
                listId = find.int64(0);
            }
        }
        if (listId == 0) {
            // A new list: created here, given its settings by the update below like a reloaded one.
            m_db.prepare(QStringLiteral("INSERT INTO hotlists(name, source, category, priority, created_utc, "
                                        "refreshed_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?5)"))
                .bind(1, name)
                .bind(2, hotlistFormatName(options.format))
                .bind(3, category)
                .bind(4, listPriority)
                .bind(5, now.toSecsSinceEpoch())
                .run();
            listId = m_db.lastInsertRowId();
        }
        m_db.prepare(QStringLiteral("UPDATE hotlists SET source = ?2, category = ?3, priority = ?4, lookalike = ?5, "
                                    "expires_utc = ?6, refreshed_utc = ?7 WHERE id = ?1"))
            .bind(1, listId)
            .bind(2, hotlistFormatName(options.format))
            .bind(3, category)
            .bind(4, listPriority)
            .bind(5, options.lookAlike ? 1 : 0)
            .bind(6, optionalSecs(options.expiresUtc))
            .bind(7, now.toSecsSinceEpoch())
            .run();
        QSet<QString> kept;
        for (const HotlistEntryInput& e : file.parsed.entries)
            kept.insert(e.plate + QLatin1Char('/') + e.state);
        int dropped = 0;
        {
            auto old = m_db.prepare(QStringLiteral("SELECT plate, state FROM hotlist_entries WHERE hotlist_id = ?1"));
            old.bind(1, listId);
            while (old.step())
                dropped += kept.contains(old.text(0) + QLatin1Char('/') + old.text(1)) ? 0 : 1;
        }
        m_db.prepare(QStringLiteral("DELETE FROM hotlist_entries WHERE hotlist_id = ?1")).bind(1, listId).run();
        auto insert = m_db.prepare(QString::fromLatin1(kInsertEntrySql));
        const QString user = m_session.account().name;
        for (const HotlistEntryInput& e : file.parsed.entries) {
            const int priority = e.priority > 0         ? e.priority
                                 : options.priority > 0 ? options.priority
                                                        : HotlistPriority::forCategory(e.category);
            insertEntry(insert, listId, e, priority, options.lookAlike, now.toSecsSinceEpoch(), user);
        }
        bumpGeneration(m_db);
        HotlistVersion version;
        version.hotlistId = listId;
        version.version =
            int(m_db.queryInt64(
                QStringLiteral("SELECT coalesce(max(version), 0) FROM hotlist_versions WHERE hotlist_id = %1")
                    .arg(listId))) +
            1;
        version.importedUtc = now;
        version.importedBy = user;
        version.fileName = file.fileName;
        version.sha256 = file.sha256;
        version.lines = file.parsed.lines;
        version.entries = int(file.parsed.entries.size());
        version.rejected = int(file.parsed.errors.size());
        version.dropped = dropped;
        version.retroAlerts = HotlistMatcher(m_db, now, {listId, 0, true}).matchPastReads(settings.retroDays);
        m_db
            .prepare(QStringLiteral(
                "INSERT INTO hotlist_versions(hotlist_id, version, imported_utc, imported_by, file_name, sha256, "
                "lines, entries, rejected, dropped, retro_alerts) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                "?10, ?11)"))
            .bind(1, listId)
            .bind(2, version.version)
            .bind(3, now.toSecsSinceEpoch())
            .bind(4, user)
            .bind(5, version.fileName)
            .bind(6, version.sha256)
            .bind(7, version.lines)
            .bind(8, version.entries)
            .bind(9, version.rejected)
            .bind(10, version.dropped)
            .bind(11, version.retroAlerts)
            .run();
        const QJsonObject parameters{{QStringLiteral("name"), name},
                                     {QStringLiteral("format"), hotlistFormatName(options.format)},
                                     {QStringLiteral("file"), file.fileName},
                                     {QStringLiteral("sha256"), file.sha256},
                                     {QStringLiteral("version"), version.version},
                                     {QStringLiteral("entries"), version.entries},
                                     {QStringLiteral("rejected"), version.rejected},
                                     {QStringLiteral("dropped"), version.dropped},
                                     {QStringLiteral("retro_days"), settings.retroDays},
                                     {QStringLiteral("retro_alerts"), version.retroAlerts}};
        AuditLog::append(tx, m_session.auditRecord(QStringLiteral("hotlist.import"),
                                                   QStringLiteral("hotlist:%1").arg(listId), json(parameters),
                                                   kMaintenancePurpose));
        HotlistImportReport report;
        {
            auto s = m_db.prepare(
                QStringLiteral("SELECT %1 FROM hotlists h WHERE h.id = ?1").arg(QLatin1String(kListColumns)));
            s.bind(1, listId);
            s.step();
            report.list = listFromRow(s, now, settings.staleHours);
        }
        tx.commit();
        report.version = version;
        report.lineErrors = file.parsed.errors;
        return report;
    });
}

Result<QList<Hotlist>> HotlistService::lists()
{
    if (auto allowed = requireReader(); !allowed)
        return std::unexpected(allowed.error());
    return guarded([&] {
        const HotlistSettings settings = HotlistSettings::load(m_db);
        const QDateTime now = m_session.clock().nowUtc();
        auto s = m_db.prepare(
            QStringLiteral("SELECT %1 FROM hotlists h ORDER BY h.priority, h.name").arg(QLatin1String(kListColumns)));
        QList<Hotlist> out;
        while (s.step())
            out.append(listFromRow(s, now, settings.staleHours));
        return out;
    });
}

Result<QList<HotlistVersion>> HotlistService::versions(qint64 hotlistId)
{
    if (auto allowed = requireReader(); !allowed)
        return std::unexpected(allowed.error());
    return guarded([&] {
        auto s = m_db.prepare(QStringLiteral(
            "SELECT hotlist_id, version, imported_utc, imported_by, file_name, sha256, lines, entries, rejected, "
            "dropped, retro_alerts FROM hotlist_versions WHERE hotlist_id = ?1 ORDER BY version DESC"));
        s.bind(1, hotlistId);
        QList<HotlistVersion> out;
        while (s.step()) {
            HotlistVersion v;
            v.hotlistId = s.int64(0);
            v.version = int(s.int64(1));
            v.importedUtc = QDateTime::fromSecsSinceEpoch(s.int64(2), Qt::UTC);
            v.importedBy = s.text(3);
            v.fileName = s.text(4);
            v.sha256 = s.text(5);
            v.lines = int(s.int64(6));
            v.entries = int(s.int64(7));
            v.rejected = int(s.int64(8));
            v.dropped = int(s.int64(9));
            v.retroAlerts = int(s.int64(10));
            out.append(v);
        }
        return out;
    });
}

Result<QList<HotlistEntry>> HotlistService::entries(qint64 hotlistId, const QString& platePrefix, int limit)
{
    if (auto allowed = requireReader(); !allowed)
        return std::unexpected(allowed.error());
    const bool clets = m_session.account().cletsAuthorized;
    return guarded([&] {
        // The CLETS columns are not even read for a user without the authorization.
        auto s = m_db.prepare(
            QStringLiteral(
                "SELECT id, hotlist_id, plate, state, category, priority, lookalike, reason, notes, expires_utc, "
                "created_utc, created_by, %1 FROM hotlist_entries WHERE hotlist_id = ?1 AND substr(plate, 1, ?3) = ?2 "
                "ORDER BY plate LIMIT ?4")
                .arg(clets ? QStringLiteral("nic, ori, incident_date, vehicle, record_text")
                           : QStringLiteral("'', '', '', '', ''")));
        const QString prefix = PlateText::normalize(platePrefix);
        s.bind(1, hotlistId).bind(2, prefix).bind(3, int(prefix.size())).bind(4, std::max(1, limit));
        QList<HotlistEntry> out;
        while (s.step()) {
            HotlistEntry e;
            e.id = s.int64(0);
            e.hotlistId = s.int64(1);
            e.plate = s.text(2);
            e.state = s.text(3);
            e.category = s.text(4);
            e.priority = int(s.int64(5));
            e.lookAlike = s.int64(6) != 0;
            e.reason = s.text(7);
            e.notes = s.text(8);
            e.expiresUtc = expiryTime(s, 9);
            e.createdUtc = QDateTime::fromSecsSinceEpoch(s.int64(10), Qt::UTC);
            e.createdBy = s.text(11);
            e.clets = {s.text(12), s.text(13), s.text(14), s.text(15), s.text(16), !clets};
            out.append(e);
        }
        return out;
    });
}

Result<ManualEntryReport> HotlistService::addEntry(const ManualEntry& input)
{
    if (auto allowed = m_session.require(Permission::ManageHotlists, QStringLiteral("enter hot-list entries"));
        !allowed)
        return std::unexpected(allowed.error());
    HotlistEntryInput e;
    e.plate = PlateText::normalize(input.plate);
    if (!PlateText::isValid(e.plate))
        return fail(ErrorCode::InvalidInput, QStringLiteral("The plate is 1 to 10 letters and digits"));
    e.state = input.state.trimmed().toUpper();
    if (!e.state.isEmpty() && !HotlistText::isStateCode(e.state))
        return fail(ErrorCode::InvalidInput, QStringLiteral("\"%1\" is not a state or province code").arg(e.state));
    e.category = input.category.trimmed().toLower();
    if (!isKnownHotlistCategory(e.category))
        return fail(ErrorCode::InvalidInput, QStringLiteral("Unknown category \"%1\"").arg(e.category));
    if (input.priority < 0 || input.priority > HotlistPriority::Low)
        return fail(ErrorCode::InvalidInput, QStringLiteral("The priority is 1 (high), 2 or 3 (low)"));
    e.reason = input.reason.trimmed();
    if (e.reason.isEmpty() || e.reason.size() > 200 || HotlistText::hasControlCharacters(e.reason))
        return fail(ErrorCode::InvalidInput, QStringLiteral("Give the reason: one line, at most 200 characters"));
    e.notes = input.notes;
    if (e.notes.size() > 2000)
        return fail(ErrorCode::InvalidInput, QStringLiteral("Notes are at most 2000 characters"));
    const QDateTime now = m_session.clock().nowUtc();
    if (!input.expiresUtc.isValid() || input.expiresUtc <= now || input.expiresUtc > now.addDays(kMaxExpiryDays))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The expiry must be in the future and at most %1 days ahead").arg(kMaxExpiryDays));
    e.expiresUtc = input.expiresUtc.toUTC();
    const int priority = input.priority > 0 ? input.priority : HotlistPriority::forCategory(e.category);
    const bool retro = e.category == HotlistCategory::AmberAlert || e.category == HotlistCategory::MissingPerson;

    return guardedResult([&]() -> Result<ManualEntryReport> {
        store::Transaction tx(m_db);
        ReadIndexer::indexPending(tx, now);
        const HotlistSettings settings = HotlistSettings::load(m_db);
        qint64 listId = 0;
        {
            auto find = m_db.prepare(QStringLiteral("SELECT id FROM hotlists WHERE source = 'manual'"));
            if (find.step())
                listId = find.int64(0);
        }
        if (listId == 0) {
            m_db.prepare(QStringLiteral("INSERT INTO hotlists(name, source, category, priority, lookalike, "
                                        "created_utc, refreshed_utc) VALUES (?1, 'manual', ?2, ?3, 1, ?4, ?4)"))
                .bind(1, kManualListName)
                .bind(2, HotlistCategory::Bolo)
                .bind(3, HotlistPriority::High)
                .bind(4, now.toSecsSinceEpoch())
                .run();
            listId = m_db.lastInsertRowId();
        }
        auto insert = m_db.prepare(QString::fromLatin1(kInsertEntrySql));
        insertEntry(insert, listId, e, priority, input.lookAlike, now.toSecsSinceEpoch(), m_session.account().name);
        ManualEntryReport report;
        report.entryId = m_db.lastInsertRowId();
        bumpGeneration(m_db);
        if (retro) {
            report.retroSearched = true;
            report.retroDays = settings.retroDays;
            report.retroAlerts =
                HotlistMatcher(m_db, now, {listId, report.entryId, true}).matchPastReads(settings.retroDays);
        }
        const QJsonObject parameters{{QStringLiteral("plate"), e.plate},
                                     {QStringLiteral("state"), e.state},
                                     {QStringLiteral("category"), e.category},
                                     {QStringLiteral("priority"), priority},
                                     {QStringLiteral("reason"), e.reason},
                                     {QStringLiteral("expires"), input.expiresUtc.toUTC().toString(Qt::ISODate)},
                                     {QStringLiteral("retro_alerts"), report.retroAlerts}};
        AuditLog::append(tx, m_session.auditRecord(QStringLiteral("hotlist.entry.add"),
                                                   QStringLiteral("hotlist-entry:%1").arg(report.entryId),
                                                   json(parameters), kMaintenancePurpose));
        tx.commit();
        return report;
    });
}

VoidResult HotlistService::removeEntry(qint64 entryId, const QString& reason)
{
    if (auto allowed = m_session.require(Permission::ManageHotlists, QStringLiteral("remove hot-list entries"));
        !allowed)
        return std::unexpected(allowed.error());
    const QString why = reason.trimmed();
    if (why.isEmpty() || why.size() > 200 || HotlistText::hasControlCharacters(why))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("Say why the entry is removed (one line, at most 200 characters)"));
    return guardedResult([&]() -> VoidResult {
        store::Transaction tx(m_db);
        auto s = m_db.prepare(QStringLiteral("SELECT plate, state, hotlist_id FROM hotlist_entries WHERE id = ?1"));
        s.bind(1, entryId);
        if (!s.step())
            return fail(ErrorCode::NotFound, QStringLiteral("Hot-list entry %1 does not exist").arg(entryId));
        const QJsonObject parameters{{QStringLiteral("plate"), s.text(0)},
                                     {QStringLiteral("state"), s.text(1)},
                                     {QStringLiteral("hotlist"), s.int64(2)},
                                     {QStringLiteral("reason"), why}};
        m_db.prepare(QStringLiteral("DELETE FROM hotlist_entries WHERE id = ?1")).bind(1, entryId).run();
        bumpGeneration(m_db);
        AuditLog::append(tx, m_session.auditRecord(QStringLiteral("hotlist.entry.remove"),
                                                   QStringLiteral("hotlist-entry:%1").arg(entryId), json(parameters),
                                                   kMaintenancePurpose));
        tx.commit();
        return {};
    });
}

Result<HotlistSettings> HotlistService::settings()
{
    if (auto allowed = requireReader(); !allowed)
        return std::unexpected(allowed.error());
    return guarded([&] { return HotlistSettings::load(m_db); });
}

VoidResult HotlistService::saveSettings(const HotlistSettings& settings)
{
    if (auto allowed = m_session.require(Permission::ManageHotlists, QStringLiteral("change hot-list settings"));
        !allowed)
        return std::unexpected(allowed.error());
    if (auto valid = HotlistSettings::validate(settings); !valid)
        return valid;
    return guarded([&] {
        store::Transaction tx(m_db);
        HotlistSettings::save(m_db, settings);
        const QJsonObject parameters{{QStringLiteral("stale_hours"), settings.staleHours},
                                     {QStringLiteral("retro_days"), settings.retroDays},
                                     {QStringLiteral("reject_reasons"), settings.rejectReasons.join(QLatin1Char('|'))}};
        AuditLog::append(tx, m_session.auditRecord(QStringLiteral("hotlist.settings"), QStringLiteral("settings"),
                                                   json(parameters), kMaintenancePurpose));
        tx.commit();
    });
}

} // namespace alpr
