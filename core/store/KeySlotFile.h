#pragma once

#include "common/Result.h"
#include "store/KeyWrap.h"
#include "store/LoginLockoutPolicy.h"

#include <QDateTime>
#include <QList>
#include <QLockFile>
#include <QString>

#include <memory>
#include <optional>

namespace alpr::store {

/// A security event that happened while the store was closed (a failed login cannot write into the encrypted
/// store). It waits here and is appended to the audit chain, with its own time, at the next successful login.
struct PendingSecurityEvent {
    QDateTime timeUtc;
    QString user;
    QString workstation;
    QString action;  ///< e.g. login.failed, login.locked
    QString outcome; ///< the reason shown to the user
};

/// What the key slot file knows about one account's failed logins.
struct LoginLockState {
    int recentFailures = 0; ///< failures within the policy's window
    bool locked = false;
    QDateTime lockedUntil; ///< invalid while locked means: until a Commander unlocks it
};

/// keyslots.json beside the store: one wrapped copy of the database key per account, plus the login failure
/// counters and pending security events. It holds no secret in clear; saving is atomic (QSaveFile).
class KeySlotFile {
public:
    /// Loads the file; an absent file gives an empty set (Corrupt when it exists but cannot be parsed).
    [[nodiscard]] static Result<KeySlotFile> load(const QString& path);
    /// load() holding keyslots.json.lock until releaseLock() or the last copy is gone, so that two processes (two
    /// logins, a login and a user change) cannot both read the file, change it and write it back, losing one change.
    /// A lock left by a killed process is taken over (at once, or when 30 s old if it never named its owner); Io
    /// ("busy, try again") when another process keeps it 35 s.
    [[nodiscard]] static Result<KeySlotFile> loadForUpdate(const QString& path);
    void releaseLock() { m_lock.reset(); }
    [[nodiscard]] VoidResult save() const;

    [[nodiscard]] bool hasSlot(const QString& user) const;
    [[nodiscard]] std::optional<WrappedKey> slot(const QString& user) const;
    void setSlot(const QString& user, const WrappedKey& key);
    void removeSlot(const QString& user);
    [[nodiscard]] QStringList users() const;
    /// Disabling removes the slot and remembers the name, so login can say why instead of "wrong password".
    void markDisabled(const QString& user);
    [[nodiscard]] bool isDisabled(const QString& user) const { return m_disabled.contains(user); }

    [[nodiscard]] const LoginLockoutPolicy& lockoutPolicy() const { return m_policy; }
    void setLockoutPolicy(const LoginLockoutPolicy& policy) { m_policy = policy; }
    /// Failures within the window and whether the account is locked at now.
    [[nodiscard]] LoginLockState lockState(const QString& user, const QDateTime& now) const;
    /// Counts a failed login; the state after it (locked when this failure reached the policy's count).
    LoginLockState recordFailure(const QString& user, const QDateTime& now);
    /// After a successful login or a Commander's unlock.
    void clearFailures(const QString& user);
    /// Accounts with failures or a lock on record (for the Users page and `user list`).
    [[nodiscard]] QStringList usersWithFailures() const;

    void addPendingEvent(const PendingSecurityEvent& event);
    [[nodiscard]] const QList<PendingSecurityEvent>& pendingEvents() const { return m_pending; }
    void clearPendingEvents() { m_pending.clear(); }

private:
    struct Slot {
        QString user;
        WrappedKey key;
    };
    struct FailureCounter {
        QString user;
        QList<QDateTime> times; ///< failures within the window, oldest first
        bool locked = false;
        QDateTime lockedUntil; ///< invalid while locked: until unlocked
    };
    FailureCounter* counter(const QString& user);
    const FailureCounter* counter(const QString& user) const;

    QString m_path;
    QList<Slot> m_slots;
    QList<FailureCounter> m_failures;
    QList<PendingSecurityEvent> m_pending;
    QStringList m_disabled;
    LoginLockoutPolicy m_policy;
    std::shared_ptr<QLockFile> m_lock;
};

} // namespace alpr::store
