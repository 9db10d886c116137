#include "cli/CliTime.h"

#include "common/ValueParser.h"

namespace alpr::cli {

Result<QDateTime> parseCliTime(const QString& text, bool endOfDay)
{
    if (text.isEmpty())
        return QDateTime(); // no bound
    // One parser for every command's dates: the fuzzed one (a bare date is a whole day, trailing text refused).
    return ValueParser::utcTime(text, endOfDay ? ValueParser::DayEdge::End : ValueParser::DayEdge::Start);
}

QString formatCliTime(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace alpr::cli
