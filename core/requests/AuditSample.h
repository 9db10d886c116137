#pragma once

#include "audit/AuditRecord.h"

#include <QList>

#include <algorithm>
#include <optional>

namespace alpr {

/// A supervisor's verdict on one sampled search.
enum class SampleVerdict { Unreviewed, Justified, NotJustified };

[[nodiscard]] QString sampleVerdictName(SampleVerdict verdict); ///< "", justified, not-justified
[[nodiscard]] std::optional<SampleVerdict> sampleVerdictFromName(const QString& name);

/// One sampled search: its audit record and the review.
struct AuditSampleItem {
    AuditRecord record;
    SampleVerdict verdict = SampleVerdict::Unreviewed;
    QString note;
    QString reviewedBy;
    QDateTime reviewedUtc;
};

/// A random sample of the searches (search.*, canvass.run) of a period, drawn for supervisory review. The same
/// period, seed and size always draw the same records, so anyone can check a sample was not hand-picked.
struct AuditSample {
    qint64 id = 0;
    QDateTime fromUtc;
    QDateTime toUtc;
    quint64 seed = 0;
    int requested = 0;
    QString createdBy;
    QDateTime createdUtc;
    QList<AuditSampleItem> items; ///< in audit order

    [[nodiscard]] int reviewed() const
    {
        return int(std::count_if(items.cbegin(), items.cend(),
                                 [](const AuditSampleItem& i) { return i.verdict != SampleVerdict::Unreviewed; }));
    }
};

/// One signed-off period.
struct AuditSignoff {
    qint64 id = 0;
    QDateTime fromUtc;
    QDateTime toUtc;
    qint64 anchorCount = 0;
    QString anchorHash;
    QString findings;
    QString signedBy;
    QDateTime signedUtc;
};

} // namespace alpr
