#include "requests/AuditProgramService.h"

#include "requests/PlainText.h"

#include "accounts/Session.h"
#include "audit/AuditLog.h"
#include "evidence/EvidenceJson.h"
#include "requests/AuditProgramReportBuilder.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QJsonArray>
#include <QRandomGenerator>

#include <random>

namespace alpr {

namespace {

QString timeText(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QString periodJson(const QDateTime& fromUtc, const QDateTime& toUtc, QJsonObject extra = {})
{
    extra.insert(QStringLiteral("from"), fromUtc.toUTC().toString(Qt::ISODate));
    extra.insert(QStringLiteral("to"), toUtc.toUTC().toString(Qt::ISODate));
    return evidence::compactJson(extra);
}

bool plainText(const QString& text)
{
    return requests::isPlainText(text, AuditProgramService::kMaxNoteLength, true);
}

// The searches a sample is drawn from: every plate search and canvass run, whatever its outcome.
constexpr auto kSearchCandidatesSql =
    "SELECT seq FROM audit WHERE time_utc >= ?1 AND time_utc <= ?2 AND "
    "(substr(action, 1, 7) = 'search.' AND action <> 'search.export' OR action = 'canvass.run') ORDER BY seq";

AuditSample loadSample(store::Database& db, qint64 id)
{
    auto s = db.prepare(QStringLiteral("SELECT id, from_utc, to_utc, seed, requested, created_by, created_utc "
                                       "FROM audit_samples WHERE id = ?1"));
    s.bind(1, id);
    if (!s.step())
        raise(ErrorCode::NotFound, QStringLiteral("There is no audit sample %1").arg(id));
    AuditSample sample;
    sample.id = s.int64(0);
    sample.fromUtc = AuditProgramReportBuilder::storedTime(s.text(1));
    sample.toUtc = AuditProgramReportBuilder::storedTime(s.text(2));
    sample.seed = quint64(s.int64(3));
    sample.requested = int(s.int64(4));
    sample.createdBy = s.text(5);
    sample.createdUtc = AuditProgramReportBuilder::storedTime(s.text(6));
    auto items = db.prepare(QStringLiteral(
        "SELECT i.audit_seq, i.verdict, i.note, i.reviewed_by, i.reviewed_utc, a.time_utc, a.user, a.workstation, "
        "a.action, a.object, a.parameters, a.purpose, a.case_number, a.outcome, a.hash FROM audit_sample_items i "
        "JOIN audit a ON a.seq = i.audit_seq WHERE i.sample_id = ?1 ORDER BY i.audit_seq"));
    items.bind(1, id);
    while (items.step()) {
        AuditSampleItem item;
        item.record.seq = items.int64(0);
        item.verdict = sampleVerdictFromName(items.text(1)).value_or(SampleVerdict::Unreviewed);
        item.note = items.text(2);
        item.reviewedBy = items.text(3);
        item.reviewedUtc = AuditProgramReportBuilder::storedTime(items.text(4));
        item.record.timeUtc = AuditProgramReportBuilder::storedTime(items.text(5));
        item.record.user = items.text(6);
        item.record.workstation = items.text(7);
        item.record.action = items.text(8);
        item.record.object = items.text(9);
        item.record.parameters = items.text(10);
        item.record.purpose = items.text(11);
        item.record.caseNumber = items.text(12);
        item.record.outcome = items.text(13);
        item.record.hash = items.text(14);
        sample.items.append(item);
    }
    return sample;
}

} // namespace

AuditProgramService::AuditProgramService(Session& session) : AuditProgramService(session, session.database()) {}

AuditProgramService::AuditProgramService(Session& session, store::Database& db) : m_session(session), m_db(db) {}

VoidResult AuditProgramService::checkPeriod(const QDateTime& fromUtc, const QDateTime& toUtc) const
{
    if (!fromUtc.isValid() || !toUtc.isValid())
        return fail(ErrorCode::InvalidInput, QStringLiteral("Give the period's first and last day"));
    if (toUtc < fromUtc)
        return fail(ErrorCode::InvalidInput, QStringLiteral("The period ends before it starts"));
    return {};
}

Result<AuditProgramReport> AuditProgramService::report(const QDateTime& fromUtc, const QDateTime& toUtc)
{
    if (auto allowed = m_session.require(Permission::ViewAudit, QStringLiteral("make an audit report")); !allowed)
        return std::unexpected(allowed.error());
    if (auto valid = checkPeriod(fromUtc, toUtc); !valid)
        return std::unexpected(valid.error());
    return guarded([&] {
        const QDateTime now = m_session.clock().nowUtc();
        AuditProgramReport report =
            AuditProgramReportBuilder(m_db, AuditProgramSettings::load(m_db)).build(fromUtc, toUtc, now);
        report.generatedBy = m_session.account().name;
        report.workstation = m_session.workstation();
        store::Transaction tx(m_db);
        AuditLog::append(tx, m_session.auditRecord(
                                 QStringLiteral("audit.report"), QStringLiteral("audit"),
                                 periodJson(fromUtc, toUtc, {{QStringLiteral("anchor"), report.anchor.toString()}}), {},
                                 QStringLiteral("records: %1, flagged: %2, chain %3")
                                     .arg(report.totalRecords)
                                     .arg(report.meaningless.size())
                                     .arg(report.chain.intact ? QStringLiteral("intact") : QStringLiteral("BROKEN"))));
        tx.commit();
        return report;
    });
}

QList<qint64> AuditProgramService::choose(const QList<qint64>& candidates, int count, quint64 seed)
{
    // A partial Fisher-Yates shuffle with std::mt19937_64 and explicit arithmetic (no std::uniform_int_distribution,
    // whose algorithm differs between standard libraries): the same seed draws the same records everywhere.
    QList<qint64> pool = candidates;
    std::mt19937_64 generator(seed);
    const int n = int(std::min<qsizetype>(count, pool.size()));
    for (int i = 0; i < n; ++i) {
        const quint64 span = quint64(pool.size() - i);
        const int j = i + int(generator() % span);
        std::swap(pool[i], pool[j]);
    }
    QList<qint64> chosen = pool.mid(0, n);
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

Result<AuditSample> AuditProgramService::drawSample(const QDateTime& fromUtc, const QDateTime& toUtc, int count,
                                                    std::optional<quint64> seed)
{
    if (auto allowed = m_session.require(Permission::VerifyAudit, QStringLiteral("draw an audit sample")); !allowed)
        return std::unexpected(allowed.error());
    if (auto valid = checkPeriod(fromUtc, toUtc); !valid)
        return std::unexpected(valid.error());
    if (count < 1 || count > kMaxSampleSize)
        return fail(ErrorCode::InvalidInput, QStringLiteral("A sample is 1 to %1 searches").arg(kMaxSampleSize));
    // SQLite integers are signed 64-bit: seeds are kept below 2^63 so they read back unchanged.
    const quint64 usedSeed = seed.value_or(QRandomGenerator::system()->generate64()) & 0x7fffffffffffffffULL;
    return guarded([&] {
        store::Transaction tx(m_db);
        QList<qint64> candidates;
        auto s = m_db.prepare(QLatin1String(kSearchCandidatesSql));
        s.bind(1, timeText(fromUtc)).bind(2, timeText(toUtc));
        while (s.step())
            candidates.append(s.int64(0));
        const QList<qint64> chosen = choose(candidates, count, usedSeed);
        const QDateTime now = m_session.clock().nowUtc();
        m_db.prepare(QStringLiteral("INSERT INTO audit_samples(from_utc, to_utc, seed, requested, created_by, "
                                    "created_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"))
            .bind(1, timeText(fromUtc))
            .bind(2, timeText(toUtc))
            .bind(3, qint64(usedSeed))
            .bind(4, count)
            .bind(5, m_session.account().name)
            .bind(6, timeText(now))
            .run();
        const qint64 id = m_db.lastInsertRowId();
        auto item =
            m_db.prepare(QStringLiteral("INSERT INTO audit_sample_items(sample_id, audit_seq) VALUES (?1, ?2)"));
        QJsonArray seqs;
        for (qint64 seq : chosen) {
            item.bind(1, id).bind(2, seq).run();
            seqs.append(seq);
        }
        AuditLog::append(
            tx, m_session.auditRecord(QStringLiteral("audit.sample"), QStringLiteral("sample:%1").arg(id),
                                      periodJson(fromUtc, toUtc,
                                                 {{QStringLiteral("seed"), QString::number(usedSeed)},
                                                  {QStringLiteral("requested"), count},
                                                  {QStringLiteral("candidates"), candidates.size()},
                                                  {QStringLiteral("records"), seqs}}),
                                      {}, QStringLiteral("drawn: %1 of %2").arg(chosen.size()).arg(candidates.size())));
        tx.commit();
        return loadSample(m_db, id);
    });
}

Result<AuditSample> AuditProgramService::sample(qint64 sampleId)
{
    if (auto allowed = m_session.require(Permission::VerifyAudit, QStringLiteral("review audit samples")); !allowed)
        return std::unexpected(allowed.error());
    return guarded([&] { return loadSample(m_db, sampleId); });
}

Result<QList<AuditSample>> AuditProgramService::samples()
{
    if (auto allowed = m_session.require(Permission::VerifyAudit, QStringLiteral("review audit samples")); !allowed)
        return std::unexpected(allowed.error());
    return guarded([&] {
        QList<qint64> ids;
        auto s = m_db.prepare(QStringLiteral("SELECT id FROM audit_samples ORDER BY id DESC"));
        while (s.step())
            ids.append(s.int64(0));
        QList<AuditSample> out;
        for (qint64 id : ids)
            out.append(loadSample(m_db, id));
        return out;
    });
}

VoidResult AuditProgramService::review(qint64 sampleId, qint64 auditSeq, SampleVerdict verdict, const QString& note)
{
    if (auto allowed = m_session.require(Permission::VerifyAudit, QStringLiteral("review audit samples")); !allowed)
        return std::unexpected(allowed.error());
    if (verdict == SampleVerdict::Unreviewed)
        return fail(ErrorCode::InvalidInput, QStringLiteral("Mark the search justified or not justified"));
    if (!plainText(note))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The note is plain text of at most %1 characters").arg(kMaxNoteLength));
    if (verdict == SampleVerdict::NotJustified && note.trimmed().isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("Say why the search was not justified"));
    return guardedResult([&]() -> VoidResult {
        store::Transaction tx(m_db);
        auto s = m_db.prepare(
            QStringLiteral("SELECT verdict FROM audit_sample_items WHERE sample_id = ?1 AND audit_seq = ?2"));
        s.bind(1, sampleId).bind(2, auditSeq);
        if (!s.step())
            return fail(ErrorCode::NotFound,
                        QStringLiteral("Audit record %1 is not in sample %2").arg(auditSeq).arg(sampleId));
        const QString previous = s.text(0);
        s.reset();
        m_db.prepare(QStringLiteral("UPDATE audit_sample_items SET verdict = ?1, note = ?2, reviewed_by = ?3, "
                                    "reviewed_utc = ?4 WHERE sample_id = ?5 AND audit_seq = ?6"))
            .bind(1, sampleVerdictName(verdict))
            .bind(2, note.trimmed())
            .bind(3, m_session.account().name)
            .bind(4, timeText(m_session.clock().nowUtc()))
            .bind(5, sampleId)
            .bind(6, auditSeq)
            .run();
        QJsonObject parameters{{QStringLiteral("record"), auditSeq},
                               {QStringLiteral("verdict"), sampleVerdictName(verdict)},
                               {QStringLiteral("note"), note.trimmed()}};
        if (!previous.isEmpty())
            parameters.insert(QStringLiteral("was"), previous);
        AuditLog::append(tx, m_session.auditRecord(QStringLiteral("audit.sample.review"),
                                                   QStringLiteral("sample:%1").arg(sampleId),
                                                   evidence::compactJson(parameters)));
        tx.commit();
        return {};
    });
}

Result<AuditSignoff> AuditProgramService::signOff(const QDateTime& fromUtc, const QDateTime& toUtc,
                                                  const QString& findings)
{
    if (auto allowed = m_session.require(Permission::VerifyAudit, QStringLiteral("sign off an audit")); !allowed)
        return std::unexpected(allowed.error());
    if (auto valid = checkPeriod(fromUtc, toUtc); !valid)
        return std::unexpected(valid.error());
    if (!plainText(findings))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The findings are plain text of at most %1 characters").arg(kMaxNoteLength));
    const QDateTime now = m_session.clock().nowUtc();
    if (toUtc > now)
        return fail(ErrorCode::InvalidInput, QStringLiteral("A period can be signed off only after it has ended"));
    return guarded([&] {
        store::Transaction tx(m_db);
        auto anchor = AuditLog::anchor(m_db);
        if (!anchor)
            throw ErrorException(anchor.error());
        m_db.prepare(QStringLiteral("INSERT INTO audit_signoffs(from_utc, to_utc, anchor_count, anchor_hash, findings, "
                                    "signed_by, signed_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"))
            .bind(1, timeText(fromUtc))
            .bind(2, timeText(toUtc))
            .bind(3, anchor->count)
            .bind(4, anchor->hash)
            .bind(5, findings.trimmed())
            .bind(6, m_session.account().name)
            .bind(7, timeText(now))
            .run();
        AuditSignoff signoff{m_db.lastInsertRowId(),
                             fromUtc.toUTC(),
                             toUtc.toUTC(),
                             anchor->count,
                             anchor->hash,
                             findings.trimmed(),
                             m_session.account().name,
                             now};
        AuditLog::append(
            tx, m_session.auditRecord(QStringLiteral("audit.signoff"), QStringLiteral("signoff:%1").arg(signoff.id),
                                      periodJson(fromUtc, toUtc,
                                                 {{QStringLiteral("anchor"), anchor->toString()},
                                                  {QStringLiteral("findings"), findings.trimmed().left(500)}})));
        tx.commit();
        return signoff;
    });
}

Result<QList<AuditSignoff>> AuditProgramService::signoffs()
{
    if (auto allowed = m_session.require(Permission::ViewAudit, QStringLiteral("read audit sign-offs")); !allowed)
        return std::unexpected(allowed.error());
    return guarded([&] {
        auto s = m_db.prepare(QStringLiteral("SELECT id, from_utc, to_utc, anchor_count, anchor_hash, findings, "
                                             "signed_by, signed_utc FROM audit_signoffs ORDER BY id DESC"));
        QList<AuditSignoff> out;
        while (s.step())
            out.append({s.int64(0), AuditProgramReportBuilder::storedTime(s.text(1)),
                        AuditProgramReportBuilder::storedTime(s.text(2)), s.int64(3), s.text(4), s.text(5), s.text(6),
                        AuditProgramReportBuilder::storedTime(s.text(7))});
        return out;
    });
}

Result<std::optional<AuditPeriod>> AuditProgramService::duePeriod()
{
    return guarded([&] {
        const AuditProgramSettings settings = AuditProgramSettings::load(m_db);
        auto s = m_db.prepare(QStringLiteral("SELECT max(to_utc) FROM audit_signoffs"));
        QDateTime lastSigned;
        if (s.step() && !s.isNull(0))
            lastSigned = AuditProgramReportBuilder::storedTime(s.text(0));
        return AuditCalendar::duePeriod(settings.schedule, m_session.clock().nowUtc(), lastSigned);
    });
}

Result<AuditProgramSettings> AuditProgramService::settings()
{
    return guarded([&] { return AuditProgramSettings::load(m_db); });
}

VoidResult AuditProgramService::saveSettings(const AuditProgramSettings& settings)
{
    if (auto allowed = m_session.require(Permission::VerifyAudit, QStringLiteral("configure the audit program"));
        !allowed)
        return std::unexpected(allowed.error());
    return guardedResult([&]() -> VoidResult {
        store::Transaction tx(m_db);
        if (auto saved = AuditProgramSettings::save(m_db, settings); !saved)
            return saved;
        AuditLog::append(
            tx, m_session.auditRecord(
                    QStringLiteral("audit.settings"), QStringLiteral("settings"),
                    evidence::compactJson(
                        {{QStringLiteral("schedule"), auditScheduleName(settings.schedule)},
                         {QStringLiteral("patterns"), QJsonArray::fromStringList(settings.meaninglessPatterns)},
                         {QStringLiteral("unused_days"), settings.unusedDays},
                         {QStringLiteral("unit_silent_days"), settings.unitSilentDays}})));
        tx.commit();
        return {};
    });
}

} // namespace alpr
