#include "store/StoreProfile.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

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

QString StoreProfile::databasePath() const
{
    return QDir(m_directory).filePath(QLatin1String(kDatabaseFileName));
}

Result<Database> StoreProfile::open(const QByteArray& key) const
{
    if (m_engine == Engine::PostgreSql)
        return Database::openPostgres(m_connection);
    return Database::openEncrypted(databasePath(), key);
}

} // namespace alpr::store
