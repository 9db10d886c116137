#pragma once

#include "common/Result.h"
#include "hotlists/Alert.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace alpr {

class Session;
struct AuditRecord;

namespace store {
class Database;
}

/// Which alerts to list.
struct AlertFilter {
    std::optional<AlertState> state; ///< nothing = all
    bool openOnly = false;           ///< new, visual and confirmed only
    int limit = 1000;
};

/// What the main window's badge shows.
struct AlertCounts {
    int open = 0;            ///< not closed or rejected
    int unverified = 0;      ///< new or visual
    int highNew = 0;         ///< new alerts of high priority
    qint64 newestHighId = 0; ///< the newest high-priority new alert (a change means: sound)
};

/// The alert queue and its verification: new -> visual -> confirmed (CLETS/dispatch) -> closed, or rejected with a
/// configured reason. Needs VerifyAlerts. CLETS fields (NIC, ORI, incident date, record vehicle, record text) are
/// filled only for a CLETS-authorized user; everyone else sees that the alert exists with them redacted. Viewing one
/// alert and every state change are audited (alert.view, alert.visual, alert.confirm with minutes_to_confirm,
/// alert.reject, alert.close) under the purpose "Hot-list alert verification" and the alert's reference.
class AlertService {
public:
    static inline const QString kPurpose = QStringLiteral("Hot-list alert verification");
    static constexpr int kMaxReferenceLength = 80;

    explicit AlertService(Session& session);
    AlertService(Session& session, store::Database& connection);

    /// Highest priority first, newest first within a priority. Brings the queue up to date first (reads not yet
    /// indexed, new watch hits).
    [[nodiscard]] Result<QList<Alert>> list(const AlertFilter& filter = {});
    /// One alert, audited as a view.
    [[nodiscard]] Result<Alert> get(qint64 alertId);
    [[nodiscard]] Result<AlertCounts> counts();
    /// Writes list(filter) as CSV (AlertCsvWriter), audited as alert.export; returns how many alerts it wrote.
    [[nodiscard]] Result<int> exportCsv(const AlertFilter& filter, const QString& path);
    [[nodiscard]] Result<QStringList> rejectReasons();

    /// The plate and state in the image match the entry. From new only.
    [[nodiscard]] Result<Alert> markVisual(qint64 alertId);
    /// The CLETS/dispatch answer, with the dispatcher's or message reference. From visual only.
    [[nodiscard]] Result<Alert> confirm(qint64 alertId, CletsOutcome outcome, const QString& reference);
    /// With one of rejectReasons(). From new, visual or confirmed.
    [[nodiscard]] Result<Alert> reject(qint64 alertId, const QString& reason);
    /// From confirmed.
    [[nodiscard]] Result<Alert> close(qint64 alertId);

private:
    [[nodiscard]] Result<Alert> load(qint64 alertId);
    [[nodiscard]] VoidResult audit(const AuditRecord& record);
    struct Change {
        QString action; ///< audit action
        QList<AlertState> from;
        QString wrongState; ///< message when the alert is in another state
        QString updateSql;  ///< ?1 id, ?2 user, ?3 now, then the values
        QStringList values;
        QJsonObject parameters;
    };
    [[nodiscard]] Result<Alert> change(qint64 alertId, Change change);

    Session& m_session;
    store::Database& m_db;
};

} // namespace alpr
