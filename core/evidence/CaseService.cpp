#include "evidence/CaseService.h"

#include "accounts/Session.h"
#include "audit/AuditLog.h"
#include "evidence/EvidenceJson.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QRegularExpression>

namespace alpr {

namespace {

constexpr int kMaxTitleLength = 200;

Case caseFromRow(const store::Statement& s)
{
    Case c;
    c.id = s.int64(0);
    c.number = s.text(1);
    c.title = s.text(2);
    c.leadDetective = s.text(3);
    c.status = caseStatusFromName(s.text(4)).value_or(CaseStatus::Open);
    c.createdUtc = QDateTime::fromString(s.text(5), Qt::ISODateWithMs).toUTC();
    c.createdBy = s.text(6);
    return c;
}

constexpr auto kCaseColumns = "id, number, title, lead_detective, status, created_utc, created_by";

QString normalizedNumber(const QString& number)
{
    return number.trimmed().toUpper();
}

// Throws NotFound; used inside guarded bodies.
Case loadCase(store::Database& db, const QString& number)
{
    auto s = db.prepare(QStringLiteral("SELECT %1 FROM cases WHERE number = ?1").arg(QLatin1String(kCaseColumns)));
    s.bind(1, normalizedNumber(number));
    if (!s.step())
        raise(ErrorCode::NotFound, QStringLiteral("There is no case %1").arg(normalizedNumber(number)));
    return caseFromRow(s);
}

bool hasControlCharacters(const QString& text)
{
    for (const QChar c : text)
        if (c.category() == QChar::Other_Control)
            return true;
    return false;
}

} // namespace

CaseService::CaseService(Session& session) : CaseService(session, session.database()) {}

CaseService::CaseService(Session& session, store::Database& db) : m_session(session), m_db(db) {}

Result<Case> CaseService::add(const NewCase& newCase)
{
    if (auto allowed = m_session.require(Permission::ManageCases, QStringLiteral("open cases")); !allowed)
        return std::unexpected(allowed.error());
    const QString number = normalizedNumber(newCase.number);
    const QString title = newCase.title.trimmed();
    const AccessPurposePolicy policy = AccessPurposePolicy::load(m_db);
    if (!QRegularExpression(policy.caseNumberPattern()).match(number).hasMatch())
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("'%1' is not in the agency's case number format").arg(number));
    if (title.isEmpty() || title.size() > kMaxTitleLength || hasControlCharacters(title) ||
        hasControlCharacters(newCase.leadDetective))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("A case needs a title of up to %1 printable characters").arg(kMaxTitleLength));
    return guardedResult([&]() -> Result<Case> {
        store::Transaction tx(m_db);
        auto exists = m_db.prepare(QStringLiteral("SELECT 1 FROM cases WHERE number = ?1"));
        exists.bind(1, number);
        if (exists.step())
            return fail(ErrorCode::InvalidInput, QStringLiteral("Case %1 already exists").arg(number));
        Case c;
        c.number = number;
        c.title = title;
        c.leadDetective = newCase.leadDetective.trimmed();
        c.createdUtc = m_session.clock().nowUtc();
        c.createdBy = m_session.account().name;
        m_db.prepare(QStringLiteral("INSERT INTO cases(number, title, lead_detective, status, created_utc, created_by) "
                                    "VALUES (?1, ?2, ?3, 'open', ?4, ?5)"))
            .bind(1, c.number)
            .bind(2, c.title)
            .bind(3, c.leadDetective)
            .bind(4, c.createdUtc.toString(Qt::ISODateWithMs))
            .bind(5, c.createdBy)
            .run();
        c.id = m_db.lastInsertRowId();
        AuditLog::append(tx, m_session.auditRecord(QStringLiteral("case.add"), QStringLiteral("case:") + number,
                                                   evidence::compactJson({{QStringLiteral("title"), c.title},
                                                                          {QStringLiteral("lead"), c.leadDetective}}),
                                                   AccessPurpose{{}, number}));
        tx.commit();
        return c;
    });
}

Result<QList<Case>> CaseService::list(bool includeClosed)
{
    return guarded([&] {
        auto s = m_db.prepare(
            QStringLiteral("SELECT %1 FROM cases WHERE ?1 OR status = 'open' ORDER BY created_utc DESC, id DESC")
                .arg(QLatin1String(kCaseColumns)));
        s.bind(1, includeClosed ? 1 : 0);
        QList<Case> out;
        while (s.step())
            out.append(caseFromRow(s));
        return out;
    });
}

