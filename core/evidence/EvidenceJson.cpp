#include "evidence/EvidenceJson.h"

#include <QJsonDocument>
#include <QStringList>

namespace alpr::evidence {

namespace {
constexpr int kIdsListedInFull = 50;
}

QString compactJson(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString idSummary(const QList<qint64>& ids)
{
    if (ids.size() > kIdsListedInFull)
        return QStringLiteral("%1..%2 (%3 ids)").arg(ids.first()).arg(ids.last()).arg(ids.size());
    QStringList parts;
    for (qint64 id : ids)
        parts.append(QString::number(id));
    return parts.join(QLatin1Char(','));
}

} // namespace alpr::evidence
