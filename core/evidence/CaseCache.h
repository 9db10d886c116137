#pragma once

#include "audit/AccessPurpose.h"
#include "common/Result.h"

#include <QString>

namespace alpr {

class JobContext;
class Session;

/// A case taken along on a workstation that will be out of reach of the department server (court, a field office):
/// a new embedded SQLCipher store holding the case, the reads attached to it with their alternatives, images and
/// units, under the server's read ids, searchable and canvassable as any store, for the one user who made it (their
/// name, role, training and CLETS flag; their password opens it). What they do with it is audited in the cache's
/// own chain; giving it back appends those records to the server's audit log (each a case.cache.access record
/// naming the original) and removes the cache. Only reads attached as reads travel; other items of the case (a
/// canvass scene, a watch entry) stay on the server.
class CaseCache {
public:
    struct Made {
        QString cacheId;
        qint64 reads = 0;
        qint64 images = 0;
    };
    struct Returned {
        QString cacheId;
        qint64 records = 0; ///< cache audit records appended to the server's log (0 when it had been returned)
    };

    /// From a session on a server store: needs the Export Evidence permission (the reads leave the server) and a
    /// purpose; the purpose's case number, when given, must be the case's. into must not hold a store. Audited on
    /// the server (case.cache, in the transaction that reads what it copies) and in the cache (case.cache.made);
    /// on any failure nothing is recorded and the new folder is removed.
    [[nodiscard]] static Result<Made> make(Session& server, const QString& password, const QString& caseNumber,
                                           const AccessPurpose& purpose, const QString& into);

    /// Gives a cache back to the server it came from: the cache is opened with password (the one it was made
    /// with), its audit chain verified, its records since it was made appended to the server's log with a
    /// case.cache.returned record, then its folder is removed. A cache whose chain does not verify is refused and
    /// kept for the auditor; one made elsewhere or by another user is refused; one returned before (the folder
    /// survived a crash) is only removed.
    [[nodiscard]] static Result<Returned> giveBack(Session& server, const QString& password,
                                                   const QString& cacheDirectory);
};

} // namespace alpr