Result<Case> CaseService::find(const QString& number)
{
    return guarded([&] { return loadCase(m_db, number); });
}

VoidResult CaseService::setStatus(const QString& number, CaseStatus status)
{
    if (auto allowed = m_session.require(Permission::ManageCases, QStringLiteral("change a case")); !allowed)
        return std::unexpected(allowed.error());
    return guarded([&] {
        store::Transaction tx(m_db);
        const Case c = loadCase(m_db, number);
        m_db.prepare(QStringLiteral("UPDATE cases SET status = ?1 WHERE id = ?2"))
            .bind(1, caseStatusName(status))
            .bind(2, c.id)
            .run();
        AuditLog::append(
            tx, m_session.auditRecord(QStringLiteral("case.status"), QStringLiteral("case:") + c.number,
                                      evidence::compactJson({{QStringLiteral("status"), caseStatusName(status)}}),
                                      AccessPurpose{{}, c.number}));
        tx.commit();
    });
}

Result<int> CaseService::attach(const QString& number, const QString& kind, const QList<qint64>& itemIds)
{
    if (auto allowed = m_session.require(Permission::ManageCases, QStringLiteral("attach items to a case")); !allowed)
        return std::unexpected(allowed.error());
    const QString itemKind = kind.trimmed().toLower();
    if (!QRegularExpression(QStringLiteral("^[a-z-]{1,32}$")).match(itemKind).hasMatch())
        return fail(ErrorCode::InvalidInput, QStringLiteral("'%1' is not an item kind (letters and '-')").arg(kind));
    if (itemIds.isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("Name at least one item to attach"));
    return guardedResult([&]() -> Result<int> {
        store::Transaction tx(m_db);
        const Case c = loadCase(m_db, number);
        if (itemKind == QLatin1String(kReadKind)) {
            auto read = m_db.prepare(QStringLiteral("SELECT 1 FROM reads WHERE id = ?1"));
            for (qint64 id : itemIds) {
                read.bind(1, id);
                const bool found = read.step();
                read.reset();
                if (!found)
                    return fail(ErrorCode::NotFound, QStringLiteral("There is no read %1").arg(id));
            }
        }
        auto insert = m_db.prepare(QStringLiteral("INSERT OR IGNORE INTO case_items(case_id, kind, item_id, added_by, "
                                                  "added_utc) VALUES (?1, ?2, ?3, ?4, ?5)"));
        const QString now = m_session.clock().nowUtc().toString(Qt::ISODateWithMs);
        int added = 0;
        for (qint64 id : itemIds) {
            insert.bind(1, c.id).bind(2, itemKind).bind(3, id).bind(4, m_session.account().name).bind(5, now).run();
            added += m_db.changes();
        }
        AuditLog::append(
            tx, m_session.auditRecord(QStringLiteral("case.attach"), QStringLiteral("case:") + c.number,
                                      evidence::compactJson({{QStringLiteral("kind"), itemKind},
                                                             {QStringLiteral("items"), evidence::idSummary(itemIds)}}),
                                      AccessPurpose{{}, c.number}, QStringLiteral("attached: %1").arg(added)));
        tx.commit();
        return added;
    });
}

Result<QList<CaseItem>> CaseService::items(const QString& number)
{
    return guarded([&] {
        const Case c = loadCase(m_db, number);
        auto s = m_db.prepare(QStringLiteral(
            "SELECT kind, item_id, added_by, added_utc FROM case_items WHERE case_id = ?1 ORDER BY kind, item_id"));
        s.bind(1, c.id);
        QList<CaseItem> out;
        while (s.step())
            out.append({s.text(0), s.int64(1), s.text(2), QDateTime::fromString(s.text(3), Qt::ISODateWithMs).toUTC()});
        return out;
    });
}

Result<QList<qint64>> CaseService::readIds(const QString& number)
{
    return guarded([&] {
        const Case c = loadCase(m_db, number);
        auto s = m_db.prepare(
            QStringLiteral("SELECT r.id FROM reads r WHERE r.id IN (SELECT v.read_id FROM case_item_reads v "
                           "WHERE v.case_id = ?1) ORDER BY r.time_utc, r.id"));
        s.bind(1, c.id);
        QList<qint64> out;
        while (s.step())
            out.append(s.int64(0));
        return out;
    });
}

} // namespace alpr
