#pragma once

#include "audit/AuditRecord.h"

#include <QList>
#include <QMap>

namespace alpr {

/// A periodic audit summary (policy: "ALPR system audits should be conducted on a regular basis"): per user, how
/// many logins, refused logins, searches and canvasses, views, exports and administrative changes, and which
/// case numbers they cited.
struct AuditReport {
    struct UserLine {
        int logins = 0;
        int refusedLogins = 0;
        int searches = 0; ///< search.* and canvass.*
        int views = 0;    ///< *.view
        int exports = 0;  ///< *.export
        int administrative = 0;
        int other = 0;
        QStringList cases;
    };
    QMap<QString, UserLine> users;
    /// Records an auditor must look at whatever the counts say: transfers from units undocked without the
    /// Commander's approval, and refused attempts to approve or deny an undocking (fleet, docs/transfers.md).
    QStringList flags;
    int total = 0;
    qint64 lastSeq = 0; ///< the newest record covered, with its chain hash: an anchor to keep outside the store
    QString lastHash;

    [[nodiscard]] static AuditReport summarize(const QList<AuditRecord>& records);
    [[nodiscard]] QString toText(const QDateTime& fromUtc, const QDateTime& toUtc) const;
};

} // namespace alpr
