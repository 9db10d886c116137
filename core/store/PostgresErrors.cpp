#include "store/PostgresErrors.h"

#include "common/Result.h"

namespace alpr::store {

void raisePostgresError(const QString& sqlState, const QString& detail)
{
    const QString errorClass = sqlState.left(2);
    // 55P03 lock_not_available (lock_timeout), 40001 serialization_failure, 40P01 deadlock_detected: another
    // client's transaction held what this one needed; nothing of this one was kept.
    if (sqlState == u"55P03" || errorClass == u"40")
        raise(ErrorCode::Database,
              QStringLiteral("The store is busy with another program's work (an import, a purge or another user); "
                             "nothing was changed, try again in a moment"),
              detail);
    if (errorClass == u"28")
        raise(ErrorCode::AuthenticationFailed, QStringLiteral("The database server refused the login"), detail);
    if (errorClass == u"08")
        raise(ErrorCode::Io, QStringLiteral("The connection to the database server was lost; nothing was changed"),
              detail);
    if (sqlState == u"53100")
        raise(ErrorCode::Io, QStringLiteral("The database server's disk is full; nothing was changed"), detail);
    if (sqlState == u"42501")
        raise(ErrorCode::PermissionDenied, QStringLiteral("The database server refused access to this data"), detail);
    if (errorClass == u"XX")
        raise(ErrorCode::Corrupt, QStringLiteral("The database server reports damaged data"), detail);
    if (sqlState == u"57014")
        raise(ErrorCode::Cancelled, QStringLiteral("Cancelled"), detail);
    raise(ErrorCode::Database, QStringLiteral("The store refused an operation"), detail);
}

} // namespace alpr::store
