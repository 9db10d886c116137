#include "search/PlateMatch.h"

namespace alpr {

int PlateMatch::lookAlikes() const
{
    int n = 0;
    for (const Difference& d : differences)
        n += d.kind == Difference::Kind::LookAlike ? 1 : 0;
    return n;
}

int PlateMatch::edits() const
{
    return int(differences.size()) - lookAlikes();
}

QString PlateMatch::explanation() const
{
    if (differences.isEmpty())
        return QStringLiteral("exact");
    QStringList parts;
    for (const Difference& d : differences) {
        switch (d.kind) {
        case Difference::Kind::LookAlike:
            parts << QStringLiteral("look-alike %1 for %2 at %3").arg(d.plateChar).arg(d.patternText).arg(d.position);
            break;
        case Difference::Kind::Substituted:
            parts << QStringLiteral("%1 instead of %2 at %3").arg(d.plateChar).arg(d.patternText).arg(d.position);
            break;
        case Difference::Kind::Extra:
            parts << QStringLiteral("extra %1 at %2").arg(d.plateChar).arg(d.position);
            break;
        case Difference::Kind::Missing:
            parts << QStringLiteral("missing %1 at %2").arg(d.patternText).arg(d.position);
            break;
        }
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace alpr
