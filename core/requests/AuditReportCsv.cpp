#include "requests/AuditReportCsv.h"

namespace alpr {

namespace {

class CsvTable {
public:
    void row(const QString& section, const QString& subject, const QString& metric, const QString& value,
             const QString& detail = {})
    {
        m_text += AuditReportCsv::field(section) + QLatin1Char(',') + AuditReportCsv::field(subject) +
                  QLatin1Char(',') + AuditReportCsv::field(metric) + QLatin1Char(',') + AuditReportCsv::field(value) +
                  QLatin1Char(',') + AuditReportCsv::field(detail) + QStringLiteral("\r\n");
    }
    void row(const QString& section, const QString& subject, const QString& metric, qint64 value,
             const QString& detail = {})
    {
        row(section, subject, metric, QString::number(value), detail);
    }
    [[nodiscard]] QByteArray bytes() const { return m_text.toUtf8(); }

private:
    QString m_text = QStringLiteral("section,subject,metric,value,detail\r\n");
};

QString iso(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace

QString AuditReportCsv::field(const QString& value)
{
    // A leading =, +, - or @ would run as a formula in a spreadsheet: prefix it (OWASP CSV injection advice).
    QString v = value;
    if (!v.isEmpty() && QStringLiteral("=+-@").contains(v.front()))
        v.prepend(QLatin1Char('\''));
    if (!v.contains(QLatin1Char(',')) && !v.contains(QLatin1Char('"')) && !v.contains(QLatin1Char('\n')) &&
        !v.contains(QLatin1Char('\r')))
        return v;
    v.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + v + QLatin1Char('"');
}

QByteArray AuditReportCsv::render(const AuditProgramReport& r)
{
    CsvTable t;
    t.row(QStringLiteral("report"), {}, QStringLiteral("from"), iso(r.fromUtc));
    t.row(QStringLiteral("report"), {}, QStringLiteral("to"), iso(r.toUtc));
    t.row(QStringLiteral("report"), {}, QStringLiteral("generated"), iso(r.generatedUtc), r.generatedBy);
    t.row(QStringLiteral("report"), {}, QStringLiteral("records"), r.totalRecords);
    for (auto it = r.actionCounts.cbegin(); it != r.actionCounts.cend(); ++it)
        t.row(QStringLiteral("actions"), it.key(), QStringLiteral("count"), it.value());
    for (const auto& u : r.users) {
        t.row(QStringLiteral("user-activity"), u.user, QStringLiteral("searches"), u.searches);
        t.row(QStringLiteral("user-activity"), u.user, QStringLiteral("canvasses"), u.canvasses);
        t.row(QStringLiteral("user-activity"), u.user, QStringLiteral("views"), u.views);
        t.row(QStringLiteral("user-activity"), u.user, QStringLiteral("exports"), u.exports);
        t.row(QStringLiteral("user-activity"), u.user, QStringLiteral("purposes"), u.purposes.size(),
              u.purposes.join(QStringLiteral("; ")));
        t.row(QStringLiteral("user-activity"), u.user, QStringLiteral("cases"), u.cases.size(),
              u.cases.join(QStringLiteral("; ")));
    }
    for (const auto& f : r.meaningless)
        t.row(QStringLiteral("meaningless"), f.user, f.action, f.seq,
              QStringLiteral("%1 | purpose \"%2\" | case \"%3\" | %4")
                  .arg(iso(f.timeUtc), f.purpose, f.caseNumber, f.why));
    for (const auto& a : r.trainingExpired)
        t.row(QStringLiteral("training-expired"), a.user, QStringLiteral("actions-after-expiry"), a.actionsAfterExpiry,
              QStringLiteral("%1, training until %2")
                  .arg(a.role, a.trainingUntil.isValid() ? a.trainingUntil.toString(Qt::ISODate)
                                                         : QStringLiteral("none recorded")));
    for (const auto& a : r.unusedAccounts)
        t.row(QStringLiteral("unused-accounts"), a.user, QStringLiteral("last-login"), iso(a.lastLoginUtc),
              QStringLiteral("%1, unused %2 days or more").arg(a.role).arg(r.unusedDays));
    t.row(QStringLiteral("logins"), {}, QStringLiteral("failed"), r.failedLogins);
    for (auto it = r.failedLoginsByUser.cbegin(); it != r.failedLoginsByUser.cend(); ++it)
        t.row(QStringLiteral("logins"), it.key(), QStringLiteral("failed"), it.value());
    t.row(QStringLiteral("logins"), {}, QStringLiteral("lockouts"), r.lockouts);
    t.row(QStringLiteral("sharing"), {}, QStringLiteral("evidence-exports"), r.exports);
    t.row(QStringLiteral("sharing"), {}, QStringLiteral("releases"), r.releases);
    for (auto it = r.releasesByAgency.cbegin(); it != r.releasesByAgency.cend(); ++it)
        t.row(QStringLiteral("sharing"), it.key(), QStringLiteral("releases"), it.value());
    t.row(QStringLiteral("requests"), {}, QStringLiteral("received"), r.requestsReceived);
    t.row(QStringLiteral("requests"), {}, QStringLiteral("closed"), r.requestsClosed);
    t.row(QStringLiteral("requests"), {}, QStringLiteral("open"), r.requestsOpen);
    t.row(QStringLiteral("requests"), {}, QStringLiteral("overdue"), r.requestsOverdue);
    t.row(QStringLiteral("retention"), {}, QStringLiteral("holds-placed"), r.holdsPlaced);
    t.row(QStringLiteral("retention"), {}, QStringLiteral("holds-released"), r.holdsReleased);
    t.row(QStringLiteral("retention"), {}, QStringLiteral("purge-runs"), r.purgeRuns);
    t.row(QStringLiteral("retention"), {}, QStringLiteral("reads-purged"), r.readsPurged);
    t.row(QStringLiteral("retention"), {}, QStringLiteral("reads-over-retention"), r.readsOverRetention,
          r.oldestOverRetention.isValid() ? QStringLiteral("oldest %1").arg(r.oldestOverRetention.toString(Qt::ISODate))
                                          : QString());
    t.row(QStringLiteral("hotlists"), {}, QStringLiteral("imports"), r.hotlistImports);
    t.row(QStringLiteral("hotlists"), {}, QStringLiteral("entries-added"), r.hotlistEntriesAdded);
    t.row(QStringLiteral("hotlists"), {}, QStringLiteral("entries-removed"), r.hotlistEntriesRemoved);
    t.row(QStringLiteral("alerts"), {}, QStringLiteral("viewed"), r.alertsViewed);
    t.row(QStringLiteral("alerts"), {}, QStringLiteral("visual-checks"), r.alertsVisual);
    t.row(QStringLiteral("alerts"), {}, QStringLiteral("confirmed"), r.alertsConfirmed);
    t.row(QStringLiteral("alerts"), {}, QStringLiteral("rejected"), r.alertsRejected);
    t.row(QStringLiteral("alerts"), {}, QStringLiteral("closed"), r.alertsClosed);
    t.row(QStringLiteral("alerts"), {}, QStringLiteral("median-minutes-to-confirm"),
          QString::number(r.medianConfirmationMinutes(), 'f', 1));
    for (const auto& u : r.silentUnits)
        t.row(QStringLiteral("units"), u.unitId, QStringLiteral("last-transfer"), iso(u.lastTransferUtc),
              QStringLiteral("%1; no transfer for %2 days or more").arg(u.name).arg(r.unitSilentDays));
    t.row(QStringLiteral("units"), {}, QStringLiteral("undock-requests"), r.undockRequests);
    t.row(QStringLiteral("units"), {}, QStringLiteral("undock-approvals"), r.undockApprovals);
    t.row(QStringLiteral("units"), {}, QStringLiteral("undock-denials"), r.undockDenials);
    t.row(QStringLiteral("units"), {}, QStringLiteral("undock-returns"), r.undockReturns);
    t.row(QStringLiteral("chain"), {}, QStringLiteral("verified"),
          r.chain.intact ? QStringLiteral("intact") : QStringLiteral("BROKEN"),
          r.chain.intact ? QStringLiteral("%1 records").arg(r.chain.recordsChecked) : r.chain.reason);
    t.row(QStringLiteral("chain"), {}, QStringLiteral("anchor"), r.anchor.toString());
    return t.bytes();
}

} // namespace alpr
