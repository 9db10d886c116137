#pragma once

#include "accounts/Account.h"
#include "audit/AccessPurpose.h"
#include "audit/AuditRecord.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "store/Database.h"
#include "store/StoreProfile.h"

#include <chrono>
#include <functional>
#include <memory>

namespace alpr {

struct SessionOptions {
    const Clock* clock = &SystemClock::instance();
    QString workstation; ///< defaults to the host name
    int kdfIterations = 0; ///< for new key slots; 0 = KeyWrap::kDefaultIterations
    /// Waits out the growing delay before a failed login is answered (LoginLockoutPolicy); empty = sleep on the
    /// calling thread (never the GUI thread: login runs on a worker). Tests record the delays instead of sleeping.
    std::function<void(std::chrono::milliseconds)> waitAfterFailure;
};

/// A logged-in user with the store open. Owns the GUI/CLI thread's connection and the unwrapped database key
/// (wiped on destruction); workers open their own connection with openConnection(). Every login, failure and
/// logout is written to the audit trail (failures while the store is closed wait in the key slot file).
class Session {
public:
    static constexpr auto kDatabaseFileName = "alpr.db";
    static constexpr auto kKeySlotFileName = "keyslots.json";

    /// Creates a new store in directory (which must not hold one) with its first Commander.
    [[nodiscard]] static Result<std::unique_ptr<Session>> initializeStore(const QString& directory,
                                                                          const QString& adminName,
                                                                          const QString& password,
                                                                          const QDate& adminTrainingUntil,
                                                                          const SessionOptions& options = {});
    /// Refuses with AuthenticationFailed, AccountLocked, AccountDisabled or TrainingMissing, each audited. A failed
    /// password is answered only after the lockout policy's delay (options.waitAfterFailure).
    [[nodiscard]] static Result<std::unique_ptr<Session>> login(const QString& directory, const QString& user,
                                                                const QString& password,
                                                                const SessionOptions& options = {});
    [[nodiscard]] static bool storeExists(const QString& directory);

    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    [[nodiscard]] store::Database& database() { return m_db; }
    /// A new connection to the same store for another thread.
    [[nodiscard]] Result<store::Database> openConnection() const;

    [[nodiscard]] const Account& account() const { return m_account; }
    [[nodiscard]] bool can(Permission permission) const { return roleAllows(m_account.role, permission); }
    /// PermissionDenied naming the role, when the account's role may not do this.
    [[nodiscard]] VoidResult require(Permission permission, const QString& what) const;
    [[nodiscard]] const Clock& clock() const { return *m_clock; }
    [[nodiscard]] QString workstation() const { return m_workstation; }
    [[nodiscard]] QString directory() const { return m_directory; }
    [[nodiscard]] QString databasePath() const;
    [[nodiscard]] QString keySlotPath() const;
    [[nodiscard]] int kdfIterations() const { return m_kdfIterations; }
    /// For AccountService (wrapping the key for new slots) and the evidence exporter (deriving the manifest signing
    /// key); nothing else needs it and it is never written anywhere.
    [[nodiscard]] const QByteArray& databaseKey() const { return m_key; }
    /// For AccountService: the user's new password, which their further server connections log in with.
    void serverPasswordChanged(const QString& password)
    {
        if (m_db.isPostgres())
            m_serverPassword = password;
    }

    /// Purpose list and case-number format, re-read from the store each call.
    [[nodiscard]] AccessPurposePolicy purposePolicy();

    /// A record filled with now, this user and workstation.
    [[nodiscard]] AuditRecord auditRecord(const QString& action, const QString& object, const QString& parameters = {},
                                          const AccessPurpose& purpose = {},
                                          const QString& outcome = QStringLiteral("ok")) const;
    /// Appends one record in its own transaction (for accesses that change nothing else, e.g. a view).
    [[nodiscard]] VoidResult recordAccess(const AuditRecord& record);
    /// Records the logout; the session must not be used afterwards.
    [[nodiscard]] VoidResult logout();

private:
    Session(store::Database db, QByteArray key, Account account, const QString& directory,
            const SessionOptions& options);

    store::Database m_db;
    QByteArray m_key;
    QString m_serverPassword; ///< PostgreSQL stores: the user's login, for further connections as their own role
    store::StoreProfile m_profile; ///< read once at login: where further connections go
    Account m_account;
    QString m_directory;
    const Clock* m_clock;
    QString m_workstation;
    int m_kdfIterations;
};

/// Reads one account row (used by Session and AccountService). Throws ErrorException.
Account loadAccount(store::Database& db, const QString& name);

} // namespace alpr
