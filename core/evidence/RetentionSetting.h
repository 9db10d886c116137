#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace alpr {

/// The data classes retention is set for. A read is "linked" when a case stands on it or it produced a hot-list hit.
enum class RetentionClass {
    Reads,     ///< reads not linked to a case or hit
    CaseReads, ///< reads linked to a case or a hit (not held: held reads are never purged)
    Images,    ///< plate crops and context images of reads that are kept longer than their images
};

[[nodiscard]] QString retentionClassName(RetentionClass dataClass); ///< reads, case-reads, images
[[nodiscard]] std::optional<RetentionClass> retentionClassFromName(const QString& name);

/// How long one data class is kept: data older than `days` may be purged. `maxDays`, when set, caps what `days`
/// may be raised to, for agencies whose law limits retention.
struct RetentionSetting {
    RetentionClass dataClass = RetentionClass::Reads;
    int days = 365;
    std::optional<int> maxDays;
    QString updatedBy;
    QDateTime updatedUtc;

    /// Seconds since the epoch: data captured before this is older than the retention period at `now`.
    [[nodiscard]] qint64 cutoff(const QDateTime& now) const { return now.addDays(-days).toSecsSinceEpoch(); }
};

} // namespace alpr
