#include "store/StoreProfile.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <libpq-fe.h>

#include <optional>

namespace alpr::store {

namespace {
constexpr auto kPostgresEngine = "postgresql";
constexpr qint64 kMaxProfileBytes = 64 * 1024;
} // namespace

Result<StoreProfile> StoreProfile::load(const QString& directory)
{
    StoreProfile profile;
    profile.m_directory = directory;
    QFile file(QDir(directory).filePath(QLatin1String(kProfileFileName)));
    if (!file.exists())
        return profile;
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, QStringLiteral("Cannot read the store profile %1").arg(file.fileName()),
                    file.errorString());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.read(kMaxProfileBytes), &error);
    const QJsonObject object = document.object();
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The store profile %1 is not valid JSON").arg(file.fileName()), error.errorString());
    const QString engine = object.value(QStringLiteral("engine")).toString();
    profile.m_connection = object.value(QStringLiteral("connection")).toString();
    if (engine != QLatin1String(kPostgresEngine) || profile.m_connection.trimmed().isEmpty())
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The store profile %1 must name the engine \"postgresql\" and a connection")
                        .arg(file.fileName()),
                    QStringLiteral("engine '%1'").arg(engine.left(40)));
    profile.m_engine = Engine::PostgreSql;
    return profile;
}

VoidResult StoreProfile::writePostgres(const QString& directory, const QString& connection)
{
    const QDir dir(directory);
    if (QFile::exists(dir.filePath(QLatin1String(kProfileFileName))) ||
        QFile::exists(dir.filePath(QLatin1String(kDatabaseFileName))))
        return fail(ErrorCode::InvalidInput, QStringLiteral("A store already exists in %1").arg(directory));
    if (!QDir().mkpath(directory))
        return fail(ErrorCode::Io, QStringLiteral("Cannot create the store directory %1").arg(directory));
    QFile::setPermissions(directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QSaveFile file(dir.filePath(QLatin1String(kProfileFileName)));
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Io, QStringLiteral("Cannot write the store profile"), file.errorString());
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QJsonObject object;
    object.insert(QStringLiteral("engine"), QLatin1String(kPostgresEngine));
    object.insert(QStringLiteral("connection"), connection);
    file.write(QJsonDocument(object).toJson());
    if (!file.commit())
        return fail(ErrorCode::Io, QStringLiteral("Cannot write the store profile"), file.errorString());
    return {};
}

namespace {

// The profile's connection (keyword string or URI) as libpq reads it: the keywords it sets.
std::optional<QList<QPair<QByteArray, QString>>> connectionOptions(const QString& connection)
{
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(connection.toUtf8().constData(), &error);
    if (!options) {
        PQfreemem(error);
        return std::nullopt;
    }
    QList<QPair<QByteArray, QString>> out;
    for (PQconninfoOption* o = options; o->keyword; ++o)
        if (o->val)
            out.append({QByteArray(o->keyword), QString::fromUtf8(o->val)});
    PQconninfoFree(options);
    return out;
}

QString conninfoValue(QString v)
{
    v.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + v + QLatin1Char('\'');
}

} // namespace

QString StoreProfile::database() const
{
    QString database, user;
    for (const auto& [keyword, value] : connectionOptions(m_connection).value_or(QList<QPair<QByteArray, QString>>())) {
        if (keyword == "dbname")
            database = value;
        else if (keyword == "user")
            user = value;
    }
    // libpq's defaults: the user name, which defaults to the operating system's.
    if (database.isEmpty())
        database = user.isEmpty() ? qEnvironmentVariable("PGDATABASE", qEnvironmentVariable("USER")) : user;
    return database;
}

QString StoreProfile::loginRole(const QString& database, const QString& user)
{
    // 30 + 1 + 32 (the longest account name) = 63, PostgreSQL's limit on names.
    return database.left(30) + QLatin1Char('.') + user;
}

QString StoreProfile::withSecureDefaults(const QString& connection)
{
    const auto options = connectionOptions(connection);
    if (!options)
        return connection;
    QStringList parts;
    bool hasSslMode = false;
    bool overTcp = false;
    for (const auto& [keyword, value] : *options) {
        parts << QString::fromLatin1(keyword) + QLatin1Char('=') + conninfoValue(value);
        if (keyword == "sslmode")
            hasSslMode = true;
        // host may list several; a path (or an abstract socket, @name) is a local socket. hostaddr is always TCP.
        if (keyword == "hostaddr" && !value.isEmpty())
            overTcp = true;
        if (keyword == "host")
            for (const QString& host : value.split(QLatin1Char(',')))
                if (!host.isEmpty() && !host.startsWith(QLatin1Char('/')) && !host.startsWith(QLatin1Char('@')))
                    overTcp = true;
    }
    if (overTcp && !hasSslMode)
        parts << QStringLiteral("sslmode=verify-full");
    return parts.join(QLatin1Char(' '));
}

Result<Database> StoreProfile::openAs(const QString& user, const QString& password, const QByteArray& key) const
{
    if (m_engine != Engine::PostgreSql)
        return open(key);
    // Rebuilt keyword by keyword: the server, database and TLS settings of the profile, the user's own role.
    QStringList parts;
    const auto options = connectionOptions(m_connection);
    if (!options)
        // Not repeated in the message: a connection string may hold a password.
        return fail(ErrorCode::InvalidInput, QStringLiteral("The store profile's connection cannot be read"));
    for (const auto& [keyword, value] : *options)
        if (keyword != "user" && keyword != "password" && keyword != "passfile")
            parts << QString::fromLatin1(keyword) + QLatin1Char('=') + conninfoValue(value);
    parts << QStringLiteral("user=") + conninfoValue(loginRole(database(), user))
          << QStringLiteral("password=") + conninfoValue(password);
    auto db = Database::openPostgres(withSecureDefaults(parts.join(QLatin1Char(' '))));
    if (db)
        db->setStoreKey(key);
    return db;
}

QString StoreProfile::databasePath() const
{
    return QDir(m_directory).filePath(QLatin1String(kDatabaseFileName));
}

Result<Database> StoreProfile::open(const QByteArray& key) const
{
    if (m_engine == Engine::PostgreSql) {
        auto db = Database::openPostgres(withSecureDefaults(m_connection));
        if (db)
            db->setStoreKey(key);
        return db;
    }
    return Database::openEncrypted(databasePath(), key);
}

} // namespace alpr::store
