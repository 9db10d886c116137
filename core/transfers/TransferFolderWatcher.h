#pragma once

#include "common/JobContext.h"
#include "common/Result.h"
#include "transfers/TransferRecord.h"

#include <QDateTime>
#include <QHash>
#include <QList>

namespace alpr {

class Session;

namespace store {
class Database;
}

/// The automatic transfer the policy asks for: units (or their docks) copy offloads into a watched folder, and each
/// scan imports every complete offload there once. An offload is a folder with a manifest.json, in the watched
/// folder or one level below it. One still being copied (a file changed within settleSeconds) waits for a later
/// scan; one imported before is skipped; one that failed is tried again by this watcher only after its folder changes. The caller
/// repeats scanOnce() on a timer (alprctl transfer watch, the fleet page's watched-folder setting).
class TransferFolderWatcher {
public:
    static constexpr int kDefaultSettleSeconds = 60;

    TransferFolderWatcher(Session& session, store::Database& db, int settleSeconds = kDefaultSettleSeconds)
        : m_session(session), m_db(db), m_settleSeconds(settleSeconds)
    {
    }

    /// One outcome for each offload tried (a failed one carries its reason); NotFound when the folder is not
    /// there; Cancelled when cancelled.
    [[nodiscard]] Result<QList<TransferOutcome>> scanOnce(const QString& watchedFolder, JobContext& job);

private:
    Session& m_session;
    store::Database& m_db;
    int m_settleSeconds;
    QHash<QString, QDateTime> m_failedAt; ///< folder -> its newest change when it failed
};

} // namespace alpr
