#pragma once

#include <QJsonObject>
#include <QString>

namespace alpr::evidence {

/// Audit parameters are compact JSON; one spelling for every evidence, hold and retention record.
[[nodiscard]] QString compactJson(const QJsonObject& object);

/// Item ids as an audit parameter, shortened past a limit so one record stays readable ("first..last (N)").
[[nodiscard]] QString idSummary(const QList<qint64>& ids);

} // namespace alpr::evidence
