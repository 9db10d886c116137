#include "engine/PlateFormatBook.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <functional>

namespace alpr::engine {

Result<PlateFormatBook> PlateFormatBook::fromJson(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        return fail(ErrorCode::InvalidInput, QStringLiteral("The plate format list is not valid JSON"),
                    parseError.errorString());
    PlateFormatBook book;
    for (const QJsonValue& entry : doc.object().value(QStringLiteral("formats")).toArray()) {
        const QString pattern = entry.toObject().value(QStringLiteral("pattern")).toString();
        if (pattern.isEmpty() || pattern.contains(QRegularExpression(QStringLiteral("[^LD]"))))
            return fail(ErrorCode::InvalidInput, QStringLiteral("The plate format list has a bad pattern"), pattern);
        QStringList states;
        for (const QJsonValue& state : entry.toObject().value(QStringLiteral("states")).toArray())
            states.append(state.toString());
        book.m_states.insert(pattern, states);
    }
    for (const QJsonValue& pair : doc.object().value(QStringLiteral("lookalikes")).toArray()) {
        const QJsonArray chars = pair.toArray();
        if (chars.size() != 2 || chars[0].toString().size() != 1 || chars[1].toString().size() != 1)
            return fail(ErrorCode::InvalidInput, QStringLiteral("The plate format list has a bad look-alike pair"));
        const QChar a = chars[0].toString().at(0);
        const QChar b = chars[1].toString().at(0);
        book.m_lookalikes[a].append(b);
        book.m_lookalikes[b].append(a);
    }
    if (book.m_states.isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("The plate format list is empty"));
    return book;
}

QString PlateFormatBook::layoutOf(const QString& text)
{
    QString layout;
    layout.reserve(text.size());
    for (const QChar c : text)
        layout.append(c.isDigit() ? QLatin1Char('D') : QLatin1Char('L'));
    return layout;
}

bool PlateFormatBook::matches(const QString& text) const
{
    return m_states.contains(layoutOf(text));
}

QStringList PlateFormatBook::statesFor(const QString& text) const
{
    return m_states.value(layoutOf(text));
}

QStringList PlateFormatBook::lookalikeAlternatives(const QString& text, int maxSubstitutions) const
{
    QSet<QString> found;
    QString work = text;
    // Depth-first over positions; each level substitutes one more character at a later position.
    std::function<void(qsizetype, int)> visit = [&](qsizetype from, int budget) {
        if (work != text && matches(work))
            found.insert(work);
        if (budget == 0)
            return;
        for (qsizetype i = from; i < work.size(); ++i) {
            const QChar original = work.at(i);
            for (const QChar swap : m_lookalikes.value(original)) {
                work[i] = swap;
                visit(i + 1, budget - 1);
            }
            work[i] = original;
        }
    };
    visit(0, maxSubstitutions);
    QStringList out(found.begin(), found.end());
    out.sort();
    return out;
}

} // namespace alpr::engine
