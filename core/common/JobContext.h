#pragma once

#include <QString>

#include <atomic>
#include <functional>

namespace alpr {

/// Progress and cancellation for a long core job. A job is a plain function taking a JobContext&, so it runs the
/// same in a test, in the CLI and on the GUI's pool. Thread-safe: the job reports from its thread, the UI cancels
/// from its own.
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

private:
    ProgressCallback m_onProgress;
    const JobContext* m_parent = nullptr;
    std::atomic<bool> m_cancelled{false};
};

} // namespace alpr
