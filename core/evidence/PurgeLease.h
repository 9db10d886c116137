#pragma once

#include <QDateTime>
#include <QString>

namespace alpr {

namespace store {
class Database;
}

/// Keeps two purges from running on one store at once (the GUI and alprctl, say): a lease in the settings table,
/// renewed with every batch. A lease not renewed for kStaleSeconds, or held by a process of this workstation that no
/// longer exists (a killed purge), is taken to belong to a purge that died, and a new purge may take it over (and
/// resume that run). All calls go inside the caller's write transaction and throw
/// ErrorException.
class PurgeLease {
public:
    static constexpr qint64 kStaleSeconds = 600;

    /// owner names this purge (workstation, process, a nonce). Refuses, naming the holder, while another owner's lease
    /// is fresh; otherwise takes or renews it.
    static void acquire(store::Database& db, const QString& owner, const QDateTime& nowUtc);
    static void release(store::Database& db, const QString& owner);
    /// A name for this process's purge: workstation, process id and a random part.
    [[nodiscard]] static QString newOwner(const QString& workstation);
};

} // namespace alpr
