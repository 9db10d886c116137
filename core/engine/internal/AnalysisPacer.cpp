#include "engine/internal/AnalysisPacer.h"

namespace alpr::engine::internal {

namespace {

// Container times jitter by a few ms (29.97 fps, rounded timestamps): a frame this close to the interval counts.
constexpr double timeTolerance = 0.02;

double intervalOf(double fps)
{
    return fps > 0.0 ? 1.0 / fps : 0.0;
}

} // namespace

AnalysisPacer::AnalysisPacer(double settledFps, double idleFps, double readingDetectionFps)
    : m_settledInterval(intervalOf(settledFps)), m_idleInterval(intervalOf(idleFps)),
      m_readingDetectionInterval(intervalOf(readingDetectionFps))
{
}

bool AnalysisPacer::needsFullDetection(double seconds, Scene scene) const
{
    if (scene != Scene::Reading)
        return true;
    return seconds - m_lastDetected >= m_readingDetectionInterval - timeTolerance;
}

bool AnalysisPacer::shouldAnalyse(double seconds, Scene scene) const
{
    const double interval = scene == Scene::Settled ? m_settledInterval : scene == Scene::Empty ? m_idleInterval : 0.0;
    return seconds - m_lastAnalysed >= interval - timeTolerance;
}

} // namespace alpr::engine::internal
