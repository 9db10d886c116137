#include "requests/AuditProgramReportBuilder.h"

#include "accounts/Role.h"
#include "evidence/HoldService.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace alpr {

namespace {

bool startsWith(const QString& action, const char* prefix)
{
    return action.startsWith(QLatin1String(prefix));
}

bool isExport(const QString& action)
{
    return action.endsWith(QLatin1String(".export"));
}

bool succeeded(const AuditRecord& r)
{
    return !r.outcome.startsWith(QLatin1String("failed")) && !r.outcome.startsWith(QLatin1String("cancelled")) &&
           !r.outcome.startsWith(QLatin1String("refused"));
}

/// Access to ALPR data: what must carry a purpose and a case number.
bool isDataAccess(const QString& action)
{
    return startsWith(action, "search.") || startsWith(action, "canvass.") || action.endsWith(QLatin1String(".view")) ||
           isExport(action);
}

QJsonObject parametersOf(const AuditRecord& r)
{
    return QJsonDocument::fromJson(r.parameters.toUtf8()).object();
}

void appendDistinct(QStringList& list, const QString& value)
{
    if (!value.isEmpty() && !list.contains(value))
        list.append(value);
}

} // namespace

QDateTime AuditProgramReportBuilder::storedTime(const QString& text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

double AuditProgramReport::medianConfirmationMinutes() const
{
    if (confirmationMinutes.isEmpty())
        return 0.0;
    QList<int> sorted = confirmationMinutes;
    std::sort(sorted.begin(), sorted.end());
    const qsizetype n = sorted.size();
    return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
}

AuditProgramReport::UserActivity AuditProgramReport::accessTotals() const
{
    UserActivity total;
    for (const UserActivity& u : users) {
        total.searches += u.searches;
        total.canvasses += u.canvasses;
        total.views += u.views;
        total.exports += u.exports;
    }
    return total;
}

AuditProgramReportBuilder::AuditProgramReportBuilder(store::Database& db, AuditProgramSettings settings)
    : m_db(db), m_settings(std::move(settings))
{
}

AuditProgramReport AuditProgramReportBuilder::build(const QDateTime& fromUtc, const QDateTime& toUtc,
                                                    const QDateTime& nowUtc)
{
    AuditProgramReport report;
    report.fromUtc = fromUtc.toUTC();
    report.toUtc = toUtc.toUTC();
    report.generatedUtc = nowUtc.toUTC();
    report.unusedDays = m_settings.unusedDays;
    report.unitSilentDays = m_settings.unitSilentDays;
    // The chain head is taken before reading the period, so every record the report counts lies under the anchor.
    auto anchor = AuditLog::anchor(m_db);
    if (!anchor)
        throw ErrorException(anchor.error());
    report.anchor = *anchor;
    auto verification = AuditLog::verify(m_db);
    if (!verification)
        throw ErrorException(verification.error());
    report.chain = *verification;
    auto records = AuditLog::list(m_db, AuditFilter{{}, {}, report.fromUtc, report.toUtc, 0});
    if (!records)
        throw ErrorException(records.error());
    QList<AuditRecord> covered;
    for (const AuditRecord& r : *records)
        if (r.seq <= report.anchor.count)
            covered.append(r);
    countRecords(report, covered);
    findAccounts(report, covered, nowUtc);
    countRequests(report);
    countRetention(report, nowUtc);
    findSilentUnits(report);
    return report;
}

void AuditProgramReportBuilder::countRecords(AuditProgramReport& report, const QList<AuditRecord>& records)
{
    QMap<QString, AuditProgramReport::UserActivity> users;
    for (const AuditRecord& r : records) {
        const QString& a = r.action;
        ++report.totalRecords;
        ++report.actionCounts[a];
        if (isDataAccess(a)) {
            auto& u = users[r.user];
            u.user = r.user;
            if (isExport(a)) {
                if (succeeded(r))
                    ++u.exports;
            } else if (startsWith(a, "search.")) {
                ++u.searches;
            } else if (startsWith(a, "canvass.")) {
                ++u.canvasses;
            } else {
                ++u.views;
            }
            appendDistinct(u.purposes, r.purpose.trimmed());
            appendDistinct(u.cases, r.caseNumber.trimmed());
            if (!r.purpose.isEmpty() || !r.caseNumber.isEmpty()) {
                // Which field looks meaningless; the report prints the purpose and case number beside it.
                QStringList why;
                if (!m_settings.meaninglessMatch(r.purpose).isEmpty())
                    why.append(QStringLiteral("purpose"));
                if (!m_settings.meaninglessMatch(r.caseNumber).isEmpty())
                    why.append(QStringLiteral("case number"));
                if (!why.isEmpty())
                    report.meaningless.append(
                        {r.seq, r.timeUtc, r.user, a, r.purpose, r.caseNumber, why.join(QStringLiteral(" and "))});
            }
        }
        if (startsWith(a, "login.")) {
            ++report.failedLogins;
            ++report.failedLoginsByUser[r.user.isEmpty() ? r.object : r.user];
        } else if (a == QLatin1String("account.lock")) {
            ++report.lockouts;
        } else if (a == QLatin1String("evidence.export") && succeeded(r)) {
            ++report.exports;
        } else if (a == QLatin1String("release.add")) {
            ++report.releases;
            ++report.releasesByAgency[parametersOf(r).value(QStringLiteral("agency")).toString()];
        } else if (a == QLatin1String("request.add")) {
            ++report.requestsReceived;
        } else if (a == QLatin1String("request.update")) {
            const QString status = parametersOf(r).value(QStringLiteral("status")).toString();
            if (status == QLatin1String("released-in-part") || status == QLatin1String("denied") ||
                status == QLatin1String("withdrawn"))
                ++report.requestsClosed;
        } else if (a == QLatin1String("hold.place")) {
            ++report.holdsPlaced;
        } else if (a == QLatin1String("hold.release")) {
            ++report.holdsReleased;
        } else if (a == QLatin1String("hotlist.import")) {
            ++report.hotlistImports;
        } else if (a == QLatin1String("hotlist.entry.add")) {
            ++report.hotlistEntriesAdded;
        } else if (a == QLatin1String("hotlist.entry.remove")) {
            ++report.hotlistEntriesRemoved;
        } else if (a == QLatin1String("alert.visual")) {
            ++report.alertsVisual;
        } else if (a == QLatin1String("alert.confirm")) {
            ++report.alertsConfirmed;
            const QJsonValue minutes = parametersOf(r).value(QStringLiteral("minutes_to_confirm"));
            if (minutes.isDouble())
                report.confirmationMinutes.append(minutes.toInt());
        } else if (a == QLatin1String("alert.reject")) {
            ++report.alertsRejected;
        } else if (a == QLatin1String("alert.close")) {
            ++report.alertsClosed;
        } else if (a == QLatin1String("undock.request")) {
            ++report.undockRequests;
        } else if (a == QLatin1String("undock.approve")) {
            ++report.undockApprovals;
        } else if (a == QLatin1String("undock.deny")) {
            ++report.undockDenials;
        } else if (a == QLatin1String("undock.return")) {
            ++report.undockReturns;
        }
        if (a == QLatin1String("alert.view"))
            ++report.alertsViewed;
    }
    report.users = users.values();
}

void AuditProgramReportBuilder::findAccounts(AuditProgramReport& report, const QList<AuditRecord>& records,
                                             const QDateTime& nowUtc)
{
    const QDateTime asOf = std::min(report.toUtc, nowUtc.toUTC());
    QMap<QString, QDateTime> lastLogin;
    {
        auto s = m_db.prepare(QStringLiteral(
            "SELECT user, max(time_utc) FROM audit WHERE action = 'login' AND time_utc <= ?1 GROUP BY user"));
        s.bind(1, asOf.toString(Qt::ISODateWithMs));
        while (s.step())
            lastLogin.insert(s.text(0), storedTime(s.text(1)));
    }
    auto s = m_db.prepare(QStringLiteral(
        "SELECT name, role, coalesce(training_until, ''), created_utc FROM accounts WHERE disabled = 0 ORDER BY name"));
    while (s.step()) {
        AuditProgramReport::AccountFinding f;
        f.user = s.text(0);
        f.role = roleFromName(s.text(1)).transform(roleDisplayName).value_or(s.text(1));
        f.trainingUntil = QDate::fromString(s.text(2), Qt::ISODate);
        f.lastLoginUtc = lastLogin.value(f.user);
        const QDateTime created = storedTime(s.text(3));
        if (!f.trainingUntil.isValid() || f.trainingUntil < asOf.date()) {
            for (const AuditRecord& r : records)
                if (r.user == f.user && (!f.trainingUntil.isValid() || r.timeUtc.date() > f.trainingUntil))
                    ++f.actionsAfterExpiry;
            report.trainingExpired.append(f);
        }
        const QDateTime lastUse = f.lastLoginUtc.isValid() ? f.lastLoginUtc : created;
        if (lastUse.isValid() && lastUse < asOf.addDays(-report.unusedDays))
            report.unusedAccounts.append(f);
    }
}

void AuditProgramReportBuilder::countRequests(AuditProgramReport& report)
{
    const QDate asOf = std::min(report.toUtc, report.generatedUtc).date();
    auto s = m_db.prepare(QStringLiteral("SELECT count(*), coalesce(sum(CASE WHEN due_date < ?2 THEN 1 ELSE 0 END), 0) "
                                         "FROM records_requests "
                                         "WHERE status IN ('received','under-review') AND received_date <= ?1"));
    s.bind(1, asOf.toString(Qt::ISODate)).bind(2, asOf.toString(Qt::ISODate));
    if (s.step()) {
        report.requestsOpen = int(s.int64(0));
        report.requestsOverdue = int(s.int64(1));
    }
}

void AuditProgramReportBuilder::countRetention(AuditProgramReport& report, const QDateTime& nowUtc)
{
    {
        auto s = m_db.prepare(QStringLiteral("SELECT count(*), coalesce(sum(reads_deleted), 0) FROM purge_runs "
                                             "WHERE started_utc >= ?1 AND started_utc <= ?2"));
        s.bind(1, report.fromUtc.toString(Qt::ISODateWithMs)).bind(2, report.toUtc.toString(Qt::ISODateWithMs));
        if (s.step()) {
            report.purgeRuns = int(s.int64(0));
            report.readsPurged = s.int64(1);
        }
    }
    // The longest a read may stay is the class's maximum where the agency's law caps retention, else its retention
    // period: past that, an unheld read should have been purged.
    QMap<QString, qint64> limitDays;
    {
        auto s = m_db.prepare(QStringLiteral("SELECT data_class, coalesce(max_days, days) FROM retention_policy"));
        while (s.step())
            limitDays.insert(s.text(0), s.int64(1));
    }
    const qint64 now = nowUtc.toSecsSinceEpoch();
    const qint64 readsCut = now - limitDays.value(QStringLiteral("reads"), 365) * 86400;
    const qint64 caseCut = now - limitDays.value(QStringLiteral("case-reads"), 365) * 86400;
    auto s = m_db.prepare(
        QStringLiteral("WITH held(read_id) AS (%1), linked(read_id) AS (SELECT read_id FROM case_item_reads UNION "
                       "SELECT read_id FROM hit_reads) "
                       "SELECT count(*), min(r.time_utc) FROM reads r WHERE r.time_utc < ?4 "
                       "AND r.id NOT IN (SELECT read_id FROM held) AND "
                       "((r.id IN (SELECT read_id FROM linked) AND r.time_utc < ?3) OR "
                       " (r.id NOT IN (SELECT read_id FROM linked) AND r.time_utc < ?2))")
            .arg(QLatin1String(HoldService::kHeldReadIdsSql)));
    s.bind(1, nowUtc.toUTC().date().toString(Qt::ISODate))
        .bind(2, readsCut)
        .bind(3, caseCut)
        .bind(4, std::max(readsCut, caseCut));
    if (s.step()) {
        report.readsOverRetention = s.int64(0);
        if (!s.isNull(1))
            report.oldestOverRetention = QDateTime::fromSecsSinceEpoch(s.int64(1), Qt::UTC).date();
    }
}

void AuditProgramReportBuilder::findSilentUnits(AuditProgramReport& report)
{
    const QDateTime asOf = std::min(report.toUtc, report.generatedUtc);
    const QDateTime cut = asOf.addDays(-report.unitSilentDays);
    auto s = m_db.prepare(QStringLiteral("SELECT id, name, last_transfer_utc FROM units "
                                         "WHERE kind = 'vehicle' AND created_utc <= ?2 AND "
                                         "(last_transfer_utc IS NULL OR last_transfer_utc < ?1) ORDER BY id"));
    s.bind(1, cut.toString(Qt::ISODateWithMs)).bind(2, cut.toString(Qt::ISODateWithMs));
    while (s.step())
        report.silentUnits.append({s.text(0), s.text(1), s.isNull(2) ? QDateTime() : storedTime(s.text(2))});
}

} // namespace alpr
