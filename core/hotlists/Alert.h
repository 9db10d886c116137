#pragma once

#include "hotlists/HotlistEntry.h"
#include "reads/PlateRead.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace alpr {

/// Where an alert stands. new -> visual (plate and state checked against the image) -> confirmed (through
/// CLETS/dispatch, with an outcome) -> closed; or rejected with a reason at any step before closing.
enum class AlertState { New, Visual, Confirmed, Closed, Rejected };

[[nodiscard]] QString alertStateName(AlertState state); ///< new, visual, confirmed, closed, rejected
[[nodiscard]] std::optional<AlertState> alertStateFromName(const QString& name);

/// What CLETS/dispatch said when the alert was checked.
enum class CletsOutcome { Active, NotActive, Misread };

[[nodiscard]] QString cletsOutcomeName(CletsOutcome outcome); ///< active, not-active, misread
[[nodiscard]] std::optional<CletsOutcome> cletsOutcomeFromName(const QString& name);

/// A read that hit a hot-list entry or a partial-plate watch entry, with the entry as it was when the hit was found
/// and its verification so far.
struct Alert {
    /// The policy's rule: shown with every alert not yet confirmed, in the GUI, the CLI and every export.
    static inline const QString kUnverifiedWarning =
        QStringLiteral("UNVERIFIED: confirm through CLETS/dispatch before enforcement");

    qint64 id = 0;
    QDateTime createdUtc;
    PlateRead read;       ///< the read's columns (no alternatives, images by id)
    QString matchedPlate; ///< the reading that matched (best or an alternative)
    int alternativeRank = 0;
    QString matchKind; ///< exact, look-alike, partial
    QString explanation;
    bool retro = false; ///< found among past reads when the list or entry was loaded
    QString source;     ///< hotlist, watch
    qint64 sourceId = 0;
    QString listName;
    QString entryPlate;
    QString entryState;
    QString category;
    int priority = HotlistPriority::Low;
    QString reason;
    CletsFields clets;

    AlertState state = AlertState::New;
    QString visualBy;
    QDateTime visualUtc;
    QString cletsBy;
    QDateTime cletsUtc;
    QString cletsReference;
    QString cletsOutcome;
    QString closedBy;
    QDateTime closedUtc;
    QString rejectReason;

    /// Confirmed through CLETS/dispatch (and possibly closed since). Everything else carries kUnverifiedWarning.
    [[nodiscard]] bool isVerified() const { return state == AlertState::Confirmed || state == AlertState::Closed; }
    /// kUnverifiedWarning, or what CLETS said.
    [[nodiscard]] QString verificationText() const;
    /// One line for the dispatcher: plate, state, list, time, place and unit, and the warning while unverified.
    [[nodiscard]] QString dispatchLine() const;
};

} // namespace alpr
