#pragma once

namespace alpr {
class JobContext;
}

namespace alpr::cli {

/// While it lives, Ctrl-C (SIGINT) asks the job to stop instead of killing the process, so that the job can roll
/// back or finish its batch and say so (a copy to a server, a purge). Restores the previous handler when it goes.
/// One at a time.
class CancelOnInterrupt {
public:
    explicit CancelOnInterrupt(JobContext& job);
    ~CancelOnInterrupt();
    CancelOnInterrupt(const CancelOnInterrupt&) = delete;
    CancelOnInterrupt& operator=(const CancelOnInterrupt&) = delete;

private:
    void (*m_previous)(int);
};

} // namespace alpr::cli
