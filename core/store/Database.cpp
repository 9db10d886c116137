#include "store/Database.h"

#include "store/ValueSeal.h"

#include "store/PostgresConnection.h"
#include "store/PostgresDialect.h"
#include "store/SqliteErrors.h"
#include "store/Statement.h"

#include <QFile>

#include <fcntl.h>
#include <unistd.h>

#include <sqlite3.h>

namespace alpr::store {

namespace {

constexpr int kDefaultBusyTimeoutMs = 15000;
int g_busyTimeoutMs = kDefaultBusyTimeoutMs;
constexpr auto kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// The store, its WAL and its shared-memory index readable by the owner only. SQLite creates -wal and -shm with the
// mode of the database file, so creating that file 0600 before SQLite opens it leaves no moment of wider access.
void createOwnerOnly(const QString& path)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0)
        ::close(fd);
}

void tightenModes(const QString& path)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        if (QFile::exists(path + suffix) && QFile::permissions(path + suffix) != kOwnerOnly)
            QFile::setPermissions(path + suffix, kOwnerOnly);
}
// 64 MiB of page cache per connection: with SQLCipher every cache miss is a page decryption, so index-heavy batch
// inserts and scans gain the most from a larger cache.
constexpr auto kPragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; "
                          "PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536";

[[noreturn]] void raiseFromConnection(sqlite3* db, int rc, const QString& what)
{
    raiseSqliteError(rc, what + QStringLiteral(": ") + QString::fromUtf8(db ? sqlite3_errmsg(db) : "no connection"));
}

} // namespace

struct Database::Impl {
    sqlite3* db = nullptr;
    std::unique_ptr<PostgresConnection> postgres;
    QString path;
    bool encrypted = false;
    std::optional<ValueSeal> seal; ///< PostgreSQL with the store key: values sealed before they reach the server
    ~Impl()
    {
        if (db)
            sqlite3_close_v2(db);
    }
};

Database::Database(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}

void Database::setStoreKey(const QByteArray& key)
{
    if (isPostgres() && !key.isEmpty())
        d->seal.emplace(key);
}

QByteArray Database::sealed(const QByteArray& value) const
{
    if (!isPostgres())
        return value;
    if (!d->seal)
        raise(ErrorCode::Internal, QStringLiteral("This server connection has no store key to seal images with"));
    return d->seal->seal(value);
}

QByteArray Database::unsealed(const QByteArray& value) const
{
    if (!isPostgres())
        return value;
    if (!d->seal)
        raise(ErrorCode::Internal, QStringLiteral("This server connection has no store key to open images with"));
    auto plain = d->seal->open(value);
    if (!plain)
        throw ErrorException(plain.error());
    return *plain;
}
Database::Database(Database&& other) noexcept = default;
Database& Database::operator=(Database&& other) noexcept = default;
Database::~Database() = default;

static std::unique_ptr<Database::Impl> openHandle(const QString& path, int flags)
{
    auto impl = std::make_unique<Database::Impl>();
    impl->path = path;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &impl->db, flags | SQLITE_OPEN_FULLMUTEX, nullptr);
    if (rc != SQLITE_OK)
        raiseFromConnection(impl->db, rc, QStringLiteral("open %1").arg(path));
    sqlite3_extended_result_codes(impl->db, 1);
    sqlite3_busy_timeout(impl->db, g_busyTimeoutMs);
    return impl;
}

