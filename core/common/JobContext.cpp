#include "common/JobContext.h"

#include <chrono>
#include <thread>

namespace alpr {

void JobContext::reportProgress(qint64 done, qint64 total, const QString& stage)
{
    if (m_onProgress)
        m_onProgress(done, total, stage);
}

void JobContext::waitWhilePaused() const
{
    // Polled rather than woken by a condition variable: a sub-job waits on its parent's flag, which would need the
    // parent to know its children. A tenth of a second is both unnoticeable on Resume and free while paused.
    constexpr auto pollInterval = std::chrono::milliseconds(100);
    if (!isPaused())
        return;
    const auto since = std::chrono::steady_clock::now();
    while (isPaused() && !isCancelled())
        std::this_thread::sleep_for(pollInterval);
    const qint64 waited =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - since).count();
    for (const JobContext* job = this; job; job = job->m_parent)
        job->m_pausedMs.fetch_add(waited);
}

} // namespace alpr
