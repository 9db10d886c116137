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
    explicit JobContext(ProgressCallback onProgress) : m_onProgress(std::move(onProgress)) {}
    virtual ~JobContext() = default;

    void reportProgress(qint64 done, qint64 total, const QString& stage = {});
    void cancel() { m_cancelled.store(true); }
    [[nodiscard]] bool isCancelled() const { return m_cancelled.load(); }

private:
    ProgressCallback m_onProgress;
    std::atomic<bool> m_cancelled{false};
};

} // namespace alpr
