#pragma once

#include "common/Result.h"
#include "requests/AgencyRelease.h"

namespace alpr {

class Session;

namespace store {
class Database;
}

/// Records releases to other agencies and reports them. Recording needs Permission::RecordRelease (Records
/// Supervisor, Commander) and is audited as release.add in its transaction; listing and the sharing report need
/// RecordRelease or ViewAudit (auditors read them). One instance per thread.
class ReleaseService {
public:
    static constexpr int kMaxFieldLength = 500;

    explicit ReleaseService(Session& session);
    ReleaseService(Session& session, store::Database& db);

    /// InvalidInput for a missing field, control characters, or a case number not in the agency's format;
    /// NotFound for a package that was never exported from this store (its manifest hash is copied from the
    /// export log). The release time is now.
    [[nodiscard]] Result<AgencyRelease> add(const NewAgencyRelease& release);
    /// Releases from fromUtc to toUtc (invalid = open end), optionally of one agency (case-insensitive), oldest first.
    [[nodiscard]] Result<QList<AgencyRelease>> list(const QDateTime& fromUtc = {}, const QDateTime& toUtc = {},
                                                    const QString& agency = {});
    [[nodiscard]] Result<SharingReport> sharingReport(const QDateTime& fromUtc, const QDateTime& toUtc);

private:
    [[nodiscard]] VoidResult requireReader() const;

    Session& m_session;
    store::Database& m_db;
};

} // namespace alpr
