#include "store/PostgresConnection.h"

#include "common/Result.h"
#include "store/PostgresErrors.h"

#include <libpq-fe.h>

namespace alpr::store {

namespace {

// Notices (e.g. "table does not exist, skipping") are for a person at psql, not for the user of a workstation.
void ignoreNotice(void*, const char*) {}

} // namespace

void PostgresConnection::ResultDeleter::operator()(pg_result* r) const
{
    PQclear(r);
}

PostgresConnection::PostgresConnection(const QString& connection)
{
    m_conn = PQconnectdb(connection.toUtf8().constData());
    if (PQstatus(m_conn) != CONNECTION_OK) {
        const QString detail = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        PQfinish(m_conn);
        m_conn = nullptr;
        // The server's reason ("database ... does not exist", "password authentication failed ...") is what the
        // person at the keyboard can act on; it never repeats a password.
        const qsizetype fatal = detail.lastIndexOf(QLatin1String("FATAL:"));
        const QString reason =
            (fatal >= 0 ? detail.mid(fatal + 6) : detail.section(QLatin1Char('\n'), -1)).simplified();
        raise(ErrorCode::Io, QStringLiteral("Cannot connect to the database server: ") + reason.left(200), detail);
    }
    PQsetNoticeProcessor(m_conn, ignoreNotice, nullptr);
    execVerbatim(QStringLiteral("SET TIME ZONE 'UTC'; SET client_encoding = 'UTF8'"));
}

PostgresConnection::~PostgresConnection()
{
    if (m_conn)
        PQfinish(m_conn);
}

PostgresConnection::ResultPtr PostgresConnection::check(pg_result* raw, const QByteArray& sql)
{
    ResultPtr result(raw);
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        m_changes = QByteArray(PQcmdTuples(result.get())).toInt();
        return result;
    }
    const QString sqlState =
        result ? QString::fromLatin1(PQresultErrorField(result.get(), PG_DIAG_SQLSTATE)) : QString();
    const QString message = QString::fromUtf8(result ? PQresultErrorMessage(result.get()) : PQerrorMessage(m_conn));
    raisePostgresError(sqlState.isEmpty() && PQstatus(m_conn) == CONNECTION_BAD ? QStringLiteral("08006") : sqlState,
                       message.trimmed() + QStringLiteral(" [") + QString::fromUtf8(sql.left(300)) + QLatin1Char(']'));
}

void PostgresConnection::execVerbatim(const QString& sql)
{
    const QByteArray utf8 = sql.toUtf8();
    check(PQexec(m_conn, utf8.constData()), utf8);
}

PostgresConnection::ResultPtr PostgresConnection::execute(const QByteArray& sql, int count, const unsigned* types,
                                                          const char* const* values, const int* lengths,
                                                          const int* formats)
{
    // Each statement text is parsed once per connection and kept as a server-side prepared statement: the
    // services run the same few hundred statements over and over, and parsing them was most of a short query.
    QByteArray key = sql;
    key.append(reinterpret_cast<const char*>(types), qsizetype(sizeof(unsigned)) * count);
    auto found = m_prepared.constFind(key);
    if (found == m_prepared.cend()) {
        if (m_prepared.size() >= kMaxPrepared) {
            execVerbatim(QStringLiteral("DEALLOCATE ALL"));
            m_prepared.clear();
        }
        const QByteArray name = "alpr_" + QByteArray::number(++m_preparedCount);
        check(PQprepare(m_conn, name.constData(), sql.constData(), count, types), sql);
        found = m_prepared.insert(key, name);
    }
    return check(PQexecPrepared(m_conn, found->constData(), count, values, lengths, formats, 0), sql);
}

void PostgresConnection::copyIn(const QByteArray& copySql, const QByteArray& data)
{
    ResultPtr started(PQexec(m_conn, copySql.constData()));
    if (!started || PQresultStatus(started.get()) != PGRES_COPY_IN) {
        check(started.release(), copySql);
        raise(ErrorCode::Database, QStringLiteral("The server store refused an operation"),
              QStringLiteral("COPY did not start [%1]").arg(QString::fromUtf8(copySql)));
    }
    const bool sent = PQputCopyData(m_conn, data.constData(), int(data.size())) == 1;
    // Ending with an error message makes the server abandon the COPY; its result then says why.
    PQputCopyEnd(m_conn, sent ? nullptr : "the workstation could not send the rows");
    ResultPtr last;
    while (pg_result* r = PQgetResult(m_conn))
        last.reset(r);
    check(last.release(), copySql);
}

QByteArray PostgresConnection::passwordVerifier(const QString& role, const QString& password)
{
    char* encrypted =
        PQencryptPasswordConn(m_conn, password.toUtf8().constData(), role.toUtf8().constData(), "scram-sha-256");
    if (!encrypted)
        raise(ErrorCode::Database, QStringLiteral("The server store refused an operation"),
              QStringLiteral("cannot encrypt a password: ") + QString::fromUtf8(PQerrorMessage(m_conn)));
    QByteArray out(encrypted);
    PQfreemem(encrypted);
    return out;
}

void PostgresConnection::setLockTimeout(int milliseconds)
{
    execVerbatim(QStringLiteral("SET lock_timeout = %1").arg(milliseconds));
}

QString PostgresConnection::description() const
{
    return QStringLiteral("postgresql://%1@%2/%3")
        .arg(QString::fromUtf8(PQuser(m_conn)), QString::fromUtf8(PQhost(m_conn)), QString::fromUtf8(PQdb(m_conn)));
}

} // namespace alpr::store
