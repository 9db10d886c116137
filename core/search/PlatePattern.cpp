#include "search/PlatePattern.h"

#include "search/LookAlikeTable.h"

#include <bit>

namespace alpr {

namespace {

Result<PlatePattern> refuse(const QString& why)
{
    return fail(ErrorCode::InvalidInput, QStringLiteral("Invalid plate pattern: %1").arg(why));
}

// How a refused character is named in the message: printable ASCII as itself, anything else as its code, so the
// message itself never carries control characters back to a terminal or log.
QString describe(QChar c)
{
    if (c.unicode() >= 0x21 && c.unicode() < 0x7f)
        return QStringLiteral("'%1'").arg(c);
    return QStringLiteral("U+%1").arg(c.unicode(), 4, 16, QLatin1Char('0')).toUpper();
}

} // namespace

Result<PlatePattern> PlatePattern::parse(const QString& text)
{
    if (text.size() > kMaxInputLength)
        return refuse(QStringLiteral("longer than %1 characters").arg(kMaxInputLength));
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return refuse(QStringLiteral("control character %1").arg(describe(c)));
        if (c.unicode() > 0x7e)
            return refuse(QStringLiteral("character %1 is not a plate character (A-Z, 0-9)").arg(describe(c)));
    }
    PlatePattern pattern;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i].toUpper();
        if (c == u' ' || c == u'-')
            continue;
        if (c == u'?') {
            pattern.m_tokens.append({PatternToken::Kind::Any, 0});
        } else if (c == u'*') {
            if (pattern.m_tokens.isEmpty() || pattern.m_tokens.last().kind != PatternToken::Kind::Star)
                pattern.m_tokens.append({PatternToken::Kind::Star, 0});
        } else if (c == u'[') {
            const qsizetype close = text.indexOf(QLatin1Char(']'), i + 1);
            if (close < 0)
                return refuse(QStringLiteral("'[' without a closing ']'"));
            std::uint64_t mask = 0;
            for (qsizetype k = i + 1; k < close; ++k) {
                const QChar m = text[k].toUpper();
                if (m == u' ' || m == u'-')
                    continue;
                const int s = LookAlikeTable::symbolOf(m);
                if (s < 0)
                    return refuse(
                        QStringLiteral("%1 inside [ ]; a set lists letters and digits, e.g. [8B]").arg(describe(m)));
                mask |= std::uint64_t(1) << s;
            }
            if (mask == 0)
                return refuse(QStringLiteral("an empty set [ ]"));
            pattern.m_tokens.append({PatternToken::Kind::Set, mask});
            i = close;
        } else if (c == u']') {
            return refuse(QStringLiteral("']' without an opening '['"));
        } else {
            const int s = LookAlikeTable::symbolOf(c);
            if (s < 0)
                return refuse(QStringLiteral("%1 is not allowed; use letters, digits, ? for one character, * for any "
                                             "run and [8B] for one of a set")
                                  .arg(describe(c)));
            pattern.m_tokens.append({PatternToken::Kind::Set, std::uint64_t(1) << s});
        }
    }
    if (pattern.singleTokenCount() == 0)
        return refuse(QStringLiteral("it names no character; give at least one letter, digit or ?"));
    if (pattern.singleTokenCount() > kMaxSingleTokens)
        return refuse(
            QStringLiteral("it describes more than %1 characters; plates have at most 10").arg(kMaxSingleTokens));
    return pattern;
}

PlatePattern PlatePattern::fromTokens(QList<PatternToken> tokens)
{
    PlatePattern p;
    p.m_tokens = std::move(tokens);
    return p;
}

QList<PlatePattern> PlatePattern::withOneEdit() const
{
    QList<PlatePattern> out{*this};
    const PatternToken any{PatternToken::Kind::Any, 0};
    for (qsizetype i = 0; i < m_tokens.size(); ++i) {
        if (!m_tokens[i].isSingle())
            continue;
        QList<PatternToken> substituted = m_tokens;
        substituted[i] = any;
        out.append(fromTokens(substituted));
        QList<PatternToken> missing = m_tokens;
        missing.removeAt(i);
        out.append(fromTokens(missing));
    }
    for (qsizetype i = 0; i <= m_tokens.size(); ++i) {
        const bool besideStar =
            (i > 0 && !m_tokens[i - 1].isSingle()) || (i < m_tokens.size() && !m_tokens[i].isSingle());
        if (besideStar)
            continue;
        QList<PatternToken> extra = m_tokens;
        extra.insert(i, any);
        out.append(fromTokens(extra));
    }
    return out;
}

QString PlatePattern::text() const
{
    QString out;
    for (const PatternToken& t : m_tokens) {
        if (t.kind == PatternToken::Kind::Any) {
            out += QLatin1Char('?');
        } else if (t.kind == PatternToken::Kind::Star) {
            out += QLatin1Char('*');
        } else if (std::popcount(t.mask) == 1) {
            out += LookAlikeTable::charOf(std::countr_zero(t.mask));
        } else {
            out += QLatin1Char('[');
            for (int s = 0; s < LookAlikeTable::kSymbolCount; ++s)
                if (t.mask & (std::uint64_t(1) << s))
                    out += LookAlikeTable::charOf(s);
            out += QLatin1Char(']');
        }
    }
    return out;
}

bool PlatePattern::isLiteral() const
{
    for (const PatternToken& t : m_tokens)
        if (t.kind != PatternToken::Kind::Set || std::popcount(t.mask) != 1)
            return false;
    return true;
}

int PlatePattern::singleTokenCount() const
{
    int n = 0;
    for (const PatternToken& t : m_tokens)
        n += t.isSingle() ? 1 : 0;
    return n;
}

bool PlatePattern::hasStar() const
{
    for (const PatternToken& t : m_tokens)
        if (t.kind == PatternToken::Kind::Star)
            return true;
    return false;
}

} // namespace alpr
