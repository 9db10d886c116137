#pragma once

#include "common/Result.h"
#include "fleet/UndockRequest.h"

#include <QList>

namespace alpr {

class Session;

namespace store {
class Database;
}

/// The policy's undocking rule, enforced here and not only in the UI: anyone who works with units (ImportReads or
/// ManageUnits) may ask to undock one; only a holder of ApproveUndock (the Support Services Division Commander) may
/// approve or deny. Approval marks the unit undocked; the return puts it back in service. Every step is audited
/// (undock.request, undock.approve, undock.deny, undock.return), and so is a refused approval or denial.
class UndockService {
public:
    static constexpr int kMaxDays = 365;

    explicit UndockService(Session& session);
    UndockService(Session& session, store::Database& connection);

    /// InvalidInput for no reason, an end not after the start or more than kMaxDays apart; NotFound for a unit
    /// that is not registered; InvalidInput for a retired unit or one already undocked.
    [[nodiscard]] Result<UndockRequest> request(const QString& unitId, const QString& reason, const QDateTime& fromUtc,
                                                const QDateTime& toUtc);
    /// PermissionDenied (and an audit record of the attempt) without ApproveUndock; InvalidInput unless pending.
    [[nodiscard]] Result<UndockRequest> approve(qint64 requestId, const QString& note = {});
    [[nodiscard]] Result<UndockRequest> deny(qint64 requestId, const QString& note = {});
    /// Records that the unit is docked again (ManageUnits, or the person who asked); InvalidInput unless approved.
    [[nodiscard]] Result<UndockRequest> recordReturn(qint64 requestId);

    /// Newest first; pending and approved (open) ones only unless includeClosed.
    [[nodiscard]] Result<QList<UndockRequest>> list(bool includeClosed = false);
    [[nodiscard]] Result<UndockRequest> find(qint64 requestId);

private:
    [[nodiscard]] Result<UndockRequest> decide(qint64 requestId, bool approve, const QString& note);

    Session& m_session;
    store::Database& m_db;
};

} // namespace alpr
