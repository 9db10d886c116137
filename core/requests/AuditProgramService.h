#pragma once

#include "common/Result.h"
#include "requests/AuditCalendar.h"
#include "requests/AuditProgramReport.h"
#include "requests/AuditProgramSettings.h"
#include "requests/AuditSample.h"

#include <optional>

namespace alpr {

class Session;

namespace store {
class Database;
}

/// The audit program: the periodic report, the random sample of searches for review, the auditor's sign-off and
/// the schedule that says when the next report is due. Reports need Permission::ViewAudit; drawing and reviewing a
/// sample, signing off and changing the program's settings need Permission::VerifyAudit (the auditor, the
/// Commander). Each is audited (audit.report, audit.sample, audit.sample.review, audit.signoff, audit.settings).
/// One instance per thread, on the connection it is given.
class AuditProgramService {
public:
    static constexpr int kMaxSampleSize = 1000;
    static constexpr int kMaxNoteLength = 2000;

    explicit AuditProgramService(Session& session);
    AuditProgramService(Session& session, store::Database& db);

    /// InvalidInput for an invalid period or one that ends before it starts.
    [[nodiscard]] Result<AuditProgramReport> report(const QDateTime& fromUtc, const QDateTime& toUtc);

    /// Draws count searches of the period at random with seed (none = a fresh seed, kept with the sample); fewer when
    /// the period has fewer. InvalidInput for count outside 1..kMaxSampleSize.
    [[nodiscard]] Result<AuditSample> drawSample(const QDateTime& fromUtc, const QDateTime& toUtc, int count,
                                                 std::optional<quint64> seed = std::nullopt);
    [[nodiscard]] Result<AuditSample> sample(qint64 sampleId);
    [[nodiscard]] Result<QList<AuditSample>> samples(); ///< newest first, items included
    /// Marks one sampled search justified or not; a not-justified verdict needs a note.
    [[nodiscard]] VoidResult review(qint64 sampleId, qint64 auditSeq, SampleVerdict verdict, const QString& note);

    /// Signs the period off with the chain head as it is now and the auditor's findings.
    [[nodiscard]] Result<AuditSignoff> signOff(const QDateTime& fromUtc, const QDateTime& toUtc,
                                               const QString& findings);
    [[nodiscard]] Result<QList<AuditSignoff>> signoffs(); ///< newest first
    /// The oldest complete period of the schedule not yet signed off, if any: what the auditor is reminded of.
    [[nodiscard]] Result<std::optional<AuditPeriod>> duePeriod();

    [[nodiscard]] Result<AuditProgramSettings> settings();
    [[nodiscard]] VoidResult saveSettings(const AuditProgramSettings& settings);

    /// The deterministic draw: count of the candidates (sequence numbers in ascending order) chosen with a
    /// Mersenne Twister seeded with seed, returned in ascending order.
    [[nodiscard]] static QList<qint64> choose(const QList<qint64>& candidates, int count, quint64 seed);

private:
    [[nodiscard]] VoidResult checkPeriod(const QDateTime& fromUtc, const QDateTime& toUtc) const;

    Session& m_session;
    store::Database& m_db;
};

} // namespace alpr
