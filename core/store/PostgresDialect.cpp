#include "store/PostgresDialect.h"

#include "common/Result.h"

namespace alpr::store {

namespace {

bool isWordStart(QChar c)
{
    return c.isLetter() || c == u'_';
}
bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

// Column names of the schema that PostgreSQL reserves (core/store/migrations/postgresql/README.md).
bool isReservedColumn(const QString& lowerWord)
{
    return lowerWord == u"user";
}

class Translator {
public:
    explicit Translator(const QString& in) : m_in(in) {}

    PostgresDialect::Translation run()
    {
        while (m_pos < m_in.size()) {
            const QChar c = m_in[m_pos];
            if (c == u'\'' || c == u'"')
                copyQuoted(c);
            else if (c == u'-' && peek(1) == u'-')
                copyUntil(QStringLiteral("\n"));
            else if (c == u'/' && peek(1) == u'*')
                copyUntil(QStringLiteral("*/"));
            else if (c == u'$' && dollarTagLength() > 0)
                copyDollarQuoted();
            else if (c == u'?')
                placeholder();
            else if (c == u';')
                endStatement();
            else if (isWordStart(c))
                word();
            else {
                m_out += c;
                ++m_pos;
            }
        }
        endStatement();
        std::vector<bool> used(size_t(m_maxParameter), false);
        for (int number : m_used)
            used[size_t(number - 1)] = true;
        return {m_out, m_maxParameter, used};
    }

private:
    QChar peek(qsizetype ahead) const { return m_pos + ahead < m_in.size() ? m_in[m_pos + ahead] : QChar(); }

    void copyQuoted(QChar quote)
    {
        // '' and "" are the escaped quote inside: the scan just leaves and re-enters the literal.
        const qsizetype end = m_in.indexOf(quote, m_pos + 1);
        const qsizetype stop = end < 0 ? m_in.size() : end + 1;
        m_out += QStringView(m_in).mid(m_pos, stop - m_pos);
        m_pos = stop;
    }

    void copyUntil(const QString& terminator)
    {
        const qsizetype end = m_in.indexOf(terminator, m_pos + 2);
        const qsizetype stop = end < 0 ? m_in.size() : end + terminator.size();
        m_out += QStringView(m_in).mid(m_pos, stop - m_pos);
        m_pos = stop;
    }

    // $$ or $tag$ opens a dollar-quoted string (PL/pgSQL bodies); $1 is not one.
    qsizetype dollarTagLength() const
    {
        qsizetype i = m_pos + 1;
        while (i < m_in.size() && isWordChar(m_in[i]) && !(i == m_pos + 1 && m_in[i].isDigit()))
            ++i;
        return i < m_in.size() && m_in[i] == u'$' ? i - m_pos + 1 : 0;
    }

    void copyDollarQuoted()
    {
        const QString tag = m_in.mid(m_pos, dollarTagLength());
        const qsizetype end = m_in.indexOf(tag, m_pos + tag.size());
        const qsizetype stop = end < 0 ? m_in.size() : end + tag.size();
        m_out += QStringView(m_in).mid(m_pos, stop - m_pos);
        m_pos = stop;
    }

    void placeholder()
    {
        ++m_pos;
        qsizetype digits = 0;
        while (m_pos + digits < m_in.size() && m_in[m_pos + digits].isDigit())
            ++digits;
        // A bare ? takes the next number after the highest so far, as in SQLite.
        const int number = digits > 0 ? m_in.mid(m_pos, digits).toInt() : m_maxParameter + 1;
        m_pos += digits;
        m_maxParameter = std::max(m_maxParameter, number);
        m_used.push_back(number);
        m_out += QLatin1Char('$') + QString::number(number);
    }

    void endStatement()
    {
        if (m_ignoreConflicts) {
            qsizetype at = m_out.size();
            while (at > 0 && m_out[at - 1].isSpace())
                --at;
            m_out.insert(at, QStringLiteral(" ON CONFLICT DO NOTHING"));
            m_ignoreConflicts = false;
        }
        m_wordsInStatement = 0;
        if (m_pos < m_in.size()) {
            m_out += m_in[m_pos];
            ++m_pos;
        }
    }

    QString nextWordAfterSpace(qsizetype from, qsizetype* end) const
    {
        qsizetype i = from;
        while (i < m_in.size() && m_in[i].isSpace())
            ++i;
        const qsizetype start = i;
        while (i < m_in.size() && isWordChar(m_in[i]))
            ++i;
        *end = i;
        return m_in.mid(start, i - start).toLower();
    }

    void word()
    {
        qsizetype end = m_pos;
        while (end < m_in.size() && isWordChar(m_in[end]))
            ++end;
        const QString original = m_in.mid(m_pos, end - m_pos);
        const QString lower = original.toLower();
        const bool first = m_wordsInStatement++ == 0;
        m_pos = end;
        if (first && lower == u"pragma")
            raise(ErrorCode::Internal, QStringLiteral("A store operation has no PostgreSQL form"),
                  QStringLiteral("PRAGMA sent to PostgreSQL: ") + m_in.left(200));
        if (lower == u"insert") {
            qsizetype afterOr = 0;
            if (nextWordAfterSpace(m_pos, &afterOr) == u"or") {
                qsizetype afterConflict = 0;
                const QString conflict = nextWordAfterSpace(afterOr, &afterConflict);
                if (conflict != u"ignore")
                    raise(
                        ErrorCode::Internal, QStringLiteral("A store operation has no PostgreSQL form"),
                        QStringLiteral("INSERT OR %1 sent to PostgreSQL: %2").arg(conflict.toUpper(), m_in.left(200)));
                m_ignoreConflicts = true;
                m_pos = afterConflict;
            }
            m_out += original;
            return;
        }
        if (lower == u"temp" && m_pos < m_in.size() && m_in[m_pos] == u'.') {
            m_out += QStringLiteral("pg_temp");
            return;
        }
        if (lower == u"instr" && m_pos < m_in.size() && m_in[m_pos] == u'(') {
            m_out += QStringLiteral("strpos");
            return;
        }
        if (isReservedColumn(lower)) {
            m_out += QLatin1Char('"') + lower + QLatin1Char('"');
            return;
        }
        m_out += original;
    }

    const QString& m_in;
    qsizetype m_pos = 0;
    QString m_out;
    int m_maxParameter = 0;
    std::vector<int> m_used;
    int m_wordsInStatement = 0;
    bool m_ignoreConflicts = false;
};

} // namespace

PostgresDialect::Translation PostgresDialect::translate(const QString& sqliteSql)
{
    return Translator(sqliteSql).run();
}

} // namespace alpr::store
