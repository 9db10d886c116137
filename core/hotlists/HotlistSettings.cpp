#include "hotlists/HotlistSettings.h"

#include "store/Database.h"
#include "store/Statement.h"

namespace alpr {

namespace {
const QString kStaleKey = QStringLiteral("hotlist.stale_hours");
const QString kRetroKey = QStringLiteral("hotlist.retro_days");
const QString kReasonsKey = QStringLiteral("alert.reject_reasons");
} // namespace

HotlistSettings HotlistSettings::load(store::Database& db)
{
    HotlistSettings settings;
    auto s = db.prepare(QStringLiteral("SELECT key, value FROM settings WHERE key IN (?1, ?2, ?3)"));
    s.bind(1, kStaleKey).bind(2, kRetroKey).bind(3, kReasonsKey);
    while (s.step()) {
        bool ok = false;
        if (s.text(0) == kStaleKey) {
            const int v = s.text(1).toInt(&ok);
            if (ok && v > 0)
                settings.staleHours = v;
        } else if (s.text(0) == kRetroKey) {
            const int v = s.text(1).toInt(&ok);
            if (ok && v >= 0)
                settings.retroDays = v;
        } else {
            for (const QString& r : s.text(1).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                if (!r.trimmed().isEmpty())
                    settings.rejectReasons.append(r.trimmed());
        }
    }
    if (settings.rejectReasons.isEmpty())
        settings.rejectReasons = {QStringLiteral("Misread plate (image does not match)")};
    return settings;
}

VoidResult HotlistSettings::validate(const HotlistSettings& settings)
{
    if (settings.staleHours < 1 || settings.staleHours > 8760)
        return fail(ErrorCode::InvalidInput, QStringLiteral("A list is stale after 1 to 8760 hours"));
    if (settings.retroDays < 0 || settings.retroDays > 400)
        return fail(ErrorCode::InvalidInput, QStringLiteral("Retro matching looks back 0 to 400 days"));
    if (settings.rejectReasons.isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("Give at least one reason for rejecting an alert"));
    for (const QString& r : settings.rejectReasons)
        for (const QChar c : r)
            if (c.unicode() < 0x20 || r.size() > 200)
                return fail(ErrorCode::InvalidInput,
                            QStringLiteral("A reject reason is one line of at most 200 characters"));
    return {};
}

void HotlistSettings::save(store::Database& db, const HotlistSettings& settings)
{
    auto s = db.prepareUpsert(QStringLiteral("settings"), {QStringLiteral("key")}, {QStringLiteral("value")});
    s.bind(1, kStaleKey).bind(2, QString::number(settings.staleHours)).run();
    s.reset();
    s.bind(1, kRetroKey).bind(2, QString::number(settings.retroDays)).run();
    s.reset();
    s.bind(1, kReasonsKey).bind(2, settings.rejectReasons.join(QLatin1Char('\n'))).run();
}

} // namespace alpr
