#include "evidence/StoreScrubber.h"

#include "store/Database.h"
#include "store/Statement.h"

namespace alpr {

Result<StoreScrubber::Outcome> StoreScrubber::scrub(store::Database& db)
{
    return guardedResult([&]() -> Result<Outcome> {
        if (db.isPostgres()) {
            // Deleted rows stay in PostgreSQL's table files until the space is reused; VACUUM FULL writes every
            // table anew and unlinks the old files (docs/security.md: what this does and does not reach). Only the
            // tables' owner may: a workstation user's purge leaves it to the owner's maintenance run.
            if (db.queryInt64(QStringLiteral("SELECT CASE WHEN pg_has_role(relowner, 'USAGE') THEN 1 ELSE 0 END "
                                             "FROM pg_class WHERE oid = 'reads'::regclass")) != 1)
                return Outcome{0, false, false};
            db.exec(QStringLiteral("VACUUM (FULL)"));
            auto checkpointed = truncateWal(db);
            if (!checkpointed)
                return std::unexpected(checkpointed.error());
            return Outcome{0, true, *checkpointed};
        }
        db.exec(QStringLiteral("PRAGMA secure_delete = ON"));
        if (db.queryInt64(QStringLiteral("PRAGMA secure_delete")) != 1)
            return fail(ErrorCode::Database,
                        QStringLiteral("The store library cannot overwrite deleted data (secure_delete is off)"));
        Outcome outcome;
        QStringList fullText;
        {
            auto s = db.prepare(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                               "sql LIKE 'CREATE VIRTUAL TABLE%USING fts%'"));
            while (s.step())
                fullText.append(s.text(0));
        }
        for (const QString& table : fullText) {
            // FTS3/4's special insert: merges all segments, dropping the terms of deleted rows.
            db.exec(
                QStringLiteral("INSERT INTO %1(%1) VALUES('optimize')").arg(store::Database::quotedIdentifier(table)));
            ++outcome.fullTextIndexesMerged;
        }
        db.exec(QStringLiteral("VACUUM"));
        outcome.vacuumed = true;
        auto truncated = truncateWal(db);
        if (!truncated)
            return std::unexpected(truncated.error());
        outcome.walTruncated = *truncated;
        return outcome;
    });
}

Result<bool> StoreScrubber::truncateWal(store::Database& db)
{
    return guarded([&] {
        if (db.isPostgres()) {
            // CHECKPOINT needs a superuser or pg_checkpoint; otherwise the server's own checkpoints recycle the WAL.
            if (db.queryInt64(QStringLiteral("SELECT CASE WHEN pg_has_role('pg_checkpoint', 'MEMBER') OR "
                                             "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user) "
                                             "THEN 1 ELSE 0 END")) != 1)
                return false;
            db.exec(QStringLiteral("CHECKPOINT"));
            return true;
        }
        auto checkpoint = db.prepare(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        // One row: busy (1 when readers blocked it), WAL frames, frames checkpointed.
        return checkpoint.step() && checkpoint.int64(0) == 0;
    });
}

} // namespace alpr