Result<Database> Database::openEncrypted(const QString& path, const QByteArray& key)
{
    Q_ASSERT(key.size() == kKeyBytes);
    return guardedResult([&]() -> Result<Database> {
        createOwnerOnly(path);
        tightenModes(path);
        auto impl = openHandle(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        impl->encrypted = true;
        Database db(std::move(impl));
        // A raw key ("x'..'") means SQLCipher runs no KDF of its own: the slow KDF is in the key slots.
        db.exec(QStringLiteral("PRAGMA key = \"x'") + QString::fromLatin1(key.toHex()) + QStringLiteral("'\""));
        if (db.queryText(QStringLiteral("PRAGMA cipher_version")).isEmpty())
            return fail(ErrorCode::Database,
                        QStringLiteral("The store library is plain SQLite, not SQLCipher; refusing to write data "
                                       "unencrypted"),
                        QStringLiteral("PRAGMA cipher_version returned nothing; sqlite %1").arg(libraryVersion()));
        db.exec(QStringLiteral("PRAGMA cipher_page_size = 4096"));
        try {
            (void)db.queryInt64(QStringLiteral("SELECT count(*) FROM sqlite_master")); // throws when the key is wrong
        } catch (const ErrorException& e) {
            return fail(ErrorCode::AuthenticationFailed, QStringLiteral("The store key does not open this store"),
                        e.error().detail);
        }
        db.exec(QLatin1String(kPragmas));
        return db;
    });
}

Result<Database> Database::openPlain(const QString& path, bool readOnly)
{
    return guarded([&] {
        const int flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        Database db(openHandle(path, flags));
        if (!readOnly)
            db.exec(QLatin1String(kPragmas));
        return db;
    });
}

Result<Database> Database::openPostgres(const QString& connection)
{
    return guarded([&] {
        auto impl = std::make_unique<Impl>();
        impl->postgres = std::make_unique<PostgresConnection>(connection);
        impl->postgres->setLockTimeout(g_busyTimeoutMs);
        impl->path = impl->postgres->description();
        return Database(std::move(impl));
    });
}

void Database::execVerbatim(const QString& sql)
{
    if (d->postgres)
        d->postgres->execVerbatim(sql);
    else
        exec(sql);
}

void Database::exec(const QString& sql)
{
    if (d->postgres) {
        d->postgres->execVerbatim(PostgresDialect::translate(sql).sql);
        return;
    }
    char* message = nullptr;
    const int rc = sqlite3_exec(d->db, sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const QString detail = QString::fromUtf8(message ? message : sqlite3_errmsg(d->db));
        sqlite3_free(message);
        raiseSqliteError(rc, detail);
    }
}

Statement Database::prepare(const QString& sql)
{
    return Statement(*this, sql);
}

Statement Database::prepareUpsert(const QString& table, const QStringList& keyColumns, const QStringList& otherColumns)
{
    const QStringList columns = keyColumns + otherColumns;
    const QString values =
        QStringLiteral("%1(%2) VALUES (%3)").arg(table, columns.join(u", "), placeholders(1, int(columns.size())));
    if (!isPostgres())
        return prepare(QStringLiteral("INSERT OR REPLACE INTO ") + values);
    QStringList updates;
    for (const QString& column : otherColumns)
        updates << QStringLiteral("%1 = excluded.%1").arg(column);
    return prepare(QStringLiteral("INSERT INTO %1 ON CONFLICT (%2) DO UPDATE SET %3")
                       .arg(values, keyColumns.join(u", "), updates.join(u", ")));
}

QString Database::queryText(const QString& sql)
{
    Statement statement(*this, sql);
    return statement.step() ? statement.text(0) : QString();
}

qint64 Database::queryInt64(const QString& sql)
{
    Statement statement(*this, sql);
    return statement.step() ? statement.int64(0) : 0;
}

qint64 Database::lastInsertRowId()
{
    if (d->postgres)
        return queryInt64(QStringLiteral("SELECT lastval()"));
    return sqlite3_last_insert_rowid(d->db);
}

int Database::changes() const
{
    return d->postgres ? d->postgres->changes() : sqlite3_changes(d->db);
}

QString Database::path() const
{
    return d->path;
}

bool Database::isEncrypted() const
{
    return d->encrypted;
}

QString Database::placeholders(int first, int count)
{
    QStringList out;
    out.reserve(count);
    for (int i = first; i < first + count; ++i)
        out << QStringLiteral("?%1").arg(i);
    return out.join(u", ");
}

QString Database::quotedIdentifier(const QString& identifier)
{
    QString inner = identifier;
    inner.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + inner + QLatin1Char('"');
}

Engine Database::engine() const
{
    return d->postgres ? Engine::PostgreSql : Engine::SqlCipher;
}

void Database::setBusyTimeout(int milliseconds)
{
    if (d->postgres)
        d->postgres->setLockTimeout(milliseconds);
    else
        sqlite3_busy_timeout(d->db, milliseconds);
}

void Database::setDefaultBusyTimeout(int milliseconds)
{
    g_busyTimeoutMs = milliseconds > 0 ? milliseconds : kDefaultBusyTimeoutMs;
}

QString Database::libraryVersion()
{
    return QString::fromLatin1(sqlite3_libversion());
}

void* Database::nativeHandle() const
{
    return d->db;
}

PostgresConnection* Database::postgres() const
{
    return d->postgres.get();
}

} // namespace alpr::store
