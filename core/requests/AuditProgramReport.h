#pragma once

#include "audit/AuditAnchor.h"
#include "audit/AuditLog.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QStringList>

namespace alpr {

/// Everything an auditor signs for one period (policy: "ALPR system audits should be conducted on a regular basis";
/// Civil Code 1798.90.52: a record of every access). Counts come from the audit trail by action name, so a capability
/// that writes the agreed names (hotlist.*, alert.*, undock.*, account.lock ...) fills its lines in; the rest from the
/// tables as they stand when the report is made. Built by AuditProgramService::report; drawn by an
/// AuditReportDocumentRenderer (PDF) or AuditReportCsv.
struct AuditProgramReport {
    /// One user's access to ALPR data in the period.
    struct UserActivity {
        QString user;
        int searches = 0;     ///< search.* (not search.export)
        int canvasses = 0;    ///< canvass.* (not canvass.export)
        int views = 0;        ///< *.view
        int exports = 0;      ///< *.export that succeeded
        QStringList purposes; ///< distinct, in first-use order
        QStringList cases;
    };
    /// An access whose purpose or case number looks meaningless.
    struct FlaggedAccess {
        qint64 seq = 0;
        QDateTime timeUtc;
        QString user;
        QString action;
        QString purpose;
        QString caseNumber;
        QString why; ///< "purpose", "case number" or "purpose and case number"
    };
    /// An account finding: training expired while the account is active, or unused too long.
    struct AccountFinding {
        QString user;
        QString role;               ///< display name
        QDate trainingUntil;        ///< invalid = none recorded
        QDateTime lastLoginUtc;     ///< invalid = never
        int actionsAfterExpiry = 0; ///< audit records of the user in the period after the training's last day
    };
    struct UnitFinding {
        QString unitId;
        QString name;
        QDateTime lastTransferUtc; ///< invalid = never
    };

    QDateTime fromUtc;
    QDateTime toUtc;
    QDateTime generatedUtc;
    QString generatedBy;
    QString workstation;

    int totalRecords = 0;            ///< audit records in the period
    QMap<QString, int> actionCounts; ///< every action in the period, by name
    QList<UserActivity> users;       ///< users with any access to ALPR data, by name
    /// All users' searches, canvasses, views and exports summed.
    [[nodiscard]] UserActivity accessTotals() const;
    QList<FlaggedAccess> meaningless; ///< in time order
    QList<AccountFinding> trainingExpired;
    QList<AccountFinding> unusedAccounts;
    int unusedDays = 0;

    int failedLogins = 0; ///< login.* refusals (failed password, locked, disabled, untrained)
    QMap<QString, int> failedLoginsByUser;
    int lockouts = 0; ///< account.lock

    int exports = 0;  ///< evidence.export that succeeded
    int releases = 0; ///< release.add
    QMap<QString, int> releasesByAgency;
    int requestsReceived = 0; ///< registered in the period
    int requestsClosed = 0;   ///< closed in the period (released in part, denied, withdrawn)
    int requestsOpen = 0;     ///< open at the period's end
    int requestsOverdue = 0;  ///< open past their due date at the period's end

    int holdsPlaced = 0;
    int holdsReleased = 0;
    int purgeRuns = 0;             ///< purges started in the period
    qint64 readsPurged = 0;        ///< by those runs
    qint64 readsOverRetention = 0; ///< now: reads older than the maximum (or the retention period) and not held
    QDate oldestOverRetention;     ///< capture day of the oldest of them

    int hotlistImports = 0;
    int hotlistEntriesAdded = 0;
    int hotlistEntriesRemoved = 0;
    int alertsViewed = 0;    ///< alert.view
    int alertsVisual = 0;    ///< alert.visual (visual check of plate and vehicle)
    int alertsConfirmed = 0; ///< alert.confirm
    int alertsRejected = 0;  ///< alert.reject
    int alertsClosed = 0;
    QList<int> confirmationMinutes; ///< minutes_to_confirm of each alert.confirm, in order
    [[nodiscard]] double medianConfirmationMinutes() const;

    QList<UnitFinding> silentUnits; ///< no transfer for unitSilentDays at the period's end
    int unitSilentDays = 0;
    int undockRequests = 0;
    int undockApprovals = 0;
    int undockDenials = 0;
    int undockReturns = 0;

    AuditVerification chain; ///< the whole trail verified when the report was made
    AuditAnchor anchor;      ///< the chain head at that moment: keep it outside the store
};

} // namespace alpr
