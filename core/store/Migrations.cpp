#include "store/Migrations.h"

#include "store/Database.h"
#include "store/Transaction.h"

#include <QDir>
#include <QFile>

namespace alpr::store {

namespace {

struct MigrationFile {
    int version = 0;
    QString path;
};

// Files are named NNN_what.sql; the number is the schema version they produce. Capabilities add their own file,
// once per engine: migrations/ in SQLite's dialect, migrations/postgresql/ the same schema in PostgreSQL's.
QList<MigrationFile> migrationFiles(Engine engine = Engine::SqlCipher)
{
    QList<MigrationFile> out;
    const QDir dir(engine == Engine::PostgreSql ? QStringLiteral(":/alpr/migrations/postgresql")
                                                : QStringLiteral(":/alpr/migrations"));
    for (const QString& name : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        bool ok = false;
        const int version = name.section(QLatin1Char('_'), 0, 0).toInt(&ok);
        Q_ASSERT_X(ok && version > 0, "Migrations", "migration file names start with their version number");
        out.append({version, dir.filePath(name)});
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
    return out;
}

} // namespace

int Migrations::latestVersion()
{
    const auto files = migrationFiles();
    return files.isEmpty() ? 0 : files.last().version;
}

VoidResult Migrations::apply(Database& db)
{
    // Each engine has its own list: the server's has steps the embedded store has no use for (its roles, 011).
    const auto files = migrationFiles(db.engine());
    return applyUpTo(db, files.isEmpty() ? 0 : files.last().version);
}

VoidResult Migrations::applyUpTo(Database& db, int version)
{
    if (db.isPostgres())
        return applyPostgresUpTo(db, version);
    return guarded([&] {
        const int current = int(db.queryInt64(QStringLiteral("PRAGMA user_version")));
        for (const MigrationFile& m : migrationFiles()) {
            if (m.version <= current || m.version > version)
                continue;
            QFile file(m.path);
            if (!file.open(QIODevice::ReadOnly))
                raise(ErrorCode::Internal, QStringLiteral("A schema migration is missing"), m.path);
            Transaction tx(db);
            db.exec(QString::fromUtf8(file.readAll()));
            db.exec(QStringLiteral("PRAGMA user_version = %1").arg(m.version));
            tx.commit();
        }
        if (current > latestVersion())
            raise(ErrorCode::Unsupported, QStringLiteral("This store was written by a newer version of the workstation"),
                  QStringLiteral("schema %1 > %2").arg(current).arg(latestVersion()));
    });
}

VoidResult Migrations::applyPostgresUpTo(Database& db, int version)
{
    return guarded([&] {
        // The version is a row, not a pragma; the writer lock of Transaction keeps two workstations that start at
        // once from both migrating.
        const QList<MigrationFile> files = migrationFiles(Engine::PostgreSql);
        const int latest = files.isEmpty() ? 0 : files.last().version;
        // Workstation users may not change the schema: a store that is up to date is left untouched, without DDL.
        if (!db.queryText(QStringLiteral("SELECT to_regclass('schema_version')::text")).isEmpty() &&
            db.queryInt64(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version")) >=
                std::min(latest, version))
            return;
        // A workstation user's role may not change the schema; say who can, instead of the server's refusal.
        if (db.queryInt64(
                QStringLiteral("SELECT CASE WHEN has_schema_privilege('public', 'CREATE') THEN 1 ELSE 0 END")) != 1)
            raise(ErrorCode::Unsupported,
                  QStringLiteral("This store's schema is older than this workstation's (version %1): its owner must "
                                 "upgrade it first (alprctl --store DIR upgrade)")
                      .arg(std::min(latest, version)),
                  QStringLiteral("no CREATE on schema public for ") +
                      db.queryText(QStringLiteral("SELECT current_user")));
        db.execVerbatim(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)"));
        for (const MigrationFile& m : files) {
            if (m.version > version)
                break;
            Transaction tx(db);
            const int current =
                int(db.queryInt64(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version")));
            if (current > latest)
                raise(ErrorCode::Unsupported,
                      QStringLiteral("This store was written by a newer version of the workstation"),
                      QStringLiteral("schema %1 > %2").arg(current).arg(latest));
            if (m.version <= current)
                continue;
            QFile file(m.path);
            if (!file.open(QIODevice::ReadOnly))
                raise(ErrorCode::Internal, QStringLiteral("A schema migration is missing"), m.path);
            db.execVerbatim(QString::fromUtf8(file.readAll()));
            db.execVerbatim(QStringLiteral("INSERT INTO schema_version(version) VALUES (%1)").arg(m.version));
            tx.commit();
        }
    });
}

} // namespace alpr::store
