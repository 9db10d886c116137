#pragma once

#include "hotlists/HotlistFile.h"
#include "hotlists/HotlistParseResult.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace alpr {

/// A hot list as the manager shows it.
struct Hotlist {
    qint64 id = 0;
    QString name;
    QString source; ///< ncic, cadoj, csv, manual
    QString category;
    int priority = 2;
    bool lookAlike = false;
    std::optional<QDateTime> expiresUtc;
    QDateTime createdUtc;
    QDateTime refreshedUtc;
    int entryCount = 0;
    int version = 0;    ///< latest version number; 0 for the manual list
    bool stale = false; ///< not refreshed within HotlistSettings::staleHours (imported lists only)
};

/// One load of a list: who, when, what file, what came of it.
struct HotlistVersion {
    qint64 hotlistId = 0;
    int version = 0;
    QDateTime importedUtc;
    QString importedBy;
    QString fileName;
    QString sha256;
    int lines = 0;
    int entries = 0;
    int rejected = 0;
    int dropped = 0;
    int retroAlerts = 0;
};

/// How to load a file as a list.
struct HotlistImportOptions {
    QString name;
    HotlistFormat format = HotlistFormat::Csv;
    QString category; ///< the list's; entries that name none take it (CA DOJ, CSV); empty = from the format
    int priority = 0; ///< 0 = the category's
    bool lookAlike = false;
    std::optional<QDateTime> expiresUtc;
};

/// What a load did.
struct HotlistImportReport {
    Hotlist list;
    HotlistVersion version;
    QList<HotlistLineError> lineErrors;
};

/// A manual entry (Amber alert, BOLO, missing person ...).
struct ManualEntry {
    QString plate;
    QString state;
    QString category;
    int priority = 0; ///< 0 = the category's
    QString reason;
    QString notes;
    QDateTime expiresUtc;
    bool lookAlike = true;
};

/// What entering a manual entry did: for an Amber alert or missing person the past reads were searched at once.
struct ManualEntryReport {
    qint64 entryId = 0;
    bool retroSearched = false;
    int retroDays = 0;
    int retroAlerts = 0;
};

} // namespace alpr
