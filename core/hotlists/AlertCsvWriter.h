#pragma once

#include "common/Result.h"
#include "hotlists/Alert.h"

#include <QIODevice>
#include <QList>

namespace alpr {

/// Writes alerts as CSV (UTF-8, RFC 4180 quoting) for a report or a hand-over. Every row carries its verification
/// text, so an unverified alert says "UNVERIFIED: confirm through CLETS/dispatch before enforcement" in the file
/// too. It writes what AlertService returned: for a user without CLETS authorization the CLETS columns hold
/// "[redacted]". Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
class AlertCsvWriter {
public:
    [[nodiscard]] static VoidResult write(const QList<Alert>& alerts, QIODevice& device);
    /// Writes to a new file (replacing one there) through a temporary file, so a failed export leaves nothing half.
    [[nodiscard]] static VoidResult writeFile(const QList<Alert>& alerts, const QString& path);
};

} // namespace alpr
