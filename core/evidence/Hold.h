#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace alpr {

enum class HoldKind {
    Evidence, ///< the reads of a case are, or will likely become, evidence
    Legal,    ///< a lawful request to produce records (subpoena, preservation letter, court order)
};

[[nodiscard]] QString holdKindName(HoldKind kind); ///< evidence, legal
[[nodiscard]] std::optional<HoldKind> holdKindFromName(const QString& name);

/// A hold keeps reads out of every retention purge while it is active: not released and, for a legal hold with an
/// until date, not past that day. It covers the reads its case stands on and any reads listed with it.
struct Hold {
    qint64 id = 0;
    HoldKind kind = HoldKind::Evidence;
    QString caseNumber; ///< empty for a legal hold on listed reads only
    QString requester;  ///< legal holds: who asked (court, agency, counsel)
    QString reference;  ///< legal holds: the request's reference (subpoena number ...)
    QDate until;        ///< last day held; invalid = indefinite
    QString note;
    QString placedBy;
    QDateTime placedUtc;
    QString releasedBy;
    QDateTime releasedUtc; ///< invalid while not released
    QString releaseReason;
    qint64 listedReads = 0; ///< reads named with the hold itself (besides its case's)
    qint64 heldReads = 0;   ///< reads the hold covers now, case reads included

    [[nodiscard]] bool isActiveOn(const QDate& day) const
    {
        return !releasedUtc.isValid() && (!until.isValid() || day <= until);
    }
};

/// What placing a hold takes. An evidence hold needs a case; a legal hold needs requester and reference and a case
/// or listed reads (or both).
struct HoldRequest {
    HoldKind kind = HoldKind::Evidence;
    QString caseNumber;
    QList<qint64> readIds;
    QString requester;
    QString reference;
    QDate until;
    QString note;
};

} // namespace alpr
