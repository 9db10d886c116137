#include "accounts/StoreCopier.h"

#include "accounts/PostgresAccounts.h"
#include "accounts/Session.h"
#include "audit/AuditLog.h"
#include "common/JobContext.h"
#include "reads/ReadRepository.h"
#include "store/Database.h"
#include "store/KeySlotFile.h"
#include "store/KeyWrap.h"
#include "store/Migrations.h"
#include "store/PostgresConnection.h"
#include "store/RowWriter.h"
#include "store/Statement.h"
#include "store/StoreProfile.h"
#include "store/Transaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <functional>

namespace alpr {

namespace {

using store::Database;

/// How a column's values travel: read from SQLite as the server column's type needs them.
enum class ColumnKind { Integer, Real, Text, Blob, Boolean };

struct Column {
    QString name;
    ColumnKind kind;
};

ColumnKind kindOf(const QString& serverType)
{
    if (serverType == QLatin1String("bigint") || serverType == QLatin1String("integer") ||
        serverType == QLatin1String("smallint"))
        return ColumnKind::Integer;
    if (serverType == QLatin1String("double precision") || serverType == QLatin1String("real") ||
        serverType == QLatin1String("numeric"))
        return ColumnKind::Real;
    if (serverType == QLatin1String("bytea"))
        return ColumnKind::Blob;
    if (serverType == QLatin1String("boolean"))
        return ColumnKind::Boolean;
    if (serverType == QLatin1String("text") || serverType == QLatin1String("character varying"))
        return ColumnKind::Text;
    raise(ErrorCode::Internal, QStringLiteral("The copy does not know the server column type %1").arg(serverType));
}

/// The embedded store's tables that the server keeps: SQLite's own aside, and the gram postings (the server
/// searches through its trigram index instead, 013_trigram_search.sql).
QStringList embeddedTables(Database& db)
{
    QStringList tables;
    auto s = db.prepare(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                       "'sqlite\\_%' ESCAPE '\\' ORDER BY name"));
    while (s.step())
        if (s.text(0) != QLatin1String("search_grams"))
            tables.append(s.text(0));
    return tables;
}

QStringList embeddedColumns(Database& db, const QString& table)
{
    QStringList columns;
    auto s = db.prepare(QStringLiteral("PRAGMA table_info(%1)").arg(Database::quotedIdentifier(table)));
    while (s.step())
        columns.append(s.text(1));
    return columns;
}

/// The server table's columns and types, by name.
QHash<QString, QString> serverColumns(Database& db, const QString& table)
{
    QHash<QString, QString> columns;
    auto s = db.prepare(QStringLiteral("SELECT column_name, data_type FROM information_schema.columns "
                                       "WHERE table_schema = 'public' AND table_name = ?1"));
    s.bind(1, table);
    while (s.step())
        columns.insert(s.text(0), s.text(1));
    return columns;
}

/// The tables in an order that inserts each after the tables its foreign keys name (a depth-first walk of the
/// server's foreign keys, and of the references to reads it keeps by trigger, 016_read_months.sql).
QStringList insertOrder(Database& db, const QStringList& tables)
{
    QHash<QString, QStringList> references;
    auto s = db.prepare(QStringLiteral("SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM "
                                       "pg_constraint c WHERE c.contype = 'f' AND c.connamespace = "
                                       "'public'::regnamespace UNION SELECT table_name, 'reads' FROM read_references"));
    while (s.step())
        references[s.text(0)].append(s.text(1));
    QStringList order;
    QSet<QString> placed;
    QSet<QString> visiting;
    std::function<void(const QString&)> place = [&](const QString& table) {
        if (placed.contains(table) || visiting.contains(table))
            return; // a table that names itself, or a cycle: its rows go in id order
        visiting.insert(table);
        for (const QString& referenced : references.value(table))
            if (tables.contains(referenced))
                place(referenced);
        visiting.remove(table);
        placed.insert(table);
        order.append(table);
    };
    for (const QString& table : tables)
        place(table);
    return order;
}

/// Rows of one table from the embedded store to the server. Returns the number of rows.
qint64 copyTable(Database& from, Database& to, const QString& table, JobContext& job)
{
    const QHash<QString, QString> types = serverColumns(to, table);
    if (types.isEmpty())
        raise(ErrorCode::Internal, QStringLiteral("The server schema has no table %1").arg(table));
    QList<Column> columns;
    QStringList names;
    for (const QString& name : embeddedColumns(from, table)) {
        if (!types.contains(name))
            raise(ErrorCode::Internal, QStringLiteral("The server's %1 has no column %2").arg(table, name));
        columns.append({name, kindOf(types.value(name))});
        names.append(name);
    }
    if (columns.size() != types.size())
        raise(ErrorCode::Internal, QStringLiteral("The server's %1 has columns the embedded store lacks").arg(table));
    QStringList quoted;
    for (const QString& name : names)
        quoted.append(Database::quotedIdentifier(name));
    auto rows =
        from.prepare(QStringLiteral("SELECT %1 FROM %2").arg(quoted.join(u", "), Database::quotedIdentifier(table)));
    store::RowWriter writer(to, Database::quotedIdentifier(table), quoted);
    qint64 count = 0;
    while (rows.step()) {
        for (int i = 0; i < columns.size(); ++i) {
            const int field = i + 1;
            if (rows.isNull(i)) {
                writer.nullField(field);
                continue;
            }
            switch (columns[i].kind) {
            case ColumnKind::Integer:
                writer.field(field, rows.int64(i));
                break;
            case ColumnKind::Real:
                writer.field(field, rows.real(i));
                break;
            case ColumnKind::Text:
                writer.field(field, rows.text(i));
                break;
            case ColumnKind::Blob:
                writer.field(field, to.sealed(rows.blob(i))); // images: the server holds them sealed
                break;
            case ColumnKind::Boolean:
                writer.field(field, rows.int64(i) != 0 ? QStringLiteral("t") : QStringLiteral("f"));
                break;
            }
        }
        writer.endRow();
        if (++count % 100000 == 0 && job.isCancelled())
            raise(ErrorCode::Cancelled, QStringLiteral("The copy was cancelled; the server database holds no store"));
    }
    writer.finish();
    return count;
}

/// Identity columns continue after the copied ids.
void advanceSequences(Database& db)
{
    QList<QPair<QString, QString>> identities;
    auto s = db.prepare(QStringLiteral("SELECT table_name, column_name FROM information_schema.columns WHERE "
                                       "table_schema = 'public' AND (is_identity = 'YES' OR column_default LIKE "
                                       "'nextval(%')"));
    while (s.step())
        identities.append({s.text(0), s.text(1)});
    for (const auto& [table, column] : identities)
        db.execVerbatim(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', '%2'), max(%3)) FROM %4 "
                                       "HAVING max(%3) IS NOT NULL")
                            .arg(table, column, Database::quotedIdentifier(column), Database::quotedIdentifier(table)));
}

