#include "hotlists/HotlistEntry.h"

#include <QHash>

namespace alpr {

namespace {
// Categories and the priority an entry of each gets when its source does not say.
const QHash<QString, int>& categoryPriorities()
{
    static const QHash<QString, int> table{
        {HotlistCategory::AmberAlert, HotlistPriority::High},
        {HotlistCategory::WantedPerson, HotlistPriority::High},
        {HotlistCategory::MissingPerson, HotlistPriority::High},
        {HotlistCategory::FelonyVehicle, HotlistPriority::High},
        {HotlistCategory::StolenVehicle, HotlistPriority::Medium},
        {HotlistCategory::StolenPlate, HotlistPriority::Medium},
        {HotlistCategory::Bolo, HotlistPriority::Medium},
        {HotlistCategory::Other, HotlistPriority::Low},
    };
    return table;
}
} // namespace

int HotlistPriority::forCategory(const QString& category)
{
    return categoryPriorities().value(category, Low);
}

QString HotlistPriority::name(int priority)
{
    switch (priority) {
    case High:
        return QStringLiteral("high");
    case Medium:
        return QStringLiteral("medium");
    default:
        return QStringLiteral("low");
    }
}

std::optional<int> HotlistPriority::fromText(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("1") || t == QLatin1String("high"))
        return High;
    if (t == QLatin1String("2") || t == QLatin1String("medium"))
        return Medium;
    if (t == QLatin1String("3") || t == QLatin1String("low"))
        return Low;
    return std::nullopt;
}

bool isKnownHotlistCategory(const QString& category)
{
    return categoryPriorities().contains(category);
}

} // namespace alpr
