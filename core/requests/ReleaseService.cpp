#include "requests/ReleaseService.h"

#include "requests/PlainText.h"

#include "accounts/Session.h"
#include "audit/AuditLog.h"
#include "evidence/EvidenceJson.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QMap>

namespace alpr {

namespace {

constexpr auto kReleaseColumns = "id, agency, officer, officer_contact, identity_verified, legal_basis, case_number, "
                                 "released_what, approved_by, package_name, manifest_sha256, released_utc, recorded_by";

AgencyRelease releaseFromRow(const store::Statement& s)
{
    AgencyRelease r;
    r.id = s.int64(0);
    r.agency = s.text(1);
    r.officer = s.text(2);
    r.officerContact = s.text(3);
    r.identityVerified = s.text(4);
    r.legalBasis = s.text(5);
    r.caseNumber = s.text(6);
    r.releasedWhat = s.text(7);
    r.approvedBy = s.text(8);
    r.packageName = s.text(9);
    r.manifestSha256 = s.text(10);
    r.releasedUtc = QDateTime::fromString(s.text(11), Qt::ISODateWithMs).toUTC();
    r.recordedBy = s.text(12);
    return r;
}

bool plainLine(const QString& text)
{
    return requests::isPlainText(text, ReleaseService::kMaxFieldLength, false);
}

} // namespace

ReleaseService::ReleaseService(Session& session) : ReleaseService(session, session.database()) {}

ReleaseService::ReleaseService(Session& session, store::Database& db) : m_session(session), m_db(db) {}

VoidResult ReleaseService::requireReader() const
{
    if (m_session.can(Permission::ViewAudit))
        return {};
    return m_session.require(Permission::RecordRelease, QStringLiteral("read the record of releases"));
}

Result<AgencyRelease> ReleaseService::add(const NewAgencyRelease& input)
{
    if (auto allowed = m_session.require(Permission::RecordRelease, QStringLiteral("record a release")); !allowed)
        return std::unexpected(allowed.error());
    NewAgencyRelease r = input;
    const std::pair<QString*, QString> required[] = {
        {&r.agency, QStringLiteral("the receiving agency")},
        {&r.officer, QStringLiteral("the requesting officer")},
        {&r.officerContact, QStringLiteral("the officer's contact")},
        {&r.identityVerified, QStringLiteral("how the officer's identity was verified")},
        {&r.legalBasis, QStringLiteral("the legal basis")},
        {&r.caseNumber, QStringLiteral("the case number")},
        {&r.releasedWhat, QStringLiteral("what was released")},
        {&r.approvedBy, QStringLiteral("who approved the release")}};
    for (const auto& [field, what] : required) {
        *field = field->trimmed();
        if (field->isEmpty())
            return fail(ErrorCode::InvalidInput, QStringLiteral("Give %1").arg(what));
        if (!plainLine(*field))
            return fail(ErrorCode::InvalidInput,
                        QStringLiteral("%1: one line of at most %2 characters").arg(what).arg(kMaxFieldLength));
    }
    r.packageName = r.packageName.trimmed();
    r.caseNumber = r.caseNumber.toUpper();
    auto policy = guarded([&] { return AccessPurposePolicy::load(m_db); });
    if (!policy)
        return std::unexpected(policy.error());
    const AccessPurpose purpose{QStringLiteral("Release to ") + r.agency.left(150), r.caseNumber};
    if (auto valid = policy->validate(purpose); !valid)
        return std::unexpected(valid.error());
    return guardedResult([&]() -> Result<AgencyRelease> {
        store::Transaction tx(m_db);
        QString manifest;
        if (!r.packageName.isEmpty()) {
            auto p = m_db.prepare(QStringLiteral("SELECT manifest_sha256 FROM evidence_exports WHERE package_name = ?1 "
                                                 "ORDER BY id DESC LIMIT 1"));
            p.bind(1, r.packageName);
            if (!p.step())
                return fail(ErrorCode::NotFound,
                            QStringLiteral("No evidence package %1 was exported from this store").arg(r.packageName));
            manifest = p.text(0);
        }
        const QDateTime now = m_session.clock().nowUtc();
        auto insert = m_db.prepare(QStringLiteral(
            "INSERT INTO agency_releases(agency, officer, officer_contact, identity_verified, legal_basis, "
            "case_number, released_what, approved_by, package_name, manifest_sha256, released_utc, recorded_by) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"));
        insert.bind(1, r.agency)
            .bind(2, r.officer)
            .bind(3, r.officerContact)
            .bind(4, r.identityVerified)
            .bind(5, r.legalBasis)
            .bind(6, r.caseNumber)
            .bind(7, r.releasedWhat)
            .bind(8, r.approvedBy)
            .bind(9, r.packageName)
            .bind(10, manifest)
            .bind(11, now.toString(Qt::ISODateWithMs))
            .bind(12, m_session.account().name)
            .run();
        const qint64 id = m_db.lastInsertRowId();
        AuditLog::append(tx,
                         m_session.auditRecord(QStringLiteral("release.add"), QStringLiteral("release:%1").arg(id),
                                               evidence::compactJson({{QStringLiteral("agency"), r.agency},
                                                                      {QStringLiteral("officer"), r.officer},
                                                                      {QStringLiteral("basis"), r.legalBasis},
                                                                      {QStringLiteral("approved_by"), r.approvedBy},
                                                                      {QStringLiteral("package"), r.packageName},
                                                                      {QStringLiteral("manifest_sha256"), manifest}}),
                                               purpose));
        tx.commit();
        auto s = m_db.prepare(
            QStringLiteral("SELECT %1 FROM agency_releases WHERE id = ?1").arg(QLatin1String(kReleaseColumns)));
        s.bind(1, id);
        s.step();
        return releaseFromRow(s);
    });
}

Result<QList<AgencyRelease>> ReleaseService::list(const QDateTime& fromUtc, const QDateTime& toUtc,
                                                  const QString& agency)
{
    if (auto allowed = requireReader(); !allowed)
        return std::unexpected(allowed.error());
    return guarded([&] {
        QString sql = QStringLiteral("SELECT %1 FROM agency_releases WHERE 1=1").arg(QLatin1String(kReleaseColumns));
        if (fromUtc.isValid())
            sql += QStringLiteral(" AND released_utc >= ?1");
        if (toUtc.isValid())
            sql += QStringLiteral(" AND released_utc <= ?2");
        if (!agency.trimmed().isEmpty())
            sql += QStringLiteral(" AND lower(agency) = lower(?3)");
        auto s = m_db.prepare(sql + QStringLiteral(" ORDER BY released_utc, id"));
        if (fromUtc.isValid())
            s.bind(1, fromUtc.toUTC().toString(Qt::ISODateWithMs));
        if (toUtc.isValid())
            s.bind(2, toUtc.toUTC().toString(Qt::ISODateWithMs));
        if (!agency.trimmed().isEmpty())
            s.bind(3, agency.trimmed());
        QList<AgencyRelease> out;
        while (s.step())
            out.append(releaseFromRow(s));
        return out;
    });
}

Result<SharingReport> ReleaseService::sharingReport(const QDateTime& fromUtc, const QDateTime& toUtc)
{
    auto releases = list(fromUtc, toUtc);
    if (!releases)
        return std::unexpected(releases.error());
    SharingReport report;
    report.fromUtc = fromUtc;
    report.toUtc = toUtc;
    // Agencies are grouped by name regardless of case, shown as first written.
    QMap<QString, SharingReport::AgencyLine> byAgency;
    for (const AgencyRelease& r : *releases) {
        auto& line = byAgency[r.agency.toLower()];
        if (line.agency.isEmpty())
            line.agency = r.agency;
        line.releases.append(r);
        ++report.total;
    }
    report.agencies = byAgency.values();
    auto recorded = guarded([&] {
        store::Transaction tx(m_db);
        AuditLog::append(
            tx, m_session.auditRecord(
                    QStringLiteral("release.report"), QStringLiteral("releases"),
                    evidence::compactJson(
                        {{QStringLiteral("from"), fromUtc.isValid() ? fromUtc.toString(Qt::ISODate) : QString()},
                         {QStringLiteral("to"), toUtc.isValid() ? toUtc.toString(Qt::ISODate) : QString()}}),
                    {}, QStringLiteral("releases: %1").arg(report.total)));
        tx.commit();
    });
    if (!recorded)
        return std::unexpected(recorded.error());
    return report;
}

} // namespace alpr
