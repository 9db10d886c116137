#pragma once

#include "MockClock.h"
#include "accounts/AccountService.h"
#include "accounts/Session.h"

#include <QTemporaryDir>

#include <chrono>
#include <memory>

namespace alpr::test {

/// A fresh encrypted store in a temporary directory with a Commander logged in. Uses a low KDF iteration count so
/// a test can log in many times; the iteration count is stored per key slot, so the code path is the real one.
/// With ALPR_TEST_POSTGRES set (a libpq connection string to a server where the user may create databases, as
/// installer/postgres-test-cluster.sh prints), the store is a new PostgreSQL database instead, dropped afterwards:
/// the same tests then prove the services on the server engine.
class TestStore {
public:
    static constexpr int kFastIterations = 2000;
    static inline const QString kAdmin = QStringLiteral("commander1");
    static inline const QString kPassword = QStringLiteral("correct horse battery");

    /// Where the store is made: as ALPR_TEST_POSTGRES says, or an embedded file whatever it says (a store to copy
    /// to a server).
    enum class Engine { AsConfigured, Embedded };

    explicit TestStore(Engine engine = Engine::AsConfigured);
    ~TestStore();
    TestStore(const TestStore&) = delete;
    TestStore& operator=(const TestStore&) = delete;
    /// The server the stores are made on, or empty for SQLCipher files.
    [[nodiscard]] static QString postgresServer();
    /// A new, empty database on that server (dropped first if a crashed run left it); false with a warning.
    static bool createServerDatabase(const QString& database);
    /// The connection string of a database on that server.
    [[nodiscard]] static QString serverConnection(const QString& database);
    /// Drops it with the roles of its store (roles are the cluster's).
    static bool dropServerDatabase(const QString& database);
    [[nodiscard]] bool isPostgres() const { return !m_postgresDatabase.isEmpty(); }
    /// For tamper tests: a raw connection with the most power anyone has over the store's data (on PostgreSQL the
    /// store owner's, which the workstation's users do not have).
    [[nodiscard]] Result<store::Database> ownerConnection();
    /// For tamper tests: removes a guard trigger the way the connection's engine spells it.
    static void dropTrigger(store::Database& db, const QString& trigger, const QString& table);
    [[nodiscard]] bool isValid() const { return m_session != nullptr; }
    [[nodiscard]] Session& session() { return *m_session; }
    [[nodiscard]] MockClock& clock() { return m_clock; }
    [[nodiscard]] QString directory() const { return m_dir.path() + QStringLiteral("/store"); }
    /// Logins through options() never sleep after a failure: the delays they would have waited are kept here.
    [[nodiscard]] SessionOptions options() const;
    [[nodiscard]] QList<std::chrono::milliseconds> failureDelays() const { return *m_failureDelays; }

    /// Adds a user (as the Commander) and returns a logged-in session for them.
    std::unique_ptr<Session> addAndLogin(const QString& name, Role role, bool clets = false);
    void addUser(const QString& name, Role role, bool clets = false, QDate trainingUntil = {});
    std::unique_ptr<Session> login(const QString& name, const QString& password = kPassword);

private:
    QTemporaryDir m_dir;
    QString m_postgresDatabase;
    MockClock m_clock;
    std::shared_ptr<QList<std::chrono::milliseconds>> m_failureDelays =
        std::make_shared<QList<std::chrono::milliseconds>>();
    std::unique_ptr<Session> m_session;
};

} // namespace alpr::test
