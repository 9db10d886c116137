#include "requests/AuditSample.h"

namespace alpr {

QString sampleVerdictName(SampleVerdict verdict)
{
    switch (verdict) {
    case SampleVerdict::Unreviewed:
        return QString();
    case SampleVerdict::Justified:
        return QStringLiteral("justified");
    case SampleVerdict::NotJustified:
        return QStringLiteral("not-justified");
    }
    return {};
}

std::optional<SampleVerdict> sampleVerdictFromName(const QString& name)
{
    for (SampleVerdict v : {SampleVerdict::Unreviewed, SampleVerdict::Justified, SampleVerdict::NotJustified})
        if (sampleVerdictName(v) == name.trimmed().toLower())
            return v;
    return std::nullopt;
}

} // namespace alpr
