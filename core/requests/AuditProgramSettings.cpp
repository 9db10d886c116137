#include "requests/AuditProgramSettings.h"

#include "store/Database.h"
#include "store/Statement.h"

#include <QRegularExpression>

namespace alpr {

namespace {
const QString kPatternsKey = QStringLiteral("audit.meaningless_patterns");
const QString kScheduleKey = QStringLiteral("audit.schedule");
const QString kUnusedKey = QStringLiteral("audit.unused_days");
const QString kUnitKey = QStringLiteral("audit.unit_silent_days");
} // namespace

QString auditScheduleName(AuditSchedule schedule)
{
    switch (schedule) {
    case AuditSchedule::Weekly:
        return QStringLiteral("weekly");
    case AuditSchedule::Monthly:
        return QStringLiteral("monthly");
    case AuditSchedule::Quarterly:
        return QStringLiteral("quarterly");
    }
    return {};
}

std::optional<AuditSchedule> auditScheduleFromName(const QString& name)
{
    for (AuditSchedule s : {AuditSchedule::Weekly, AuditSchedule::Monthly, AuditSchedule::Quarterly})
        if (auditScheduleName(s) == name.trimmed().toLower())
            return s;
    return std::nullopt;
}

QStringList AuditProgramSettings::defaultMeaninglessPatterns()
{
    return {
        // Words people type to get past a required field.
        QStringLiteral("test(ing)?|tst|asdf\\w*|qwerty|n/?a|none|null|nothing|unknown|misc|abc|abc123|xyz|temp|"
                       "foo|bar|blah|lookup|check|just checking|curious"),
        // One character, or one character repeated: x, xxx, 1111, ...
        QStringLiteral("(.)\\1*"),
        // Counting digits and placeholder numbers.
        QStringLiteral("0*123(4(5(6(7(89?)?)?)?)?)?|0+|9+"),
        // Only punctuation.
        QStringLiteral("[^\\p{L}\\p{N}]+"),
    };
}

AuditProgramSettings AuditProgramSettings::load(store::Database& db)
{
    AuditProgramSettings settings;
    auto s = db.prepare(QStringLiteral("SELECT key, value FROM settings WHERE key IN (?1, ?2, ?3, ?4)"));
    s.bind(1, kPatternsKey).bind(2, kScheduleKey).bind(3, kUnusedKey).bind(4, kUnitKey);
    while (s.step()) {
        const QString key = s.text(0);
        const QString value = s.text(1);
        if (key == kPatternsKey)
            settings.meaninglessPatterns = value.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        else if (key == kScheduleKey)
            settings.schedule = auditScheduleFromName(value).value_or(AuditSchedule::Monthly);
        else if (key == kUnusedKey && value.toInt() > 0)
            settings.unusedDays = value.toInt();
        else if (key == kUnitKey && value.toInt() > 0)
            settings.unitSilentDays = value.toInt();
    }
    return settings;
}

VoidResult AuditProgramSettings::save(store::Database& db, const AuditProgramSettings& settings)
{
    for (const QString& pattern : settings.meaninglessPatterns) {
        const QRegularExpression re(QStringLiteral("^(?:%1)$").arg(pattern));
        if (pattern.trimmed().isEmpty() || pattern.contains(QLatin1Char('\n')) || !re.isValid())
            return fail(ErrorCode::InvalidInput, QStringLiteral("'%1' is not a valid pattern").arg(pattern.left(80)));
        // A pattern that matches everything would flag every search and hide the real findings.
        if (re.match(QStringLiteral("Criminal investigation")).hasMatch())
            return fail(ErrorCode::InvalidInput,
                        QStringLiteral("'%1' matches an ordinary purpose (\"Criminal investigation\")").arg(pattern));
    }
    if (settings.unusedDays < 1 || settings.unusedDays > 3650 || settings.unitSilentDays < 1 ||
        settings.unitSilentDays > 3650)
        return fail(ErrorCode::InvalidInput, QStringLiteral("Day thresholds are 1 to 3650 days"));
    return guarded([&] {
        auto s = db.prepareUpsert(QStringLiteral("settings"), {QStringLiteral("key")}, {QStringLiteral("value")});
        s.bind(1, kPatternsKey).bind(2, settings.meaninglessPatterns.join(QLatin1Char('\n'))).run();
        s.bind(1, kScheduleKey).bind(2, auditScheduleName(settings.schedule)).run();
        s.bind(1, kUnusedKey).bind(2, QString::number(settings.unusedDays)).run();
        s.bind(1, kUnitKey).bind(2, QString::number(settings.unitSilentDays)).run();
    });
}

QString AuditProgramSettings::meaninglessMatch(const QString& text) const
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QStringLiteral("empty");
    if (m_compiledFrom != meaninglessPatterns || m_compiled.size() != meaninglessPatterns.size()) {
        m_compiled.clear();
        for (const QString& pattern : meaninglessPatterns)
            m_compiled.append(
                QRegularExpression(QStringLiteral("^(?:%1)$").arg(pattern), QRegularExpression::CaseInsensitiveOption));
        m_compiledFrom = meaninglessPatterns;
    }
    for (qsizetype i = 0; i < m_compiled.size(); ++i)
        if (m_compiled[i].isValid() && m_compiled[i].match(trimmed).hasMatch())
            return QStringLiteral("matches /%1/").arg(meaninglessPatterns[i].left(40));
    return {};
}

} // namespace alpr
