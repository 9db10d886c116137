#include "cli/CancelOnInterrupt.h"

#include "common/JobContext.h"

#include <atomic>
#include <csignal>

namespace alpr::cli {

namespace {

// JobContext::cancel() is a lock-free atomic store: safe in a signal handler.
std::atomic<JobContext*> g_interruptedJob{nullptr};

extern "C" void cancelInterruptedJob(int)
{
    if (JobContext* job = g_interruptedJob.load())
        job->cancel();
}

} // namespace

CancelOnInterrupt::CancelOnInterrupt(JobContext& job)
{
    g_interruptedJob.store(&job);
    m_previous = std::signal(SIGINT, cancelInterruptedJob);
}

CancelOnInterrupt::~CancelOnInterrupt()
{
    std::signal(SIGINT, m_previous);
    g_interruptedJob.store(nullptr);
}

} // namespace alpr::cli
