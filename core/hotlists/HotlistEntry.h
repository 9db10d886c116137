#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace alpr {

/// What a hot-list entry is for. Stable identifiers (stored, in CSV files, on the command line).
namespace HotlistCategory {
inline const QString StolenVehicle = QStringLiteral("stolen-vehicle");
inline const QString StolenPlate = QStringLiteral("stolen-plate");
inline const QString WantedPerson = QStringLiteral("wanted-person");
inline const QString MissingPerson = QStringLiteral("missing-person");
inline const QString FelonyVehicle = QStringLiteral("felony-vehicle");
inline const QString AmberAlert = QStringLiteral("amber-alert");
inline const QString Bolo = QStringLiteral("bolo");
inline const QString Other = QStringLiteral("other");
/// Alerts from partial-plate watch entries (core/search) carry this category; no list entry has it.
inline const QString Watch = QStringLiteral("watch");
} // namespace HotlistCategory

/// The fields of an entry that come from CLETS/NCIC/DOJ records. Only a CLETS-authorized user gets them back from
/// HotlistService and AlertService; everyone else gets them empty with redacted set.
struct CletsFields {
    QString nic;          ///< NCIC number
    QString ori;          ///< originating agency
    QString incidentDate; ///< YYYY-MM-DD
    QString vehicle;      ///< year, make, model, style, colour as the record gives them
    QString recordText;   ///< the record line as received
    bool redacted = false;

    [[nodiscard]] bool isEmpty() const
    {
        return nic.isEmpty() && ori.isEmpty() && incidentDate.isEmpty() && vehicle.isEmpty() && recordText.isEmpty();
    }
};

/// One entry as a parser or a person gives it (before it is stored). priority 0 = take the category's or list's.
struct HotlistEntryInput {
    int line = 0;  ///< 1-based line in the source file; 0 for a manual entry
    QString plate; ///< normalized
    QString state; ///< two-letter code or empty
    QString category;
    int priority = 0;
    QString reason;
    QString notes;
    std::optional<QDateTime> expiresUtc;
    bool lookAlike = false; ///< manual entries: also match OCR look-alikes
    CletsFields clets;
};

/// A stored entry.
struct HotlistEntry {
    qint64 id = 0;
    qint64 hotlistId = 0;
    QString plate;
    QString state;
    QString category;
    int priority = 3;
    bool lookAlike = false;
    QString reason;
    QString notes;
    std::optional<QDateTime> expiresUtc;
    QDateTime createdUtc;
    QString createdBy;
    CletsFields clets;
};

/// Priorities: 1 high (Amber alert, wanted person ...), 2 medium, 3 low.
namespace HotlistPriority {
constexpr int High = 1;
constexpr int Medium = 2;
constexpr int Low = 3;
[[nodiscard]] int forCategory(const QString& category);
[[nodiscard]] QString name(int priority);
[[nodiscard]] std::optional<int> fromText(const QString& text); ///< 1-3 or high/medium/low
} // namespace HotlistPriority

[[nodiscard]] bool isKnownHotlistCategory(const QString& category);

} // namespace alpr
