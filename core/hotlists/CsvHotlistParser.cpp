#include "hotlists/CsvHotlistParser.h"

#include "hotlists/HotlistText.h"
#include "reads/PlateText.h"

#include <QDateTime>
#include <QHash>

namespace alpr {

namespace {

// Header names (lower case, spaces and dashes as underscores) and the field each one fills.
const QHash<QString, QString>& columnAliases()
{
    static const QHash<QString, QString> table{
        {QStringLiteral("plate"), QStringLiteral("plate")},
        {QStringLiteral("plate_number"), QStringLiteral("plate")},
        {QStringLiteral("license"), QStringLiteral("plate")},
        {QStringLiteral("licence"), QStringLiteral("plate")},
        {QStringLiteral("lic"), QStringLiteral("plate")},
        {QStringLiteral("tag"), QStringLiteral("plate")},
        {QStringLiteral("state"), QStringLiteral("state")},
        {QStringLiteral("plate_state"), QStringLiteral("state")},
        {QStringLiteral("category"), QStringLiteral("category")},
        {QStringLiteral("type"), QStringLiteral("category")},
        {QStringLiteral("reason"), QStringLiteral("reason")},
        {QStringLiteral("priority"), QStringLiteral("priority")},
        {QStringLiteral("expiry"), QStringLiteral("expiry")},
        {QStringLiteral("expires"), QStringLiteral("expiry")},
        {QStringLiteral("expiration"), QStringLiteral("expiry")},
        {QStringLiteral("notes"), QStringLiteral("notes")},
        {QStringLiteral("note"), QStringLiteral("notes")},
    };
    return table;
}

std::optional<QDateTime> parseExpiry(const QString& text)
{
    // A date alone: the entry holds through that whole day.
    if (const QDate d = QDate::fromString(text, Qt::ISODate); d.isValid() && text.size() == 10)
        return QDateTime(d, QTime(23, 59, 59), Qt::UTC);
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        return std::nullopt;
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC);
    return t.toUTC();
}

} // namespace

std::optional<QStringList> CsvHotlistParser::splitFields(const QString& line)
{
    QStringList fields;
    QString current;
    bool quoted = false;
    bool wasQuoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < line.size() && line[i + 1] == u'"') {
                    current += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                current += c;
            }
        } else if (c == u'"' && current.trimmed().isEmpty() && !wasQuoted) {
            quoted = true;
            wasQuoted = true;
            current.clear();
        } else if (c == u',') {
            fields.append(wasQuoted ? current : current.trimmed());
            current.clear();
            wasQuoted = false;
        } else {
            current += c;
        }
    }
    if (quoted)
        return std::nullopt;
    fields.append(wasQuoted ? current : current.trimmed());
    return fields;
}

Result<HotlistParseResult> CsvHotlistParser::parse(const QByteArray& input, const QString& defaultCategory)
{
    QByteArray data = input;
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    const QList<QByteArray> lines = HotlistText::splitLines(data);
    int headerIndex = 0;
    while (headerIndex < lines.size() && lines[headerIndex].trimmed().isEmpty())
        ++headerIndex;
    if (headerIndex == lines.size())
        return fail(ErrorCode::InvalidInput, QStringLiteral("The CSV file is empty"));
    if (const auto reason = HotlistText::notTextReason(lines[headerIndex]))
        return fail(ErrorCode::InvalidInput, QStringLiteral("The CSV header is %1").arg(*reason));
    const auto header = splitFields(QString::fromUtf8(lines[headerIndex]));
    QHash<QString, int> columns;
    for (int i = 0; header && i < header->size(); ++i) {
        QString name = header->at(i).trimmed().toLower();
        name.replace(u' ', u'_').replace(u'-', u'_');
        const QString field = columnAliases().value(name);
        if (!field.isEmpty() && !columns.contains(field))
            columns.insert(field, i);
    }
    if (!columns.contains(QStringLiteral("plate")))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The CSV header names no plate column (expected e.g. \"plate,state,category\")"));

    HotlistParseResult result;
    const auto column = [&](const QStringList& fields, const char* name) {
        const int i = columns.value(QString::fromLatin1(name), -1);
        return i >= 0 ? fields.value(i).trimmed() : QString();
    };
    for (int i = headerIndex + 1; i < lines.size(); ++i) {
        const QByteArray& line = lines[i];
        const int number = i + 1;
        if (line.trimmed().isEmpty())
            continue;
        ++result.lines;
        if (const auto reason = HotlistText::notTextReason(line)) {
            result.errors.append({number, *reason});
            continue;
        }
        const auto fields = splitFields(QString::fromUtf8(line));
        if (!fields) {
            result.errors.append({number, QStringLiteral("a quoted field is not closed")});
            continue;
        }
        HotlistEntryInput e;
        e.line = number;
        e.plate = PlateText::normalize(column(*fields, "plate"));
        if (const auto problem = HotlistText::plateProblem(e.plate)) {
            result.errors.append({number, *problem});
            continue;
        }
        e.state = column(*fields, "state").toUpper();
        if (!e.state.isEmpty() && !HotlistText::isStateCode(e.state)) {
            result.errors.append({number, QStringLiteral("bad state \"%1\"").arg(e.state.left(10))});
            continue;
        }
        const QString category = column(*fields, "category").toLower();
        if (category.isEmpty())
            e.category = defaultCategory;
        else if (isKnownHotlistCategory(category))
            e.category = category;
        else {
            result.errors.append({number, QStringLiteral("unknown category \"%1\"").arg(category.left(30))});
            continue;
        }
        const QString priority = column(*fields, "priority");
        if (!priority.isEmpty()) {
            const auto p = HotlistPriority::fromText(priority);
            if (!p) {
                result.errors.append(
                    {number, QStringLiteral("bad priority \"%1\" (1-3 or high/medium/low)").arg(priority.left(10))});
                continue;
            }
            e.priority = *p;
        }
        const QString expiry = column(*fields, "expiry");
        if (!expiry.isEmpty()) {
            e.expiresUtc = parseExpiry(expiry);
            if (!e.expiresUtc) {
                result.errors.append({number, QStringLiteral("bad expiry \"%1\" (ISO 8601)").arg(expiry.left(30))});
                continue;
            }
        }
        e.reason = column(*fields, "reason").left(500);
        e.notes = column(*fields, "notes").left(2000);
        result.entries.append(e);
    }
    return result;
}

} // namespace alpr
