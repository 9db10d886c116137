#include "hotlists/Alert.h"

namespace alpr {

QString alertStateName(AlertState state)
{
    switch (state) {
    case AlertState::New:
        return QStringLiteral("new");
    case AlertState::Visual:
        return QStringLiteral("visual");
    case AlertState::Confirmed:
        return QStringLiteral("confirmed");
    case AlertState::Closed:
        return QStringLiteral("closed");
    case AlertState::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

std::optional<AlertState> alertStateFromName(const QString& name)
{
    for (AlertState s :
         {AlertState::New, AlertState::Visual, AlertState::Confirmed, AlertState::Closed, AlertState::Rejected})
        if (alertStateName(s) == name.trimmed().toLower())
            return s;
    return std::nullopt;
}

QString cletsOutcomeName(CletsOutcome outcome)
{
    switch (outcome) {
    case CletsOutcome::Active:
        return QStringLiteral("active");
    case CletsOutcome::NotActive:
        return QStringLiteral("not-active");
    case CletsOutcome::Misread:
        return QStringLiteral("misread");
    }
    return {};
}

std::optional<CletsOutcome> cletsOutcomeFromName(const QString& name)
{
    for (CletsOutcome o : {CletsOutcome::Active, CletsOutcome::NotActive, CletsOutcome::Misread})
        if (cletsOutcomeName(o) == name.trimmed().toLower())
            return o;
    return std::nullopt;
}

QString Alert::verificationText() const
{
    if (!isVerified())
        return kUnverifiedWarning;
    if (cletsOutcome == cletsOutcomeName(CletsOutcome::Active))
        return QStringLiteral("CONFIRMED ACTIVE through CLETS/dispatch (ref %1)").arg(cletsReference);
    if (cletsOutcome == cletsOutcomeName(CletsOutcome::NotActive))
        return QStringLiteral("NO LONGER ACTIVE per CLETS/dispatch (ref %1): no enforcement").arg(cletsReference);
    return QStringLiteral("MISREAD per CLETS/dispatch (ref %1): no enforcement").arg(cletsReference);
}

QString Alert::dispatchLine() const
{
    const QString place = read.latitude && read.longitude
                              ? QStringLiteral("%1,%2").arg(*read.latitude, 0, 'f', 5).arg(*read.longitude, 0, 'f', 5)
                              : QStringLiteral("no GPS");
    QString line =
        QStringLiteral("ALPR hit %1 %2 on %3 (%4, %5 match) at %6 UTC, %7, unit %8")
            .arg(entryPlate, entryState.isEmpty() ? QStringLiteral("(no state)") : entryState, listName, category,
                 matchKind, read.timeUtc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), place, read.unitId);
    if (matchedPlate != entryPlate)
        line += QStringLiteral(", read as %1").arg(matchedPlate);
    line += QStringLiteral(" — ") + verificationText();
    return line;
}

} // namespace alpr
