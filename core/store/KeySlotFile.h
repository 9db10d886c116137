#pragma once

#include "common/Result.h"
#include "store/KeyWrap.h"

#include <QDateTime>
#include <QList>
#include <QString>

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

/// keyslots.json beside the store: one wrapped copy of the database key per account, plus the login failure
/// counters and pending security events. It holds no secret in clear; saving is atomic (QSaveFile).
class KeySlotFile {
public:
    static constexpr int kLockoutThreshold = 5;
    static constexpr int kLockoutMinutes = 15;

    /// Loads the file; an absent file gives an empty set (Corrupt when it exists but cannot be parsed).
    [[nodiscard]] static Result<KeySlotFile> load(const QString& path);
    [[nodiscard]] VoidResult save() const;

    [[nodiscard]] bool hasSlot(const QString& user) const;
    [[nodiscard]] std::optional<WrappedKey> slot(const QString& user) const;
    void setSlot(const QString& user, const WrappedKey& key);
    void removeSlot(const QString& user);
    [[nodiscard]] QStringList users() const;
    /// Disabling removes the slot and remembers the name, so login can say why instead of "wrong password".
    void markDisabled(const QString& user);
    [[nodiscard]] bool isDisabled(const QString& user) const { return m_disabled.contains(user); }

    /// Failure counting for lockout.
    [[nodiscard]] std::optional<QDateTime> lockedUntil(const QString& user, const QDateTime& now) const;
    /// Returns true when this failure locked the account.
    bool recordFailure(const QString& user, const QDateTime& now);
    void clearFailures(const QString& user);

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
        int count = 0;
        QDateTime lockedUntil;
    };
    FailureCounter* counter(const QString& user);
    const FailureCounter* counter(const QString& user) const;

    QString m_path;
    QList<Slot> m_slots;
    QList<FailureCounter> m_failures;
    QList<PendingSecurityEvent> m_pending;
    QStringList m_disabled;
};

} // namespace alpr::store
