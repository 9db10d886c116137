#include "store/SqliteErrors.h"

#include "common/Result.h"

#include <sqlite3.h>

namespace alpr::store {

void raiseSqliteError(int resultCode, const QString& detail)
{
    switch (resultCode & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        // Another process kept its write transaction open longer than the busy timeout.
        raise(ErrorCode::Database,
              QStringLiteral("The store is busy with another program's work (an import, a purge or another user); "
                             "nothing was changed, try again in a moment"),
              detail);
    case SQLITE_NOTADB:
        raise(ErrorCode::AuthenticationFailed, QStringLiteral("The store key does not open this store"), detail);
    case SQLITE_CORRUPT:
        raise(ErrorCode::Corrupt, QStringLiteral("The store file is damaged"), detail);
    case SQLITE_FULL:
        raise(ErrorCode::Io, QStringLiteral("The disk holding the store is full; nothing was changed"), detail);
    case SQLITE_IOERR:
        raise(ErrorCode::Io, QStringLiteral("The store could not be read or written (a disk error)"), detail);
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
        raise(ErrorCode::Io, QStringLiteral("The store cannot be opened for writing (check the folder's permissions)"),
              detail);
    default:
        raise(ErrorCode::Database, QStringLiteral("The store refused an operation"), detail);
    }
}

} // namespace alpr::store