AuditRecord copyRecord(const Session& source, const QString& action, const QJsonObject& parameters,
                       const QString& outcome)
{
    return source.auditRecord(action, QStringLiteral("store"),
                              QString::fromUtf8(QJsonDocument(parameters).toJson(QJsonDocument::Compact)), {}, outcome);
}

} // namespace

Result<StoreCopier::Report> StoreCopier::copy(Session& source, const QString& password, const QString& targetDirectory,
                                              const QString& connection, JobContext& job)
{
    if (auto allowed = source.require(Permission::ManageUsers, QStringLiteral("copy the store to a server")); !allowed)
        return std::unexpected(allowed.error());
    Database& from = source.database();
    if (from.isPostgres())
        return fail(ErrorCode::InvalidInput, QStringLiteral("This store is already on a server"));
    // The password becomes the Commander's server login: it must be the one that opens their key slot.
    auto keySlots = store::KeySlotFile::load(source.keySlotPath());
    if (!keySlots)
        return std::unexpected(keySlots.error());
    const auto ownSlot = keySlots->slot(source.account().name);
    if (!ownSlot || !store::KeyWrap::unwrap(*ownSlot, password, source.account().name))
        return fail(ErrorCode::AuthenticationFailed, QStringLiteral("Wrong password"));
    if (Session::storeExists(targetDirectory) ||
        QFileInfo::exists(QDir(targetDirectory).filePath(QLatin1String(store::StoreProfile::kProfileFileName))))
        return fail(ErrorCode::InvalidInput, QStringLiteral("%1 already holds a store").arg(targetDirectory));
    const bool madeDirectory = !QFileInfo::exists(targetDirectory);
    if (!QDir().mkpath(targetDirectory))
        return fail(ErrorCode::Io, QStringLiteral("Cannot create the store folder %1").arg(targetDirectory));
    // Whatever fails from here leaves no half store: the server transaction rolls back, the folder's files go.
    const QString profilePath = QDir(targetDirectory).filePath(QLatin1String(store::StoreProfile::kProfileFileName));
    const QString slotPath = QDir(targetDirectory).filePath(QLatin1String(Session::kKeySlotFileName));
    const auto undoFolder = [&] {
        QFile::remove(profilePath);
        QFile::remove(slotPath);
        if (madeDirectory)
            QDir().rmdir(targetDirectory);
    };
    auto copied = guardedResult([&]() -> Result<Report> {
        QFile::setPermissions(targetDirectory,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        if (auto written = store::StoreProfile::writePostgres(targetDirectory, connection); !written)
            return std::unexpected(written.error());
        auto profile = store::StoreProfile::load(targetDirectory);
        if (!profile)
            return std::unexpected(profile.error());
        auto to = profile->open(source.databaseKey());
        if (!to)
            return std::unexpected(to.error());
        if (!to->queryText(QStringLiteral("SELECT to_regclass('accounts')::text")).isEmpty() &&
            to->queryInt64(QStringLiteral("SELECT count(*) FROM accounts")) > 0)
            return fail(ErrorCode::InvalidInput,
                        QStringLiteral("The server database already holds a store; copy into an empty database"));

        // Before: the embedded chain must hold, and its head is what the server's copy must reproduce.
        auto verified = AuditLog::verify(from);
        if (!verified)
            return std::unexpected(verified.error());
        if (!verified->intact)
            return fail(ErrorCode::VerificationFailed,
                        QStringLiteral("The embedded store's audit log does not verify (%1); it is not copied")
                            .arg(verified->reason));
        // The connection's user, host and database; never a password the connection string may hold.
        const QJsonObject target{{QStringLiteral("server"), to->postgres()->description()}};
        {
            store::Transaction tx(from);
            AuditLog::append(tx, copyRecord(source, QStringLiteral("store.copy"), target, QStringLiteral("started")));
            tx.commit();
        }
        if (auto migrated = store::Migrations::apply(*to); !migrated)
            return std::unexpected(migrated.error());

        Report report;
        // One snapshot of the embedded store (a read transaction) and one server transaction.
        store::Transaction snapshot(from, store::Transaction::Mode::Deferred);
        auto anchor = AuditLog::anchor(from);
        if (!anchor)
            return std::unexpected(anchor.error());
        store::Transaction tx(*to);
        const QStringList tables = insertOrder(*to, embeddedTables(from));
        if (to->queryInt64(QStringLiteral("SELECT count(*) FROM audit")) > 0)
            return fail(ErrorCode::InvalidInput, QStringLiteral("The server database's audit log is not empty"));
        // The schema's own rows (settings, retention policy, index state) give way to the store's.
        for (auto table = tables.crbegin(); table != tables.crend(); ++table)
            if (*table != QLatin1String("audit"))
                to->execVerbatim(QStringLiteral("DELETE FROM %1").arg(Database::quotedIdentifier(*table)));
        {
            // The server keeps reads and their index rows a month a partition: one time of each month the store holds.
            QList<qint64> months;
            auto s = from.prepare(QStringLiteral("SELECT min(time_utc) FROM reads "
                                                 "GROUP BY strftime('%Y-%m', time_utc, 'unixepoch')"));
            while (s.step())
                months.append(s.int64(0));
            ReadRepository::addServerMonths(*to, months);
        }
        for (const QString& table : tables) {
            job.reportProgress(report.tables, tables.size(), QStringLiteral("Copying %1").arg(table));
            if (job.isCancelled())
                return fail(ErrorCode::Cancelled,
                            QStringLiteral("The copy was cancelled; the server database holds no store"));
            const qint64 rows = copyTable(from, *to, table, job);
            report.rows += rows;
            if (table == QLatin1String("reads"))
                report.reads = rows;
            else if (table == QLatin1String("images"))
                report.images = rows;
            ++report.tables;
        }
        advanceSequences(*to);

        // Accounts become login roles. Only the copying Commander's password is known here.
        auto newKeySlots = store::KeySlotFile::loadForUpdate(slotPath);
        if (!newKeySlots)
            return std::unexpected(newKeySlots.error());
        newKeySlots->setLockoutPolicy(keySlots->lockoutPolicy());
        auto accounts = to->prepare(QStringLiteral("SELECT name, disabled FROM accounts ORDER BY name"));
        while (accounts.step()) {
            const QString name = accounts.text(0);
            if (name == source.account().name) {
                PostgresAccounts::create(*to, name, password);
                PostgresAccounts::setKeySlot(*to, name, *ownSlot);
                newKeySlots->setSlot(name, *ownSlot);
                continue;
            }
            // A random password nobody holds: the role exists (grants, NOLOGIN when disabled) but opens only
            // after a Commander sets the account's password.
            PostgresAccounts::create(*to, name, QString::fromLatin1(store::KeyWrap::randomBytes(24).toBase64()));
            if (accounts.int64(1) != 0 || keySlots->isDisabled(name))
                newKeySlots->markDisabled(name);
            else
                report.accountsAwaitingPassword.append(name);
        }
        tx.commit();
        snapshot.commit();

        // After: the server's log must be the embedded one, record for record, up to the anchor.
        auto after = AuditLog::verifyAgainst(*to, *anchor);
        if (!after)
            return std::unexpected(after.error());
        if (!after->intact || to->queryInt64(QStringLiteral("SELECT count(*) FROM audit")) != anchor->count)
            return fail(ErrorCode::VerificationFailed,
                        QStringLiteral("The server's copy of the audit log does not verify against the embedded "
                                       "store's (%1); drop the server database and copy again")
                            .arg(after->reason));
        report.auditRecords = anchor->count;
        report.auditHead = anchor->toString();
        if (auto saved = newKeySlots->save(); !saved)
            return std::unexpected(saved.error());
        QJsonObject counts = target;
        counts.insert(QStringLiteral("reads"), report.reads);
        counts.insert(QStringLiteral("rows"), report.rows);
        counts.insert(QStringLiteral("audit"), report.auditHead);
        {
            store::Transaction done(*to);
            AuditLog::append(done, copyRecord(source, QStringLiteral("store.copied"), counts, QStringLiteral("ok")));
            done.commit();
        }
        {
            store::Transaction done(from);
            AuditLog::append(done, copyRecord(source, QStringLiteral("store.copy"), counts, QStringLiteral("ok")));
            done.commit();
        }
        return report;
    });
    if (!copied)
        undoFolder();
    return copied;
}

} // namespace alpr
