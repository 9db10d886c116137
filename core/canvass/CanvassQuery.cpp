#include "canvass/CanvassQuery.h"

namespace alpr {

VoidResult CanvassQuery::validate() const
{
    if (auto valid = area.validate(); !valid)
        return valid;
    if (!fromUtc.isValid() || !toUtc.isValid())
        return fail(ErrorCode::InvalidInput, QStringLiteral("Give the start and the end of the canvass time window"));
    if (fromUtc > toUtc)
        return fail(ErrorCode::InvalidInput, QStringLiteral("The canvass window ends before it starts"));
    if (fromUtc.secsTo(toUtc) > qint64(kMaximumWindowDays) * 24 * 3600)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("A canvass window may be at most %1 days; use a plate search for longer spans")
                        .arg(kMaximumWindowDays));
    return {};
}

QJsonObject CanvassQuery::toJson() const
{
    return {{QStringLiteral("area"), area.toJson()},
            {QStringLiteral("from"), fromUtc.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("to"), toUtc.toUTC().toString(Qt::ISODate)}};
}

} // namespace alpr
