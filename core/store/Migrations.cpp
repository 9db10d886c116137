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

// Files are named NNN_what.sql; the number is the schema version they produce. Capabilities add their own file.
QList<MigrationFile> migrationFiles()
{
    QList<MigrationFile> out;
    const QDir dir(QStringLiteral(":/alpr/migrations"));
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
    return applyUpTo(db, latestVersion());
}

VoidResult Migrations::applyUpTo(Database& db, int version)
{
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

} // namespace alpr::store
