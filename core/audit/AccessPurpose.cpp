#include "audit/AccessPurpose.h"

#include "store/Database.h"
#include "store/Statement.h"

#include <QRegularExpression>

namespace alpr {

namespace {
const QString kPurposesKey = QStringLiteral("access.purposes");
const QString kPatternKey = QStringLiteral("access.case_number_pattern");

QStringList defaultPurposes()
{
    return {QStringLiteral("Criminal investigation"), QStringLiteral("Crime scene canvass"),
            QStringLiteral("Stolen vehicle / plate recovery"), QStringLiteral("Missing person"),
            QStringLiteral("Wanted person / warrant"), QStringLiteral("Evidence for prosecution"),
            QStringLiteral("Administrative or civil action"), QStringLiteral("Records request processing")};
}
} // namespace

AccessPurposePolicy AccessPurposePolicy::load(store::Database& db)
{
    AccessPurposePolicy policy;
    policy.m_purposes = defaultPurposes();
    policy.m_caseNumberPattern = QString::fromLatin1(kDefaultCaseNumberPattern);
    auto statement = db.prepare(QStringLiteral("SELECT key, value FROM settings WHERE key IN (?1, ?2)"));
    statement.bind(1, kPurposesKey).bind(2, kPatternKey);
    while (statement.step()) {
        if (statement.text(0) == kPurposesKey)
            policy.m_purposes = statement.text(1).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        else
            policy.m_caseNumberPattern = statement.text(1);
    }
    return policy;
}

VoidResult AccessPurposePolicy::save(store::Database& db, const QStringList& purposes, const QString& pattern)
{
    if (!QRegularExpression(pattern).isValid())
        return fail(ErrorCode::InvalidInput, QStringLiteral("The case number format is not a valid expression"));
    return guarded([&] {
        auto statement =
            db.prepareUpsert(QStringLiteral("settings"), {QStringLiteral("key")}, {QStringLiteral("value")});
        statement.bind(1, kPurposesKey).bind(2, purposes.join(QLatin1Char('\n'))).run();
        statement.bind(1, kPatternKey).bind(2, pattern).run();
    });
}

VoidResult AccessPurposePolicy::validate(const AccessPurpose& access) const
{
    const QString purpose = access.purpose.trimmed();
    const QString caseNumber = access.caseNumber.trimmed().toUpper();
    if (purpose.isEmpty() || caseNumber.isEmpty())
        return fail(ErrorCode::PurposeRequired,
                    QStringLiteral("State the purpose and the case or incident number: ALPR data is for official "
                                   "law-enforcement use only and every access is recorded"));
    static const QRegularExpression control(QStringLiteral("[\\x00-\\x1f\\x7f]"));
    if (purpose.size() > 200 || purpose.contains(control))
        return fail(ErrorCode::InvalidInput, QStringLiteral("The purpose must be one line of at most 200 characters"));
    const QRegularExpression format(m_caseNumberPattern);
    if (!format.match(caseNumber).hasMatch())
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("'%1' is not a case or incident number in this agency's format")
                        .arg(caseNumber.left(40)));
    return {};
}

} // namespace alpr
