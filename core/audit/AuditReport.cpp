#include "audit/AuditReport.h"

namespace alpr {

AuditReport AuditReport::summarize(const QList<AuditRecord>& records)
{
    AuditReport report;
    for (const AuditRecord& r : records) {
        UserLine& line = report.users[r.user];
        ++report.total;
        report.lastSeq = r.seq;
        report.lastHash = r.hash;
        const QString& a = r.action;
        if (a == QLatin1String("login"))
            ++line.logins;
        else if (a.startsWith(QLatin1String("login.")))
            ++line.refusedLogins;
        else if (a.startsWith(QLatin1String("search")) || a.startsWith(QLatin1String("canvass")))
            ++line.searches;
        else if (a.endsWith(QLatin1String(".view")))
            ++line.views;
        else if (a.endsWith(QLatin1String(".export")) || a.contains(QLatin1String("export")))
            ++line.exports;
        else if (a.startsWith(QLatin1String("user.")) || a.startsWith(QLatin1String("store.")) ||
                 a.startsWith(QLatin1String("retention.")) || a.startsWith(QLatin1String("hold.")))
            ++line.administrative;
        else
            ++line.other;
        if (!r.caseNumber.isEmpty() && !line.cases.contains(r.caseNumber))
            line.cases.append(r.caseNumber);
        const bool unapprovedUndock = a == QLatin1String("transfer.import") &&
                                      r.outcome.contains(QLatin1String("undocked without approval"));
        const bool refusedDecision = (a == QLatin1String("undock.approve") || a == QLatin1String("undock.deny")) &&
                                     r.outcome.startsWith(QLatin1String("refused"));
        if (unapprovedUndock || refusedDecision)
            report.flags.append(QStringLiteral("%1  #%2  %3  %4  %5: %6")
                                    .arg(r.timeUtc.toUTC().toString(Qt::ISODate))
                                    .arg(r.seq)
                                    .arg(r.user, a, r.object, r.outcome));
    }
    return report;
}

QString AuditReport::toText(const QDateTime& fromUtc, const QDateTime& toUtc) const
{
    QString out = QStringLiteral("ALPR access audit report\nPeriod: %1 to %2 (UTC)\nRecords: %3\n"
                                 "Chain anchor: record %4, hash %5\n\n")
                      .arg(fromUtc.isValid() ? fromUtc.toString(Qt::ISODate) : QStringLiteral("start"),
                           toUtc.isValid() ? toUtc.toString(Qt::ISODate) : QStringLiteral("now"))
                      .arg(total)
                      .arg(lastSeq)
                      .arg(lastHash);
    out += QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8  cases\n")
               .arg(QStringLiteral("user"), -20)
               .arg(QStringLiteral("logins"), 7)
               .arg(QStringLiteral("refused"), 8)
               .arg(QStringLiteral("searches"), 9)
               .arg(QStringLiteral("views"), 6)
               .arg(QStringLiteral("exports"), 8)
               .arg(QStringLiteral("admin"), 6)
               .arg(QStringLiteral("other"), 6);
    for (auto it = users.cbegin(); it != users.cend(); ++it) {
        const UserLine& l = it.value();
        out += QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8  %9\n")
                   .arg(it.key(), -20)
                   .arg(l.logins, 7)
                   .arg(l.refusedLogins, 8)
                   .arg(l.searches, 9)
                   .arg(l.views, 6)
                   .arg(l.exports, 8)
                   .arg(l.administrative, 6)
                   .arg(l.other, 6)
                   .arg(l.cases.join(QStringLiteral(", ")));
    }
    if (!flags.isEmpty())
        out += QStringLiteral("\nFlagged (undocking without the Commander's approval):\n  ") +
               flags.join(QStringLiteral("\n  ")) + QLatin1Char('\n');
    return out;
}

} // namespace alpr
