#pragma once

#include "requests/AuditProgramReport.h"
#include "requests/AuditProgramSettings.h"

namespace alpr {

namespace store {
class Database;
}

/// Computes an AuditProgramReport from the store: the period's audit records, the accounts, request, release, hold,
/// purge and unit tables, and a verification of the whole chain. Reads only; permission and the audit record of the
/// report itself are AuditProgramService's. Throws ErrorException (call inside guarded()).
class AuditProgramReportBuilder {
public:
    AuditProgramReportBuilder(store::Database& db, AuditProgramSettings settings);

    [[nodiscard]] AuditProgramReport build(const QDateTime& fromUtc, const QDateTime& toUtc, const QDateTime& nowUtc);

    /// A time the audit program's tables keep as ISO 8601 text; empty text is no time.
    [[nodiscard]] static QDateTime storedTime(const QString& text);

private:
    void countRecords(AuditProgramReport& report, const QList<AuditRecord>& records);
    void findAccounts(AuditProgramReport& report, const QList<AuditRecord>& records, const QDateTime& nowUtc);
    void countRequests(AuditProgramReport& report);
    void countRetention(AuditProgramReport& report, const QDateTime& nowUtc);
    void findSilentUnits(AuditProgramReport& report);

    store::Database& m_db;
    AuditProgramSettings m_settings;
};

} // namespace alpr
