#pragma once

#include "common/Result.h"

#include <QString>
#include <QStringList>

namespace alpr {

class JobContext;
class Session;

/// Moves an embedded (SQLCipher) store to a PostgreSQL server: every table's rows with their ids (reads, images,
/// search index, cases, holds, hot lists, alerts, fleet, requests, accounts, the audit log), into an empty database
/// whose schema this version creates, in one server transaction, so a failure leaves the database as it was.
///
/// The audit chain is verified on the embedded store first and, on the server, against the embedded store's chain
/// head afterwards (same records, same hashes): a copy that lost or changed a record is refused. The embedded store
/// is left as it was, with a store.copy record; the server's log continues with store.copied.
///
/// Accounts: each becomes a login role of its own (docs/server.md). The server needs a password verifier for each,
/// and the embedded store never held passwords (only key slots they unlock), so only the Commander who copies can
/// log in at once; every other account's role has no usable password and its key slot is left out of the new
/// folder until a Commander sets its password (AccountService::resetPassword). The store key stays the same.
class StoreCopier {
public:
    struct Report {
        qint64 tables = 0;
        qint64 rows = 0;
        qint64 reads = 0;
        qint64 images = 0;
        qint64 auditRecords = 0; ///< the chain copied and verified (before store.copied)
        QString auditHead;       ///< its head, COUNT:HASH
        QStringList accountsAwaitingPassword;
    };

    /// source: a Commander's session on an embedded store, with that Commander's password. targetDirectory: a new
    /// store folder for the server profile (must not hold a store). connection: libpq connection string or URI of an
    /// empty database, as its owner (the role that will own the tables). Reports progress a table at a time;
    /// cancelling rolls the copy back.
    [[nodiscard]] static Result<Report> copy(Session& source, const QString& password, const QString& targetDirectory,
                                             const QString& connection, JobContext& job);
};

} // namespace alpr
