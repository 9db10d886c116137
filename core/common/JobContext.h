#pragma once

#include <QString>

#include <atomic>
#include <functional>

namespace alpr {

/// Progress, pause and cancellation for a long core job. A job is a plain function taking a JobContext&, so it runs
/// the same in a test, in the CLI and on the GUI's pool. Thread-safe: the job reports from its thread, the UI pauses
/// and cancels from its own.
class JobContext {
public:
    using ProgressCallback = std::function<void(qint64 done, qint64 total, const QString& stage)>;

    JobContext() = default;
    explicit JobContext(ProgressCallback onProgress, const JobContext* parent = nullptr)
        : m_onProgress(std::move(onProgress)), m_parent(parent)
    {
    }
    virtual ~JobContext() = default;

    void reportProgress(qint64 done, qint64 total, const QString& stage = {});
    void cancel() { m_cancelled.store(true); }
    /// A sub-job (one file of an import) is cancelled with its parent.
    [[nodiscard]] bool isCancelled() const { return m_cancelled.load() || (m_parent && m_parent->isCancelled()); }

    /// Pausing only asks: the job stops at its next waitWhilePaused() (between frames, between files) and holds
    /// what it has in memory, so a paused hour-long file goes on where it stopped.
    void pause() { m_paused.store(true); }
    void resume() { m_paused.store(false); }
    /// A sub-job is paused with its parent.
    [[nodiscard]] bool isPaused() const { return m_paused.load() || (m_parent && m_parent->isPaused()); }
    /// Blocks the job's thread while it is paused; returns at once when it is (or becomes) cancelled, so Cancel
    /// works on a paused job. Call it next to the job's cancellation checks.
    void waitWhilePaused() const;
    /// Time the job (and its sub-jobs) spent waiting in waitWhilePaused(): what a time-left estimate leaves out.
    [[nodiscard]] qint64 pausedMsecs() const { return m_pausedMs.load(); }

private:
    ProgressCallback m_onProgress;
    const JobContext* m_parent = nullptr;
    std::atomic<bool> m_cancelled{false};
    std::atomic<bool> m_paused{false};
    mutable std::atomic<qint64> m_pausedMs{0};
};

} // namespace alpr
