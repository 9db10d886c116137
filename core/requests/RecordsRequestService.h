#pragma once

#include "common/Result.h"
#include "evidence/Hold.h"
#include "requests/RecordsRequest.h"

#include <QList>

namespace alpr {

class Session;

namespace store {
class Database;
}

/// The register of outside (non-law-enforcement) records requests. The policy refers them all to the Records
/// Supervisor: anyone logged in with valid ALPR training may register one, but only an account with
/// Permission::HandleRecordsRequests (Records Supervisor, Commander) may list, assign, work or close them. Every
/// change is audited in its transaction (request.add, request.update). One instance per thread.
class RecordsRequestService {
public:
    static constexpr int kDefaultDueDays = 10; ///< California Public Records Act: 10 days to answer
    static constexpr int kMaxFieldLength = 2000;

    explicit RecordsRequestService(Session& session);
    RecordsRequestService(Session& session, store::Database& db);

    /// InvalidInput for an empty requester or description, a received date in the future, text with control
    /// characters or over kMaxFieldLength. The due date is received + dueDays() days.
    [[nodiscard]] Result<RecordsRequest> add(const NewRecordsRequest& request);
    [[nodiscard]] Result<QList<RecordsRequest>> list(bool includeClosed = true);
    [[nodiscard]] Result<RecordsRequest> find(qint64 id);
    /// InvalidInput for a denial without a reason, an assignee who is not a Records Supervisor or Commander, a
    /// change to a closed request other than its notes, a case number not in the agency's format or not on file.
    [[nodiscard]] Result<RecordsRequest> update(qint64 id, const RecordsRequestUpdate& update);
    /// Places a legal hold from the request: requester and reference ("request N") come from it; the hold covers the
    /// case and/or the reads given. Audited as hold.place (by HoldService) and request.update.
    [[nodiscard]] Result<Hold> placeLegalHold(qint64 id, const QString& caseNumber, const QList<qint64>& readIds,
                                              const QDate& until);

    /// Days from receipt to the legal due date (setting requests.due_days).
    [[nodiscard]] Result<int> dueDays();
    /// Needs HandleRecordsRequests; 1..365 days.
    [[nodiscard]] VoidResult setDueDays(int days);

private:
    Session& m_session;
    store::Database& m_db;
};

} // namespace alpr
