#pragma once

namespace alpr::engine::internal {

/// Decides which of the sampled frames of footage the detector looks at, from what the tracker knows: every one
/// while a vehicle in view is still being read, fewer once every vehicle's reading has settled, and fewer with
/// nothing in view. Rates of 0 mean every sampled frame.
class AnalysisPacer {
public:
    enum class Scene {
        Reading, ///< some open track has not settled: analyse every sampled frame
        Settled, ///< every open track has settled: settled rate
        Empty,   ///< no open track: idle rate
    };

    AnalysisPacer(double settledFps, double idleFps);

    [[nodiscard]] bool shouldAnalyse(double seconds, Scene scene) const;
    /// Call for each frame that was analysed.
    void analysed(double seconds) { m_lastAnalysed = seconds; }

private:
    double m_settledInterval;
    double m_idleInterval;
    double m_lastAnalysed = -1e9;
};

} // namespace alpr::engine::internal
