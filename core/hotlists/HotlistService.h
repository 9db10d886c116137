#pragma once

#include "common/Result.h"
#include "hotlists/Hotlist.h"
#include "hotlists/HotlistEntry.h"
#include "hotlists/HotlistSettings.h"

#include <QList>

namespace alpr {

class Session;

namespace store {
class Database;
}

/// Hot lists: loading extracts (preview first, then an atomic replace that keeps the version history), manual
/// entries, the entries in force, and the settings. Loading and manual entries need ManageHotlists; reading lists
/// and entries ManageHotlists or VerifyAlerts. CLETS fields of entries are returned only to CLETS-authorized users.
/// Every change is audited in its own transaction (hotlist.import, hotlist.entry.add, hotlist.entry.remove).
class HotlistService {
public:
    static inline const QString kManualListName = QStringLiteral("Manual entries");
    static constexpr int kMaxNameLength = 80;
    static constexpr int kMaxExpiryDays = 400;

    explicit HotlistService(Session& session);
    HotlistService(Session& session, store::Database& connection);

    /// Reads and parses a file without touching the store (the import preview with its line errors).
    [[nodiscard]] Result<HotlistFileContents> preview(const QString& path, HotlistFormat format,
                                                      const QString& category,
                                                      qint64 maxBytes = HotlistFile::kDefaultMaxBytes);
    /// Replaces the named list (creating it) with the parsed entries in one transaction, then matches it against
    /// the reads of the last HotlistSettings::retroDays days. InvalidInput when the file has no valid entry: an
    /// empty load must not wipe a list in force.
    [[nodiscard]] Result<HotlistImportReport> import(const HotlistFileContents& file,
                                                     const HotlistImportOptions& options);
    /// preview() then import().
    [[nodiscard]] Result<HotlistImportReport> importFile(const QString& path, const HotlistImportOptions& options,
                                                         qint64 maxBytes = HotlistFile::kDefaultMaxBytes);

    [[nodiscard]] Result<QList<Hotlist>> lists();
    [[nodiscard]] Result<QList<HotlistVersion>> versions(qint64 hotlistId);
    /// Entries of a list, optionally those whose plate starts with platePrefix; CLETS fields redacted as above.
    [[nodiscard]] Result<QList<HotlistEntry>> entries(qint64 hotlistId, const QString& platePrefix = {},
                                                      int limit = 1000);

    /// Adds a manual entry to the "Manual entries" list. An Amber alert or missing person is matched against the
    /// reads of the last retroDays days at once (the report says so and how many alerts that gave).
    [[nodiscard]] Result<ManualEntryReport> addEntry(const ManualEntry& entry);
    /// Removes an entry (recovered vehicle, cancelled Amber alert); its past alerts stay.
    [[nodiscard]] VoidResult removeEntry(qint64 entryId, const QString& reason);

    [[nodiscard]] Result<HotlistSettings> settings();
    /// ManageHotlists; audited as hotlist.settings.
    [[nodiscard]] VoidResult saveSettings(const HotlistSettings& settings);

private:
    [[nodiscard]] VoidResult requireReader() const;
    Session& m_session;
    store::Database& m_db;
};

} // namespace alpr
