#include "TestStore.h"

#include "store/StoreProfile.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QTest>

namespace alpr::test {

namespace {

// A connection string naming another database on the same server (libpq takes the last dbname given).
QString onDatabase(const QString& server, const QString& database)
{
    return server + QStringLiteral(" dbname=") + database;
}

// One admin connection to the test server for the statements; false (with a warning) when any fails.
bool runOnServer(const QStringList& statements)
{
    auto admin = store::Database::openPostgres(TestStore::postgresServer());
    if (!admin) {
        qWarning("TestStore: %s", qPrintable(admin.error().toString()));
        return false;
    }
    try {
        for (const QString& sql : statements)
            admin->execVerbatim(sql);
    } catch (const ErrorException& e) {
        qWarning("TestStore: %s", qPrintable(e.error().toString()));
        return false;
    }
    return true;
}

QString dropDatabaseSql(const QString& database)
{
    return QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(database);
}

} // namespace

QString TestStore::postgresServer()
{
    return qEnvironmentVariable("ALPR_TEST_POSTGRES");
}

bool TestStore::createServerDatabase(const QString& database)
{
    // C collation: text orders by bytes as in SQLite, so the services' ORDER BY means the same on both engines.
    return runOnServer({dropDatabaseSql(database),
                        QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' "
                                       "LC_CTYPE 'C'")
                            .arg(database)});
}

bool TestStore::dropServerDatabase(const QString& database)
{
    // Roles are the cluster's: the store's groups and its users' login roles go with it.
    return runOnServer({dropDatabaseSql(database),
                        QStringLiteral("DO $$ DECLARE r TEXT; BEGIN FOR r IN SELECT rolname FROM pg_roles WHERE "
                                       "rolname IN ('%1_staff', '%1_data', '%1_clets') OR "
                                       "starts_with(rolname, '%1.') LOOP EXECUTE format('DROP ROLE %I', r); "
                                       "END LOOP; END $$")
                            .arg(database)});
}

QString TestStore::serverConnection(const QString& database)
{
    return onDatabase(postgresServer(), database);
}

TestStore::TestStore(Engine engine)
{
    if (const QString server = postgresServer(); !server.isEmpty() && engine == Engine::AsConfigured) {
        static QAtomicInt counter;
        m_postgresDatabase = QStringLiteral("alpr_test_%1_%2")
                                 .arg(QCoreApplication::applicationPid())
                                 .arg(counter.fetchAndAddRelaxed(1));
        if (!createServerDatabase(m_postgresDatabase))
            return;
        if (auto written = store::StoreProfile::writePostgres(directory(), onDatabase(server, m_postgresDatabase));
            !written) {
            qWarning("TestStore: %s", qPrintable(written.error().toString()));
            return;
        }
    }
    auto session = Session::initializeStore(directory(), kAdmin, kPassword, m_clock.nowUtc().date().addYears(1), options());
    if (session)
        m_session = std::move(*session);
    else
        qWarning("TestStore: %s", qPrintable(session.error().toString()));
}

TestStore::~TestStore()
{
    m_session.reset();
    if (!m_postgresDatabase.isEmpty())
        (void)dropServerDatabase(m_postgresDatabase);
}

Result<store::Database> TestStore::ownerConnection()
{
    auto profile = store::StoreProfile::load(directory());
    if (!profile)
        return std::unexpected(profile.error());
    return profile->open(session().databaseKey());
}

void TestStore::dropTrigger(store::Database& db, const QString& trigger, const QString& table)
{
    db.execVerbatim(db.isPostgres() ? QStringLiteral("DROP TRIGGER %1 ON %2").arg(trigger, table)
                                    : QStringLiteral("DROP TRIGGER %1").arg(trigger));
}

SessionOptions TestStore::options() const
{
    SessionOptions o;
    o.clock = &m_clock;
    o.workstation = QStringLiteral("test-ws");
    o.kdfIterations = kFastIterations;
    o.waitAfterFailure = [delays = m_failureDelays](std::chrono::milliseconds d) { delays->append(d); };
    return o;
}

void TestStore::addUser(const QString& name, Role role, bool clets, QDate trainingUntil)
{
    NewAccount a;
    a.name = name;
    a.role = role;
    a.trainingUntil = trainingUntil.isValid() ? trainingUntil : m_clock.nowUtc().date().addYears(1);
    a.cletsAuthorized = clets;
    a.initialPassword = kPassword;
    auto added = AccountService(*m_session).add(a);
    if (!added)
        qWarning("TestStore: %s", qPrintable(added.error().toString()));
}

std::unique_ptr<Session> TestStore::addAndLogin(const QString& name, Role role, bool clets)
{
    addUser(name, role, clets);
    return login(name);
}

std::unique_ptr<Session> TestStore::login(const QString& name, const QString& password)
{
    auto s = Session::login(directory(), name, password, options());
    if (!s) {
        qWarning("TestStore login: %s", qPrintable(s.error().toString()));
        return nullptr;
    }
    return std::move(*s);
}

} // namespace alpr::test
