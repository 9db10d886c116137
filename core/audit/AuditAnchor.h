#pragma once

#include "common/Result.h"

#include <QString>

namespace alpr {

/// The head of the audit chain: how many records it holds and the hash of the newest. The chain itself cannot show
/// that its newest records were removed (what is left still verifies), so an anchor kept outside the store (printed
/// on a signed report, written into an evidence package) is what later proves the log still reaches that far.
struct AuditAnchor {
    qint64 count = 0; ///< the newest record's sequence number = the number of records
    QString hash;     ///< its chain hash (64 lowercase hex digits); empty for an empty log

    /// "COUNT:HASH", the form `alprctl audit anchor` prints and `audit verify --anchor` takes.
    [[nodiscard]] QString toString() const { return QStringLiteral("%1:%2").arg(count).arg(hash); }
    /// InvalidInput unless text is COUNT:HASH with a positive count and 64 hex digits.
    [[nodiscard]] static Result<AuditAnchor> parse(const QString& text);
};

} // namespace alpr
